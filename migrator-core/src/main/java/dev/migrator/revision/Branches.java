package dev.migrator.revision;

import java.util.BitSet;
import java.util.TreeMap;

/**
 * Which revisions a branch label covers. A label is declared on one revision; following Alembic,
 * it also covers
 * <ul>
 *   <li>the labelled revision's descendants through {@code revises}, stopping before any revision
 *       with several parents (a merge joins branches, so it belongs to none of them); a fork inside
 *       the branch keeps both sides in it, and then {@code <label>@head} is ambiguous;</li>
 *   <li>its ancestors back to, but excluding, the nearest revision that is a branch point (several
 *       children) or a merge (several parents).</li>
 * </ul>
 * Dependencies ({@code dependsOn}) never carry a label.
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

    java.util.Set<String> labels() {
        return labelled.keySet();
    }

    /** The revisions the label covers; throws listing the known labels if there is no such label. */
    BitSet members(String label, String target) {
        Integer start = labelled.get(label);
        if (start == null) {
            throw new RevisionGraphException("Unknown branch label '" + label + "' in target '" + target + "'. "
                    + (labelled.isEmpty() ? "No revision declares a branch label."
                            : "Known labels: " + String.join(", ", labelled.keySet()) + "."));
        }
        BitSet members = new BitSet(topology.size());
        members.set(start);
        int[] stack = new int[16];
        int top = 0;
        stack[top++] = start;
        while (top > 0) {
            int i = stack[--top];
            for (int child : topology.children(i)) {
                if (topology.parents(child).length == 1 && !members.get(child)) {
                    members.set(child);
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = child;
                }
            }
        }
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
}
