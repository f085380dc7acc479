package dev.migrator.internal.revision;

import java.util.List;
import java.util.Set;

/**
 * An ordered list of steps from the version-table rows {@code before} to the rows {@code after}.
 *
 * @param heldBack revisions the target needs that the plan leaves out, in the order they would run:
 *                 those the caller held back (contract-phase revisions under
 *                 {@code ContractPolicy.DEFER}) and everything that needs one of them. Empty for
 *                 downgrades and stamps.
 */
public record Plan(Set<String> before, List<Step> steps, Set<String> after, List<String> heldBack) {

    public Plan {
        before = Set.copyOf(before);
        steps = List.copyOf(steps);
        after = Set.copyOf(after);
        heldBack = List.copyOf(heldBack);
    }

    /** A plan that holds nothing back. */
    public Plan(Set<String> before, List<Step> steps, Set<String> after) {
        this(before, steps, after, List.of());
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
