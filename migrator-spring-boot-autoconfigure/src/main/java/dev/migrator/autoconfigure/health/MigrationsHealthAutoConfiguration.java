package dev.migrator.autoconfigure.health;

import dev.migrator.Migrator;
import dev.migrator.autoconfigure.status.MigrationChecks;
import dev.migrator.autoconfigure.status.MigrationStatusView;
import dev.migrator.autoconfigure.status.MigratorChecksAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Health contributor {@code migrations} ({@code management.health.migrations.enabled}), with its
 * conditions at class level as Boot's own health contributor auto-configurations have them.
 */
@AutoConfiguration(after = MigratorChecksAutoConfiguration.class)
@ConditionalOnClass({Migrator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(Migrator.class)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationsHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "migrationsHealthIndicator")
    MigrationsHealthIndicator migrationsHealthIndicator(MigrationStatusView status, ObjectProvider<MigrationChecks> checks) {
        return new MigrationsHealthIndicator(status, checks.getIfAvailable());
    }
}
