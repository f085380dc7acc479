package dev.migrator.result;

import java.util.Set;

/** The outcome of {@code stamp}: the version table before and after; no revision ran. */
public record StampResult(Set<String> before, Set<String> after) {

    public StampResult {
        before = Set.copyOf(before);
        after = Set.copyOf(after);
    }
}
