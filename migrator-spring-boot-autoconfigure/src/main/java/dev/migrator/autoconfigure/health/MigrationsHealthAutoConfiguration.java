package dev.migrator.autoconfigure.health;

import dev.migrator.autoconfigure.status.MigrationChecks;
import dev.migrator.autoconfigure.status.MigrationStatusView;
import dev.migrator.autoconfigure.status.MigratorChecksAutoConfiguration;
import dev.migrator.Migrator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/** Health contributor {@code migrations} ({@code management.health.migrations.enabled}). */
@AutoConfiguration(after = MigratorChecksAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(Migrator.class)
public final class MigrationsHealthAutoConfiguration {

    // on the method: the class-level @ConditionalOnClass is decided before this annotation is loaded
    @Bean
    @ConditionalOnEnabledHealthIndicator("migrations")
    @ConditionalOnMissingBean(name = "migrationsHealthIndicator")
    MigrationsHealthIndicator migrationsHealthIndicator(MigrationStatusView status, ObjectProvider<MigrationChecks> checks) {
        return new MigrationsHealthIndicator(status, checks.getIfAvailable());
    }
}
