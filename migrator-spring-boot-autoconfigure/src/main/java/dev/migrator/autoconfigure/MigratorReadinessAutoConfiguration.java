package dev.migrator.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Holds the readiness probe back until the startup migration finished. Spring Boot publishes
 * ACCEPTING_TRAFFIC as soon as the application is ready, which in async mode races with the
 * migration; the readiness indicator therefore also asks {@link MigratorStartupStatus}, so
 * {@code /actuator/health/readiness} is not UP before migrations finished, with no configuration.
 * Spring Boot 4 always contributes the readiness indicator when health is present, so this does too.
 */
@AutoConfiguration(after = MigratorAutoConfiguration.class,
        afterName = "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration",
        beforeName = {
        "org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration",
        "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration"})
@ConditionalOnClass(ReadinessStateHealthIndicator.class)
@ConditionalOnBean({MigratorStartupStatus.class, ApplicationAvailability.class})
public final class MigratorReadinessAutoConfiguration {

    /** Same name as Boot's bean, which then backs off; a user's own bean of that name wins over both. */
    @Bean
    @ConditionalOnMissingBean(name = "readinessStateHealthIndicator")
    ReadinessStateHealthIndicator readinessStateHealthIndicator(ApplicationAvailability availability,
            MigratorStartupStatus status) {
        return new MigrationAwareReadinessStateHealthIndicator(availability, status);
    }
}
