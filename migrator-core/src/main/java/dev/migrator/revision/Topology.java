package dev.migrator.revision;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * The validated revisions numbered in a deterministic topological order (parents and dependencies
 * before children; ties broken by id). Because a revision's index is its position in that order,
 * a set of revisions is a {@link BitSet}: iterating it upwards is an upgrade order, downwards a
 * downgrade order, and closures, differences and heads cost time linear in the set, not the graph.
 */
final class Topology {

    private final RevisionNode[] nodes;
    private final TreeMap<String, Integer> index = new TreeMap<>();
    private final int[][] parents;
    /** Parents and dependencies, without duplicates: what must be applied before a revision. */
    private final int[][] requirements;
    private final int[][] children;
    /** Children and dependents: what must be unapplied before a revision. */
    private final int[][] requiredBy;

    private Topology(List<RevisionNode> ordered) {
        int n = ordered.size();
        nodes = ordered.toArray(new RevisionNode[0]);
        for (int i = 0; i < n; i++) {
            index.put(nodes[i].id(), i);
        }
        parents = new int[n][];
        requirements = new int[n][];
        List<List<Integer>> childLists = new ArrayList<>(n);
        List<List<Integer>> requiredByLists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            childLists.add(new ArrayList<>(1));
            requiredByLists.add(new ArrayList<>(1));
        }
        for (int i = 0; i < n; i++) {
            parents[i] = indices(new LinkedHashSet<>(nodes[i].revises()));
            Set<String> required = new LinkedHashSet<>(nodes[i].revises());
            required.addAll(nodes[i].dependsOn());
            requirements[i] = indices(required);
            for (int p : parents[i]) {
                childLists.get(p).add(i);
            }
            for (int r : requirements[i]) {
                requiredByLists.get(r).add(i);
            }
        }
        // Children are added in increasing index order, so these arrays are sorted.
        children = toArrays(childLists);
        requiredBy = toArrays(requiredByLists);
    }

    /** Sorts validated nodes (every reference known); throws naming the revisions of a cycle if there is one. */
    static Topology sort(Map<String, RevisionNode> byId) {
        Map<String, Integer> missing = new HashMap<>();
        Map<String, List<String>> successors = new HashMap<>();
        for (RevisionNode node : byId.values()) {
            Set<String> required = new LinkedHashSet<>(node.revises());
            required.addAll(node.dependsOn());
            missing.put(node.id(), required.size());
            for (String r : required) {
                successors.computeIfAbsent(r, k -> new ArrayList<>(1)).add(node.id());
            }
        }
        PriorityQueue<String> ready = new PriorityQueue<>();
        missing.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        List<RevisionNode> ordered = new ArrayList<>(byId.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            ordered.add(byId.get(id));
            for (String successor : successors.getOrDefault(id, List.of())) {
                if (missing.merge(successor, -1, Integer::sum) == 0) {
                    ready.add(successor);
                }
            }
        }
        if (ordered.size() < byId.size()) {
            throw cycle(byId, missing);
        }
        return new Topology(ordered);
    }

    /**
     * Every revision left unsorted still waits for an unsorted requirement, so walking from one to
     * a waiting requirement must revisit a revision: that loop is a cycle.
     */
    private static RevisionGraphException cycle(Map<String, RevisionNode> byId, Map<String, Integer> missing) {
        TreeMap<String, RevisionNode> stuck = new TreeMap<>();
        missing.forEach((id, count) -> {
            if (count > 0) {
                stuck.put(id, byId.get(id));
            }
        });
        List<String> walk = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        String current = stuck.firstKey();
        while (!position.containsKey(current)) {
            position.put(current, walk.size());
            walk.add(current);
            RevisionNode node = stuck.get(current);
            Set<String> required = new java.util.TreeSet<>(node.revises());
            required.addAll(node.dependsOn());
            String next = null;
            for (String r : required) {
                if (stuck.containsKey(r)) {
                    next = r;
                    break;
                }
            }
            current = next;
        }
        // walk runs from children to requirements; print the cycle parent -> child.
        List<String> loop = new ArrayList<>(walk.subList(position.get(current), walk.size()));
        java.util.Collections.reverse(loop);
        // Start at the smallest id so the same cycle is always reported the same way.
        java.util.Collections.rotate(loop, -loop.indexOf(java.util.Collections.min(loop)));
        loop.add(loop.get(0));
        List<String> described = new ArrayList<>();
        for (String id : loop) {
            described.add(id + " (" + GraphValidator.source(byId.get(id)) + ")");
        }
        return new RevisionGraphException("Revisions form a cycle: " + String.join(" -> ", described)
                + ". Each revision must come after the revisions it revises or depends on; change a Revises or Depends-On header to break the cycle.");
    }

    private int[] indices(Collection<String> ids) {
        int[] result = new int[ids.size()];
        int k = 0;
        for (String id : ids) {
            result[k++] = index.get(id);
        }
        return result;
    }

    private static int[][] toArrays(List<List<Integer>> lists) {
        int[][] arrays = new int[lists.size()][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return arrays;
    }

    int size() {
        return nodes.length;
    }

    RevisionNode node(int i) {
        return nodes[i];
    }

    String id(int i) {
        return nodes[i].id();
    }

    /** Index of a full id, or -1. */
    int indexOf(String id) {
        Integer i = id == null ? null : index.get(id);
        return i == null ? -1 : i;
    }

    /** Ids in id order (for prefix lookups and suggestions). */
    java.util.NavigableSet<String> ids() {
        return index.navigableKeySet();
    }

    int[] parents(int i) {
        return parents[i];
    }

    int[] children(int i) {
        return children[i];
    }

    BitSet all() {
        BitSet all = new BitSet(nodes.length);
        all.set(0, nodes.length);
        return all;
    }

    /** The known ids among {@code ids}, as a set; unknown ids are skipped. */
    BitSet setOf(Collection<String> ids) {
        BitSet set = new BitSet(nodes.length);
        for (String id : ids) {
            int i = indexOf(id);
            if (i >= 0) {
                set.set(i);
            }
        }
        return set;
    }

    /** {@code start} plus every ancestor through parents and dependencies. */
    BitSet closure(BitSet start) {
        return close(start, requirements, null);
    }

    /** {@code start} plus every descendant through children and dependents, staying inside {@code within}. */
    BitSet descendants(BitSet start, BitSet within) {
        return close(start, requiredBy, within);
    }

    private BitSet close(BitSet start, int[][] edges, BitSet within) {
        BitSet result = (BitSet) start.clone();
        int[] stack = new int[Math.max(16, start.cardinality())];
        int top = 0;
        for (int i = start.nextSetBit(0); i >= 0; i = start.nextSetBit(i + 1)) {
            stack[top++] = i;
        }
        while (top > 0) {
            int i = stack[--top];
            for (int next : edges[i]) {
                if (!result.get(next) && (within == null || within.get(next))) {
                    result.set(next);
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                    }
                    stack[top++] = next;
                }
            }
        }
        return result;
    }

    /** Members of {@code set} that no member of {@code set} revises (dependencies do not count). */
    BitSet headsOf(BitSet set) {
        BitSet heads = new BitSet(nodes.length);
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            if (!hasChildIn(i, set)) {
                heads.set(i);
            }
        }
        return heads;
    }

    boolean hasChildIn(int i, BitSet set) {
        for (int child : children[i]) {
            if (set.get(child)) {
                return true;
            }
        }
        return false;
    }

    /** Requirements of revision i (parents, then dependencies), without duplicates. */
    int[] requirements(int i) {
        return requirements[i];
    }

    /** Ids of the members of {@code set}, in id order. */
    List<String> sortedIds(BitSet set) {
        List<String> ids = new ArrayList<>(set.cardinality());
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            ids.add(nodes[i].id());
        }
        ids.sort(null);
        return ids;
    }
}
