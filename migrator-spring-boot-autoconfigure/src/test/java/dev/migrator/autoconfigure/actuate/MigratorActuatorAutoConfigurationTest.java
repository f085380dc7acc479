package dev.migrator.autoconfigure.actuate;

import dev.migrator.autoconfigure.status.MigrationChecks;
import dev.migrator.autoconfigure.status.MigrationStatusView;
import dev.migrator.autoconfigure.status.MigratorChecksAutoConfiguration;
import dev.migrator.autoconfigure.actuate.endpoint.MigrationsEndpoint;
import dev.migrator.autoconfigure.actuate.endpoint.MigrationsEndpointAutoConfiguration;
import dev.migrator.autoconfigure.health.MigrationsHealthAutoConfiguration;
import dev.migrator.autoconfigure.metrics.MigratorMetrics;
import dev.migrator.autoconfigure.metrics.MigratorMetricsAutoConfiguration;
import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The guards: actuator, health and Micrometer are optional, and each part can be switched off. */
@ExtendWith(FreshDatabase.class)
class MigratorActuatorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
                    EndpointAutoConfiguration.class, MigratorChecksAutoConfiguration.class,
                    MigrationsEndpointAutoConfiguration.class, MigrationsHealthAutoConfiguration.class,
                    MigratorMetricsAutoConfiguration.class))
            .withPropertyValues("migrator.locations=classpath:db/ops", "management.endpoints.web.exposure.include=migrations");

    private ApplicationContextRunner on(TestDatabase db) {
        return runner.withPropertyValues("spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(), "spring.datasource.password=" + db.password());
    }

    @Test
    void everyPartIsPresentWithActuatorAndARegistry(TestDatabase db) {
        on(db).withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasNotFailed()
                    .hasSingleBean(MigrationChecks.class).hasSingleBean(MigrationsEndpoint.class)
                    .hasBean("migrationsHealthIndicator").hasSingleBean(MigratorMetrics.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("migrator.migration.duration").tag("revision", "0a5e00000001").timer().count()).isEqualTo(1);
        });
    }

    @Test
    void infoGaugeStaysRegisteredWhileTheStateIsUnchangedAndMovesWithIt(TestDatabase db) {
        on(db).withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            MigratorMetrics metrics = context.getBean(MigratorMetrics.class);
            metrics.refresh().join();
            io.micrometer.core.instrument.Gauge info = registry.get("migrator.info").gauge();

            metrics.refresh().join();

            // the same meter: a scrape that triggers a refresh never finds it removed
            assertThat(registry.get("migrator.info").gauge()).isSameAs(info);
            assertThat(info.getId().getTag("state")).isEqualTo("UP_TO_DATE");

            context.getBean(dev.migrator.Migrator.class).downgrade("0a5e00000001");
            metrics.refresh().join();

            assertThat(registry.find("migrator.info").gauges()).singleElement()
                    .satisfies(gauge -> assertThat(gauge.getId().getTag("revision")).isEqualTo("0a5e00000001"))
                    .satisfies(gauge -> assertThat(gauge.getId().getTag("state")).isEqualTo("PENDING"))
                    .satisfies(gauge -> assertThat(gauge.value()).isEqualTo(1.0));
        });
    }

    @Test
    void aLockTimeoutRetryIsCountedAndTheStepTimedOnceItSucceeds(TestDatabase db) {
        on(db).withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("migrator.startup.action=none", "migrator.lock-timeout=200ms", "migrator.lock-retries=20")
                .run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    dev.migrator.Migrator migrator = context.getBean(dev.migrator.Migrator.class);
                    migrator.upgrade("0a5e00000001");
                    java.util.concurrent.CompletableFuture<dev.migrator.MigrationResult> upgrade;
                    try (java.sql.Connection traffic = db.connect()) {
                        // an open transaction that read accounts: ALTER TABLE must wait for it
                        traffic.setAutoCommit(false);
                        traffic.createStatement().execute("LOCK TABLE accounts IN ACCESS SHARE MODE");
                        upgrade = java.util.concurrent.CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
                        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                                .until(() -> registry.get("migrator.lock.retries").counter().count() >= 1);
                        traffic.rollback();
                    }

                    assertThat(upgrade.get(30, java.util.concurrent.TimeUnit.SECONDS).applied()).isEqualTo(1);
                    assertThat(registry.get("migrator.migration.duration").tags("revision", "0a5e00000002",
                            "direction", "upgrade", "outcome", "success").timer().count()).isEqualTo(1);
                    assertThat(registry.get("migrator.lock.wait").timer().count()).isEqualTo(2);
                });
    }

    @Test
    void aFailedStepIsTimedWithOutcomeFailure(TestDatabase db) {
        on(db).withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("migrator.startup.action=none",
                        "migrator.locations=classpath:db/migrations,classpath:db/failing")
                .run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    dev.migrator.Migrator migrator = context.getBean(dev.migrator.Migrator.class);

                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> migrator.upgrade("heads"))
                            .isInstanceOf(dev.migrator.MigratorException.class).hasMessageContaining("c3d4e5f6a1b2");

                    assertThat(registry.get("migrator.migration.duration").tags("revision", "a1b2c3d4e5f6",
                            "outcome", "success").timer().count()).isEqualTo(1);
                    assertThat(registry.get("migrator.migration.duration").tags("revision", "c3d4e5f6a1b2",
                            "direction", "upgrade", "outcome", "failure").timer().count()).isEqualTo(1);
                });
    }

    @Test
    void checksWorkWithoutActuator(TestDatabase db) {
        // Imported as an application imports them: Boot filters each auto-configuration on its class-level
        // conditions (from the generated metadata) before it reads the actuator annotations next to them.
        new ApplicationContextRunner().withUserConfiguration(AllOfMigrator.class)
                .withPropertyValues("migrator.locations=classpath:db/ops", "spring.datasource.url=" + db.url(),
                        "spring.datasource.username=" + db.user(), "spring.datasource.password=" + db.password())
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health",
                        "io.micrometer")).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MigrationChecks.class).hasSingleBean(MigrationStatusView.class)
                    .doesNotHaveBean(MigrationsEndpoint.class).doesNotHaveBean("migrationsHealthIndicator")
                    .doesNotHaveBean(MigratorMetrics.class);
            assertThat(context.getBean(MigrationChecks.class).current().passed()).isTrue();
        });
    }

    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class,
            MigratorChecksAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class,
            MigrationsHealthAutoConfiguration.class, MigratorMetricsAutoConfiguration.class})
    static class AllOfMigrator {
    }

    @Test
    void endpointBacksOffWhenNotExposed(TestDatabase db) {
        on(db).withPropertyValues("management.endpoints.web.exposure.include=health")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
    }

    @Test
    void healthBacksOffWhenDisabled(TestDatabase db) {
        on(db).withPropertyValues("management.health.migrations.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("migrationsHealthIndicator"));
    }

    @Test
    void metricsBackOffWithoutARegistry(TestDatabase db) {
        on(db).run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MigratorMetrics.class));
    }

    @Test
    void checksBackOffWhenDisabled(TestDatabase db) {
        on(db).withPropertyValues("migrator.checks.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(MigrationChecks.class).hasSingleBean(MigrationsEndpoint.class);
        });
    }

    @Test
    void everythingBacksOffWithMigrator(TestDatabase db) {
        on(db).withPropertyValues("migrator.enabled=false").run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(MigrationChecks.class).doesNotHaveBean(MigrationsEndpoint.class)
                .doesNotHaveBean("migrationsHealthIndicator").doesNotHaveBean(MigrationStatusView.class));
    }
}
