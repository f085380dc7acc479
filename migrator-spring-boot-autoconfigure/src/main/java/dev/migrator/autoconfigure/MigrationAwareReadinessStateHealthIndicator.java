package dev.migrator.autoconfigure;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;

/** Boot's readiness indicator, but REFUSING_TRAFFIC while the startup migration has not finished. */
final class MigrationAwareReadinessStateHealthIndicator extends ReadinessStateHealthIndicator {

    private final MigratorStartupStatus status;

    MigrationAwareReadinessStateHealthIndicator(ApplicationAvailability availability, MigratorStartupStatus status) {
        super(availability);
        this.status = status;
    }

    @Override
    protected AvailabilityState getState(ApplicationAvailability availability) {
        return status.allowsTraffic() ? super.getState(availability) : ReadinessState.REFUSING_TRAFFIC;
    }
}
