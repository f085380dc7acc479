package dev.migrator.autoconfigure.actuate.endpoint;

import dev.migrator.Migrator;
import dev.migrator.autoconfigure.status.MigrationChecks;
import dev.migrator.autoconfigure.status.MigrationStatusView;
import dev.migrator.autoconfigure.status.MigratorChecksAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code migrations} actuator endpoint, when actuator is present and the endpoint is available.
 * Conditions sit where Boot's own endpoint auto-configurations put them: the class-level
 * {@code @ConditionalOnClass} is decided from the class file before the actuator annotation next to it
 * is ever loaded.
 */
@AutoConfiguration(after = MigratorChecksAutoConfiguration.class)
@ConditionalOnClass({Migrator.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

    @Bean
    @ConditionalOnBean(Migrator.class)
    @ConditionalOnMissingBean
    MigrationsEndpoint migrationsEndpoint(Migrator migrator, MigrationStatusView status, ObjectProvider<MigrationChecks> checks) {
        return new MigrationsEndpoint(migrator, status, checks.getIfAvailable());
    }
}
