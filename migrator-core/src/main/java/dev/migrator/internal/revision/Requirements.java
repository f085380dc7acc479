package dev.migrator.internal.revision;

import java.util.HashMap;

/**
 * What each revision needs applied first (its parents, then its dependencies, without duplicates),
 * by slot: a revision's position in the array the graph is built from. All in one array, so the
 * graph costs a few arrays rather than a collection per revision: the requirements of slot s are
 * {@code slots[start[s] .. start[s + 1])}, the first {@code parentCount[s]} of them its parents.
 */
final class Requirements {

    final int[] start;
    final int[] parentCount;
    final int[] slots;

    /** {@code slotOf} must know every id that {@code declared} revises or depends on. */
    Requirements(RevisionNode[] declared, HashMap<String, Integer> slotOf) {
        int n = declared.length;
        int capacity = 0;
        for (RevisionNode node : declared) {
            capacity += node.revises().size() + node.dependsOn().size();
        }
        start = new int[n + 1];
        parentCount = new int[n];
        slots = new int[capacity];
        // addedFor[r] == s + 1 once slot r is a requirement of slot s: a repeated id costs no search.
        int[] addedFor = new int[n];
        int count = 0;
        for (int s = 0; s < n; s++) {
            for (String parent : declared[s].revises()) {
                count = add(slotOf.get(parent), s, addedFor, count);
            }
            parentCount[s] = count - start[s];
            for (String dependency : declared[s].dependsOn()) {
                count = add(slotOf.get(dependency), s, addedFor, count);
            }
            start[s + 1] = count;
        }
    }

    private int add(int required, int s, int[] addedFor, int count) {
        if (addedFor[required] != s + 1) {
            addedFor[required] = s + 1;
            slots[count++] = required;
        }
        return count;
    }

    /** How many requirements slot s has. */
    int count(int s) {
        return start[s + 1] - start[s];
    }

    /** How many requirements all slots have together. */
    int count() {
        return start[start.length - 1];
    }
}
