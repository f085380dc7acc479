package dev.migrator.autoconfigure.actuate.endpoint;

import dev.migrator.autoconfigure.status.MigrationChecks;
import dev.migrator.autoconfigure.status.MigrationStatusView;
import dev.migrator.autoconfigure.status.MigratorChecksAutoConfiguration;
import dev.migrator.Migrator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code migrations} actuator endpoint, when actuator is present and the endpoint is exposed. */
@AutoConfiguration(after = MigratorChecksAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(Migrator.class)
public final class MigrationsEndpointAutoConfiguration {

    // on the method, not the class: the class-level @ConditionalOnClass must be decided before this
    // annotation (from actuator) is loaded
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
    MigrationsEndpoint migrationsEndpoint(Migrator migrator, MigrationStatusView status, ObjectProvider<MigrationChecks> checks) {
        return new MigrationsEndpoint(migrator, status, checks.getIfAvailable());
    }
}
