package dev.migrator.internal.revision;

import java.util.List;

/**
 * A parsed target expression (SPEC §3), before it is resolved against a graph. Parsing and
 * resolving are separate so that a syntax error can be reported without a graph and so that
 * every command (upgrade, downgrade, stamp, history ranges) reads targets the same way.
 */
sealed interface Target {

    /** The text the user wrote, for error messages. */
    String text();

    /** {@code heads}: every head. */
    record Heads(String text) implements Target {}

    /** {@code head}: the only head; an error when there are several. */
    record Head(String text) implements Target {}

    /** {@code base}: nothing applied. */
    record Base(String text) implements Target {}

    /** One or more full ids or unique prefixes ({@code a1b2c3}, or {@code a1b2,c3d4} for several). */
    record Revisions(String text, List<String> refs) implements Target {}

    /** {@code <label>@head}: the head of a branch. */
    record BranchHead(String text, String label) implements Target {}

    /** {@code <label>@base}: the state before the first revision of a branch. */
    record BranchBase(String text, String label) implements Target {}

    /** {@code <label>@<id>}: a revision looked up among the revisions of a branch. */
    record BranchRevision(String text, String label, String ref) implements Target {}

    /**
     * {@code +N}, {@code -N}, {@code <label>@+N}, {@code <label>@-N}: N steps of the plan towards
     * the heads (or the branch's head) or towards base (or the branch's base), from the current rows.
     *
     * @param label null for the whole graph
     * @param steps positive for upgrades, negative for downgrades, never 0
     */
    record Relative(String text, String label, int steps) implements Target {}

    /**
     * {@code <id>+N}, {@code <id>-N}, {@code head-N}: the revision N steps from a revision, through
     * children (+) or parents (-).
     */
    record Walk(String text, String ref, int steps) implements Target {}
}
