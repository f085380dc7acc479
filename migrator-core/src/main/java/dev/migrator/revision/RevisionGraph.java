package dev.migrator.revision;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The DAG of revisions: heads, bases, branches, merges, dependencies, labels, and the plans that
 * move a database's version table from one state to another. Pure data: no JDBC, no files.
 *
 * <p>The version table holds the heads of the applied set; the applied set of a version table is
 * every row together with all its ancestors through {@code revises} and {@code dependsOn}.
 */
public final class RevisionGraph {

    private RevisionGraph() {}

    /** Builds and validates the graph; throws {@link RevisionGraphException} naming the sources involved. */
    public static RevisionGraph of(Collection<RevisionNode> nodes) {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<RevisionNode> node(String id) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Every node, parents and dependencies before children; deterministic. */
    public List<RevisionNode> nodes() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Revisions with no children, sorted. */
    public List<String> heads() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Revisions with no parents, sorted. */
    public List<String> bases() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Revisions with more than one child, sorted. */
    public List<String> branchPoints() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Every revision applied when the version table holds {@code versionRows}; ids the graph does not know are ignored. */
    public Set<String> appliedClosure(Set<String> versionRows) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Version-table rows unknown to this graph (the database is AHEAD of the code). */
    public Set<String> unknown(Set<String> versionRows) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Steps that apply everything {@code target} needs and is not applied yet, parents and dependencies first. */
    public Plan upgrade(Set<String> versionRows, String target) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Steps that unapply every applied revision {@code target} does not need, children first. */
    public Plan downgrade(Set<String> versionRows, String target) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The version-table rows after stamping {@code target}; one STAMP step per changed row set. */
    public Plan stamp(Set<String> versionRows, String target) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The full id for a full id or a unique prefix of at least 4 characters. */
    public String resolveId(String idOrPrefix) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Revisions of a history range {@code [from]:[to]} (either side optional), newest first. */
    public List<RevisionNode> range(String range) {
        throw new UnsupportedOperationException("TODO");
    }
}
