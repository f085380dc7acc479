package dev.migrator.autoconfigure.health;

import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.result.MigratorStatus;
import dev.migrator.result.VerifyResult;
import dev.migrator.autoconfigure.status.MigrationChecks;
import dev.migrator.autoconfigure.status.MigrationStatusView;
import dev.migrator.autoconfigure.status.StatusReading;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health contributor {@code migrations}: UP when the database is up to date (or AHEAD, or only
 * deferred contract revisions remain) and every post-deploy check passes; OUT_OF_SERVICE while
 * revisions are pending or a run is in progress; DOWN when the last run failed or a check fails;
 * UNKNOWN, with the cause and the last state read, when the database does not answer within
 * {@code migrator.status-timeout}.
 */
public class MigrationsHealthIndicator implements HealthIndicator {

    private final MigrationStatusView status;
    private final @Nullable MigrationChecks checks;
    private final Clock clock = Clock.systemUTC();

    /** @param checks null when {@code migrator.checks.enabled=false} */
    public MigrationsHealthIndicator(MigrationStatusView status, @Nullable MigrationChecks checks) {
        this.status = status;
        this.checks = checks;
    }

    @Override
    public Health health() {
        // the checks, when due, are evaluated on the status read's connection right after it: one read per check
        MigrationStatusView.WithChecks read = checks == null ? new MigrationStatusView.WithChecks(status.read(), null)
                : status.read(MigrationsHealthIndicator::settled);
        StatusReading reading = read.reading();
        if (reading instanceof StatusReading.Unknown unknown) {
            return unknown(unknown);
        }
        MigratorStatus current = ((StatusReading.Known) reading).status();
        Health.Builder health = switch (current.state()) {
            case UP_TO_DATE, AHEAD, CONTRACT_PENDING -> Health.up();
            case PENDING, MIGRATING -> Health.outOfService();
            // no version table yet: only a problem when the code has revisions to apply
            case NOT_INITIALIZED -> current.pending().isEmpty() ? Health.up() : Health.outOfService();
            case FAILED -> Health.down();
        };
        health.withDetail("state", current.state().name())
                .withDetail("current", List.copyOf(new TreeSet<>(current.current())))
                .withDetail("heads", current.heads())
                .withDetail("pending", current.pending().size());
        // Checks only decide between UP and DOWN: while revisions are pending the version-table check
        // fails by definition, and a running CREATE INDEX CONCURRENTLY is INVALID until it finishes.
        if (checks != null && settled(current)) {
            // past the status timeout, the last evaluation; before the first one has finished, no verdict
            Optional<VerifyResult> evaluated = checks.current(status.timeout(), read.checks());
            if (evaluated.isEmpty()) {
                return health.withDetail("checks", "EVALUATING").build();
            }
            VerifyResult result = evaluated.get();
            List<String> failing = result.results().stream().filter(r -> !r.passed())
                    .map(r -> r.revision() == null ? r.name() : r.name() + " " + r.revision()).toList();
            health.withDetail("checks", result.passed() ? CheckResult.Status.PASSED.name() : CheckResult.Status.FAILED.name());
            if (!failing.isEmpty()) {
                health.down().withDetail("failedChecks", failing);
            }
        }
        return health.build();
    }

    /** The states the checks decide between UP and DOWN in. */
    private static boolean settled(MigratorStatus current) {
        return current.state() == MigrationState.UP_TO_DATE || current.state() == MigrationState.AHEAD
                || current.state() == MigrationState.CONTRACT_PENDING;
    }

    private Health unknown(StatusReading.Unknown unknown) {
        Health.Builder health = Health.unknown().withDetail("state", "UNKNOWN").withDetail("error", unknown.reason());
        StatusReading.Known last = unknown.last();
        if (last != null) {
            health.withDetail("lastState", last.status().state().name())
                    .withDetail("lastReadAt", last.readAt().toString())
                    .withDetail("lastStateAgeSeconds", last.age(clock.instant()).toSeconds());
        }
        return health.build();
    }
}
