package dev.migrator.internal.revision;

import java.util.BitSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which revisions a branch label covers. A label is declared on one revision; following Alembic,
 * it also covers
 * <ul>
 *   <li>the labelled revision's descendants through {@code revises}, merges included: a label
 *       carries through a merge, so {@code <label>@head} reaches the merge and what follows it
 *       (a fork inside the branch keeps both sides in it, and then {@code <label>@head} is
 *       ambiguous);</li>
 *   <li>its ancestors back to, but excluding, the nearest revision that is a branch point (several
 *       children) or a merge (several parents).</li>
 * </ul>
 * Dependencies ({@code dependsOn}) never carry a label.
 *
 * <p>The label's <em>line</em> is wider: every ancestor and descendant of the labelled revision
 * through {@code revises}, below the fork included. {@code <label>@<id>} accepts any revision on the
 * line; the label then selects which side of a fork moves.
 */
final class Branches {

    private final Topology topology;
    private final TreeMap<String, Integer> labelled = new TreeMap<>();

    Branches(Topology topology) {
        this.topology = topology;
        for (int i = 0; i < topology.size(); i++) {
            // Few revisions have labels: skip the iterator for the rest (this runs for every graph built).
            if (!topology.node(i).branchLabels().isEmpty()) {
                for (String label : topology.node(i).branchLabels()) {
                    labelled.put(label, i);
                }
            }
        }
    }

    boolean isLabel(String label) {
        return labelled.containsKey(label);
    }

    Set<String> labels() {
        return labelled.keySet();
    }

    /** The revision that declares the label; throws listing the known labels if there is no such label. */
    int labelled(String label, String target) {
        Integer start = labelled.get(label);
        if (start == null) {
            throw new RevisionGraphException("Unknown branch label '" + label + "' in target '" + target + "'. "
                    + (labelled.isEmpty() ? "No revision declares a branch label."
                            : "Known labels: " + String.join(", ", labelled.keySet()) + "."));
        }
        return start;
    }

    /** The revisions the label covers; throws listing the known labels if there is no such label. */
    BitSet members(String label, String target) {
        int start = labelled(label, target);
        BitSet members = walk(start, true);
        int current = start;
        while (topology.parents(current).length == 1) {
            int parent = topology.parents(current)[0];
            if (topology.children(parent).length > 1 || topology.parents(parent).length > 1) {
                break;
            }
            members.set(parent);
            current = parent;
        }
        return members;
    }

    /** The labelled revision with every ancestor and every descendant through {@code revises}. */
    BitSet line(String label, String target) {
        int start = labelled(label, target);
        BitSet line = walk(start, true);
        line.or(walk(start, false));
        return line;
    }

    /**
     * The labels whose branch covers revision i, sorted: those declared on i or one of its ancestors
     * through {@code revises}, and those whose chain of ancestors (see {@link #members}) holds i. One
     * walk down from i, not one branch per label: a run with several heads names their branches.
     */
    Set<String> labelsOf(int i) {
        Set<String> labels = new TreeSet<>();
        if (labelled.isEmpty()) {
            return labels;
        }
        BitSet below = walk(i, false);
        for (java.util.Map.Entry<String, Integer> entry : labelled.entrySet()) {
            if (below.get(entry.getValue()) || inChainBelow(entry.getValue(), i)) {
                labels.add(entry.getKey());
            }
        }
        return labels;
    }

    /** Whether i is one of the ancestors {@link #members} adds below the labelled revision {@code start}. */
    private boolean inChainBelow(int start, int i) {
        int current = start;
        while (topology.parents(current).length == 1) {
            int parent = topology.parents(current)[0];
            if (topology.children(parent).length > 1 || topology.parents(parent).length > 1) {
                return false;
            }
            if (parent == i) {
                return true;
            }
            current = parent;
        }
        return false;
    }

    /** {@code start} and everything reachable from it through children (up) or parents (down). */
    private BitSet walk(int start, boolean up) {
        BitSet reached = new BitSet(topology.size());
        reached.set(start);
        int[] stack = new int[16];
        int top = 0;
        stack[top++] = start;
        while (top > 0) {
            int i = stack[--top];
            for (int next : up ? topology.children(i) : topology.parents(i)) {
                if (!reached.get(next)) {
                    reached.set(next);
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = next;
                }
            }
        }
        return reached;
    }
}
