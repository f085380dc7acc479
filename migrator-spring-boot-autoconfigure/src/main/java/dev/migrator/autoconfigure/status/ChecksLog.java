package dev.migrator.autoconfigure.status;

import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.result.VerifyResult;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@link MigrationChecks} logs, under its name: an evaluation's outcome after a run, one that could not run. */
final class ChecksLog {

    private static final Logger log = LoggerFactory.getLogger(MigrationChecks.class);

    private ChecksLog() {}

    /** The outcome of an evaluation that could not even set the checks up: one FAILED result saying why. */
    static VerifyResult couldNotEvaluate(RuntimeException e, long started) {
        log.warn("Post-deploy checks could not be evaluated: {}", e.getMessage());
        return new VerifyResult(List.of(new CheckResult("checks", null, CheckResult.Status.FAILED,
                Duration.ofNanos(System.nanoTime() - started), "could not evaluate the checks: " + e.getMessage())));
    }

    static void outcome(VerifyResult result) {
        if (result.passed()) {
            log.info("Post-deploy checks passed ({} checks)", result.results().size());
            return;
        }
        log.warn("{} of {} post-deploy checks FAILED after migrating; see /actuator/migrations/checks",
                result.failed(), result.results().size());
        for (CheckResult check : result.results()) {
            if (!check.passed()) {
                log.warn("  {}{}: {}", check.name(), check.revision() == null ? "" : " " + check.revision(), check.detail());
            }
        }
    }
}
