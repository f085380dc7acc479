package dev.migrator.internal.revision;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The DAG of revisions: heads, bases, branches, merges, dependencies, labels, and the plans that
 * move a database's version table from one state to another. Pure data: no JDBC, no files.
 *
 * <p>The version table holds one row per applied revision that has no applied child. The applied
 * set of a version table is every row together with all its ancestors through {@code revises} and
 * {@code dependsOn}. A dependency does not make a revision a non-head, so a revision that others
 * only depend on keeps its own row (Alembic folds it into the dependent's row; Migrator does not).
 * Rows the graph does not know are ignored by planning and never removed by any plan.
 *
 * <p>Targets (SPEC §3) are read the same way by every command:
 * <ul>
 *   <li>{@code heads}, {@code head} (an error if there are several heads), {@code base};</li>
 *   <li>a full id or a unique prefix of at least 4 characters; several ids separated by commas
 *       name the union of their closures;</li>
 *   <li>{@code <label>@head}, {@code <label>@base}, {@code <label>@<id>}: see {@link Branches} for
 *       which revisions a label covers (a label carries through merges) and which revisions are on
 *       its line;</li>
 *   <li>{@code +N} / {@code -N}: N revisions applied / unapplied one at a time from the current
 *       rows; {@code <label>@+N} / {@code <label>@-N} the same on one branch. When more than one
 *       revision could be next (several current heads, a fork) the target is ambiguous: an error
 *       naming what to write instead, never a branch picked by id (see {@link RelativeSteps});</li>
 *   <li>{@code <id>+N} / {@code <id>-N} (and {@code head-N}): the revision N steps away through
 *       children / parents; an error at a fork or a merge.</li>
 * </ul>
 * An upgrade applies the target revisions and everything they need. A downgrade to revisions
 * unapplies what was built on top of them (their children and everything that needs those, as
 * Alembic does) and leaves other branches alone ({@code base} keeps nothing; a downgrade target
 * must be applied). In {@code <label>@<id>} the label selects which side of a fork goes down: only
 * the children of the revision on the label's line, and what needs them. {@code <label>@base} and
 * {@code <label>@-N} unapply revisions of that branch and whatever needs them. A stamp moves only
 * the target's own lines, running nothing: rows of unrelated branches stay. Plans run depth-first
 * along branches ({@link RunOrder}).
 */
public final class RevisionGraph {

    private final Topology topology;
    private final TargetResolver resolver;
    private final Planner planner;
    private final Branches branches;
    private final List<RevisionNode> nodes;

    private RevisionGraph(Topology topology) {
        this.topology = topology;
        this.branches = new Branches(topology);
        this.resolver = new TargetResolver(topology, branches);
        this.planner = new Planner(topology, branches, resolver);
        this.nodes = topology.nodes();
    }

    /** Builds and validates the graph; throws {@link RevisionGraphException} naming the sources involved. */
    public static RevisionGraph of(Collection<RevisionNode> nodes) {
        RevisionNode[] declared = nodes.toArray(new RevisionNode[0]);
        return new RevisionGraph(Topology.sort(declared, GraphValidator.validate(declared)));
    }

    public Optional<RevisionNode> node(String id) {
        int i = topology.indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(topology.node(i));
    }

    /** Every node, parents and dependencies before children; ties broken by id, so the order is deterministic. */
    public List<RevisionNode> nodes() {
        return nodes;
    }

    /** Revisions with no children, sorted. */
    public List<String> heads() {
        return topology.sortedIds(topology.headsOf(topology.all()));
    }

    /** Revisions with no parents, sorted. */
    public List<String> bases() {
        BitSet bases = new BitSet();
        for (int i = 0; i < topology.size(); i++) {
            if (topology.parents(i).length == 0) {
                bases.set(i);
            }
        }
        return topology.sortedIds(bases);
    }

    /** Revisions with more than one child, sorted. */
    public List<String> branchPoints() {
        BitSet points = new BitSet();
        for (int i = 0; i < topology.size(); i++) {
            if (topology.children(i).length > 1) {
                points.set(i);
            }
        }
        return topology.sortedIds(points);
    }

    /**
     * Every revision applied when the version table holds {@code versionRows}, in topological
     * order; ids the graph does not know are ignored.
     */
    public Set<String> appliedClosure(Set<String> versionRows) {
        BitSet applied = planner.applied(versionRows);
        Set<String> ids = new LinkedHashSet<>();
        for (int i = applied.nextSetBit(0); i >= 0; i = applied.nextSetBit(i + 1)) {
            ids.add(topology.id(i));
        }
        return Collections.unmodifiableSet(ids);
    }

    /** Version-table rows unknown to this graph (the database is AHEAD of the code), sorted. */
    public Set<String> unknown(Set<String> versionRows) {
        return Collections.unmodifiableSet(planner.unknown(versionRows));
    }

    /** Steps that apply everything {@code target} needs and is not applied yet, parents and dependencies first. */
    public Plan upgrade(Set<String> versionRows, String target) {
        return planner.upgrade(versionRows, target, List.of());
    }

    /**
     * As {@link #upgrade(Set, String)}, but the revisions in {@code held}, and every revision that
     * needs one of them (children, dependents, recursively), stay out of the steps and are listed in
     * {@link Plan#heldBack()}; everything else the target needs runs.
     */
    public Plan upgrade(Set<String> versionRows, String target, Collection<String> held) {
        return planner.upgrade(versionRows, target, held);
    }

    /** Steps that unapply every applied revision {@code target} does not need, children and dependents first. */
    public Plan downgrade(Set<String> versionRows, String target) {
        return planner.downgrade(versionRows, target);
    }

    /**
     * The version-table rows after stamping {@code target}: what the target needs becomes applied,
     * what was built on top of it does not, rows of unrelated branches and unknown rows stay. One
     * STAMP step per added row (the first also removes the rows that go), or a single step named
     * after a remaining row (or {@code base}) when rows only go.
     */
    public Plan stamp(Set<String> versionRows, String target) {
        return planner.stamp(versionRows, target);
    }

    /** The branch labels whose branch covers revision {@code id} (a label carries through merges), sorted. */
    public Set<String> labelsOf(String id) {
        int i = topology.indexOf(id);
        return i < 0 ? Set.of() : Collections.unmodifiableSet(branches.labelsOf(i));
    }

    /** The full id for a full id or a unique prefix of at least 4 characters. */
    public String resolveId(String idOrPrefix) {
        if (idOrPrefix == null || idOrPrefix.isBlank()) {
            throw new RevisionGraphException("No revision id given: expected a full id or a unique prefix of at least 4 characters.");
        }
        return topology.id(resolver.resolve(idOrPrefix.strip(), null));
    }

    /**
     * The revisions an absolute target names, sorted: {@code heads}, {@code head}, ids and prefixes,
     * {@code <label>@head}, {@code <label>@<id>}, {@code <id>±N}. {@code base} and the relative forms
     * ({@code +N}, {@code -N}) name no revision by themselves (they depend on a database's state) and are errors.
     */
    public List<String> resolve(String target) {
        Target parsed = TargetParser.parse(target);
        if (parsed instanceof Target.Relative || parsed instanceof Target.Base || parsed instanceof Target.BranchBase) {
            throw new RevisionGraphException("Target '" + parsed.text() + "' names no revision of the code by itself "
                    + "(it depends on what a database has applied): use an id, head, heads, <label>@head or <label>@<id>.");
        }
        return topology.sortedIds(resolver.revisions(parsed));
    }

    /**
     * Revisions of a history range {@code [from]:[to]}, newest first: {@code to} and its ancestors
     * (through parents and dependencies) that are {@code from} or its descendants. An empty side is
     * open; {@code base} on the left and {@code heads} on the right are open as well. {@code ""} and
     * {@code ":"} mean every revision.
     */
    public List<RevisionNode> range(String range) {
        String text = range == null ? "" : range.strip();
        if (!text.isEmpty() && text.indexOf(':') < 0) {
            throw new RevisionGraphException("Invalid history range '" + text
                    + "': expected [from]:[to], e.g. 'base:heads', 'a1b2:' or ':c3d4'.");
        }
        int colon = text.indexOf(':');
        String from = colon < 0 ? "" : text.substring(0, colon).strip();
        String to = colon < 0 ? "" : text.substring(colon + 1).strip();
        BitSet selected = topology.all();
        BitSet lower = null;
        if (!from.isEmpty() && !from.equals("base")) {
            lower = rangeEnd(from, text);
            selected.and(topology.descendants(lower, null));
        }
        if (!to.isEmpty() && !to.equals("heads")) {
            BitSet upper = topology.closure(rangeEnd(to, text));
            if (lower != null) {
                BitSet outside = (BitSet) lower.clone();
                outside.andNot(upper);
                if (!outside.isEmpty()) {
                    throw new RevisionGraphException("Invalid history range '" + text + "': " + from
                            + " is not an ancestor of " + to + ". Swap the sides or pick revisions on one line of history.");
                }
            }
            selected.and(upper);
        }
        List<RevisionNode> newestFirst = new ArrayList<>(selected.cardinality());
        for (int i = selected.previousSetBit(selected.length()); i >= 0; i = selected.previousSetBit(i - 1)) {
            newestFirst.add(topology.node(i));
        }
        return newestFirst;
    }

    private BitSet rangeEnd(String end, String range) {
        Target target = TargetParser.parse(end);
        if (target instanceof Target.Relative || target instanceof Target.Base || target instanceof Target.BranchBase) {
            throw new RevisionGraphException("Invalid history range '" + range + "': '" + end
                    + "' cannot be a range end; use an id, head, heads, <label>@head or <label>@<id>.");
        }
        return resolver.revisions(target);
    }
}
