package dev.migrator.revision;

import java.util.List;
import java.util.Set;

/** An ordered list of steps from the version-table rows {@code before} to the rows {@code after}. */
public record Plan(Set<String> before, List<Step> steps, Set<String> after) {

    public Plan {
        before = Set.copyOf(before);
        steps = List.copyOf(steps);
        after = Set.copyOf(after);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
