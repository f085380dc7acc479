package dev.migrator.autoconfigure.status;

import dev.migrator.Migrator;
import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.MigratorProperties;
import dev.migrator.autoconfigure.MigratorStartupStatus;
import dev.migrator.check.PostDeployCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * What the endpoint, health and metrics share, and what works without actuator: the database state
 * as this process sees it, and the post-deploy checks (run and logged after every successful run).
 */
@AutoConfiguration(after = MigratorAutoConfiguration.class)
@ConditionalOnBean(Migrator.class)
public final class MigratorChecksAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MigrationStatusView migrationStatusView(ObjectProvider<Migrator> migrator, ObjectProvider<MigratorStartupStatus> startup,
            ObjectProvider<MigrationChecks> checks, MigratorProperties properties) {
        return new MigrationStatusView(migrator, startup, checks, properties.getStatusTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "migrator.checks.enabled", matchIfMissing = true)
    MigrationChecks migrationChecks(ObjectProvider<Migrator> migrator, ObjectProvider<PostDeployCheck> checks,
            MigratorProperties properties) {
        return new MigrationChecks(migrator, checks, properties.getChecks().getCacheTtl());
    }
}
