package dev.migrator.result;

import java.time.Duration;
import java.util.List;

/** The outcome of {@code verify}: every post-deploy check that ran. */
public record VerifyResult(List<CheckResult> results) {

    public VerifyResult {
        results = List.copyOf(results);
    }

    public boolean passed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    public long failed() {
        return results.stream().filter(r -> !r.passed()).count();
    }

    /**
     * One post-deploy check.
     *
     * @param revision the revision whose {@code verify} query this is, or null for a built-in or user check
     * @param detail   why it failed, or a short confirmation when it passed
     */
    public record CheckResult(String name, String revision, Status status, Duration duration, String detail) {

        public enum Status { PASSED, FAILED }

        public boolean passed() {
            return status == Status.PASSED;
        }
    }
}
