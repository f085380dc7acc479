package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.ContractPolicy;
import dev.migrator.Migrator;
import dev.migrator.MigratorConfiguration;
import dev.migrator.UnknownRevisionPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MigratorPropertiesTest {

    @Test
    void defaultsEqualTheCoreDefaults() {
        MigratorProperties properties = new MigratorProperties();
        MigratorConfiguration core = Migrator.configure();

        assertThat(properties.getLocations()).isEqualTo(core.getLocations()).isEqualTo(MigratorConfiguration.DEFAULT_LOCATIONS);
        assertThat(properties.getSchema()).isEqualTo(core.getSchema());
        assertThat(properties.getTablePrefix()).isEqualTo(core.getTablePrefix()).isEqualTo(MigratorConfiguration.DEFAULT_TABLE_PREFIX);
        assertThat(properties.getLockTimeout()).isEqualTo(core.getLockTimeout()).isEqualTo(MigratorConfiguration.DEFAULT_LOCK_TIMEOUT);
        assertThat(properties.getStatementTimeout()).isEqualTo(core.getStatementTimeout()).isEqualTo(MigratorConfiguration.DEFAULT_STATEMENT_TIMEOUT);
        assertThat(properties.getLockRetries()).isEqualTo(core.getLockRetries()).isEqualTo(MigratorConfiguration.DEFAULT_LOCK_RETRIES);
        assertThat(properties.getAdvisoryLockWait()).isEqualTo(core.getAdvisoryLockWait()).isEqualTo(MigratorConfiguration.DEFAULT_ADVISORY_LOCK_WAIT);
        assertThat(properties.isValidateChecksums()).isEqualTo(core.isValidateChecksums());
        assertThat(properties.getOnUnknownRevision()).isEqualTo(core.getOnUnknownRevision());
        assertThat(properties.getContract()).isEqualTo(core.getContract());
        assertThat(properties.getUrl()).isEqualTo(core.getUrl());
        assertThat(properties.getUser()).isEqualTo(core.getUser());
        assertThat(properties.getChecks().getTimeout()).isEqualTo(core.getCheckTimeout()).isEqualTo(MigratorConfiguration.DEFAULT_CHECK_TIMEOUT);
        assertThat(properties.getConnectRetries()).isEqualTo(core.getConnectRetries()).isEqualTo(MigratorConfiguration.DEFAULT_CONNECT_RETRIES);
        assertThat(properties.getConnectRetriesInterval()).isEqualTo(core.getConnectRetriesInterval())
                .isEqualTo(MigratorConfiguration.DEFAULT_CONNECT_RETRIES_INTERVAL);
        assertThat(properties.getBaseline()).isEqualTo(core.getBaseline()).isNull();
    }

    @Test
    void specDefaultsOfStarterOnlyProperties() {
        MigratorProperties properties = new MigratorProperties();

        assertThat(properties.isEnabled()).isTrue();
        assertThat(properties.getTarget()).isEqualTo("heads");
        assertThat(properties.getStartup().getAction()).isEqualTo(StartupAction.UPGRADE);
        assertThat(properties.getStartup().isAsync()).isFalse();
        assertThat(properties.getChecks().isEnabled()).isTrue();
        assertThat(properties.getChecks().getCacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.isFailOnMissingLocations()).isTrue();
        assertThat(properties.getAcceptChecksumChange()).isNull();
        // the engine has no read bound by default; the starter's ops view must answer within one
        assertThat(properties.getStatusTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void startupAndStatusPropertiesAreMappedToTheEngine() {
        MigratorProperties properties = bind(Map.of("migrator.connect-retries", "7",
                "migrator.connect-retries-interval", "15s", "migrator.baseline", "0a5e00000001",
                "migrator.status-timeout", "1500ms", "migrator.fail-on-missing-locations", "false",
                "migrator.accept-checksum-change", "all: reformatted"));
        MigratorConfiguration configuration = Migrator.configure();

        properties.applyTo(configuration);

        assertThat(configuration.getConnectRetries()).isEqualTo(7);
        assertThat(configuration.getConnectRetriesInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(configuration.getBaseline()).isEqualTo("0a5e00000001");
        assertThat(configuration.getReadTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(properties.isFailOnMissingLocations()).isFalse();
        assertThat(AcceptChecksumChange.parse(properties.getAcceptChecksumChange()))
                .isEqualTo(new AcceptChecksumChange("all", "reformatted"));
    }

    @Test
    void everyEnginePropertyIsCorrectlyMapped() {
        MigratorProperties properties = bind(Map.ofEntries(
                Map.entry("migrator.locations", "classpath:a,filesystem:/opt/b"),
                Map.entry("migrator.schema", "ops"),
                Map.entry("migrator.table-prefix", "mig_"),
                Map.entry("migrator.contract", "apply"),
                Map.entry("migrator.lock-timeout", "2s"),
                Map.entry("migrator.statement-timeout", "1m"),
                Map.entry("migrator.lock-retries", "9"),
                Map.entry("migrator.advisory-lock-wait", "30s"),
                Map.entry("migrator.validate-checksums", "false"),
                Map.entry("migrator.on-unknown-revision", "fail")));
        MigratorConfiguration configuration = Migrator.configure();

        properties.applyTo(configuration);

        assertThat(configuration.getLocations()).containsExactly("classpath:a", "filesystem:/opt/b");
        assertThat(configuration.getSchema()).isEqualTo("ops");
        assertThat(configuration.getTablePrefix()).isEqualTo("mig_");
        assertThat(configuration.getContract()).isEqualTo(ContractPolicy.APPLY);
        assertThat(configuration.getLockTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(configuration.getStatementTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(configuration.getLockRetries()).isEqualTo(9);
        assertThat(configuration.getAdvisoryLockWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(configuration.isValidateChecksums()).isFalse();
        assertThat(configuration.getOnUnknownRevision()).isEqualTo(UnknownRevisionPolicy.FAIL);
    }

    @Test
    void contractDeferIsMappedToContractPolicyDefer() {
        MigratorConfiguration configuration = Migrator.configure().contract(ContractPolicy.APPLY);

        bind(Map.of("migrator.contract", "defer")).applyTo(configuration);

        assertThat(configuration.getContract()).isEqualTo(ContractPolicy.DEFER);
    }

    @Test
    void startupPropertiesBind() {
        MigratorProperties properties = bind(Map.of("migrator.startup.action", "validate",
                "migrator.startup.async", "true", "migrator.checks.cache-ttl", "5s", "migrator.checks.enabled", "false",
                "migrator.checks.timeout", "2m"));

        assertThat(properties.getStartup().getAction()).isEqualTo(StartupAction.VALIDATE);
        assertThat(properties.getStartup().isAsync()).isTrue();
        assertThat(properties.getChecks().getCacheTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.getChecks().isEnabled()).isFalse();
        assertThat(properties.getChecks().getTimeout()).isEqualTo(Duration.ofMinutes(2));
        MigratorConfiguration configuration = Migrator.configure();
        properties.applyTo(configuration);
        assertThat(configuration.getCheckTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.getLocations()).isEqualTo(List.of("classpath:db/migrations"));
    }

    private static MigratorProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("migrator", MigratorProperties.class);
    }
}
