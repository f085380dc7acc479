package dev.migrator.result;

import java.time.Duration;

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
