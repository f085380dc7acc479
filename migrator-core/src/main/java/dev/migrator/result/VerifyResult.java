package dev.migrator.result;

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
}
