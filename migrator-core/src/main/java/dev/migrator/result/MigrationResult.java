package dev.migrator.result;

import dev.migrator.ContractPolicy;
import dev.migrator.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The outcome of an upgrade or downgrade run.
 *
 * @param before   version-table rows before the run
 * @param after    version-table rows after the run
 * @param steps    executed revisions, in order
 * @param deferred revisions left pending by {@link ContractPolicy#DEFER}: contract-phase revisions
 *                 and every revision that needs one, in the order they would run
 * @param lockWait time spent waiting for another instance's run
 */
public record MigrationResult(
        Direction direction,
        Set<String> before,
        Set<String> after,
        List<StepResult> steps,
        List<RevisionInfo> deferred,
        Duration lockWait,
        Instant startedAt,
        Instant finishedAt) {

    public MigrationResult {
        before = Set.copyOf(before);
        after = Set.copyOf(after);
        steps = List.copyOf(steps);
        deferred = List.copyOf(deferred);
    }

    public int applied() {
        return steps.size();
    }

    /**
     * One executed revision of a run.
     *
     * @param attempts 1, or more when lock timeouts were retried
     */
    public record StepResult(String revision, Direction direction, String message, Duration duration, int attempts) {}
}
