package dev.migrator.internal.revision;

import java.util.BitSet;

/**
 * The order in which a plan runs its revisions: depth-first along branches, as Alembic intends ("we
 * want depth-first along branches"). After a revision, what it made ready runs next (its children
 * first, then revisions that only depended on it), so one branch is finished before another is
 * started and two teams' branches never interleave. Where several revisions could start, the
 * smallest id goes first, so the same graph always gives the same order. A downgrade runs the mirror
 * image: the exact reverse of the order in which the same revisions would be applied.
 *
 * <p>Kahn's algorithm with a stack instead of a queue, on the graph's int arrays: linear in the
 * revisions ordered and their edges.
 */
final class RunOrder {

    private final Topology topology;

    RunOrder(Topology topology) {
        this.topology = topology;
    }

    /** The members of {@code todo}, each after its requirements; requirements outside {@code todo} count as applied. */
    int[] upgrade(BitSet todo) {
        int count = todo.cardinality();
        int[] order = new int[count];
        if (count == 0) {
            return order;
        }
        int[] missing = new int[topology.size()];
        int[] stack = new int[count];
        int top = 0;
        int[] ready = new int[count];
        int readyCount = 0;
        for (int i = todo.nextSetBit(0); i >= 0; i = todo.nextSetBit(i + 1)) {
            for (int required : topology.requirements(i)) {
                if (todo.get(required)) {
                    missing[i]++;
                }
            }
            if (missing[i] == 0) {
                ready[readyCount++] = i;
            }
        }
        top = push(ready, readyCount, -1, stack, top);
        int done = 0;
        while (top > 0) {
            int i = stack[--top];
            order[done++] = i;
            readyCount = 0;
            for (int next : topology.requiredBy(i)) {
                if (todo.get(next) && --missing[next] == 0) {
                    ready[readyCount++] = next;
                }
            }
            top = push(ready, readyCount, i, stack, top);
        }
        return order;
    }

    /** The members of {@code drop}, each after everything in {@code drop} that needs it: the reverse of {@link #upgrade}. */
    int[] downgrade(BitSet drop) {
        int[] order = upgrade(drop);
        for (int a = 0, b = order.length - 1; a < b; a++, b--) {
            int swap = order[a];
            order[a] = order[b];
            order[b] = swap;
        }
        return order;
    }

    /**
     * Pushes the {@code count} revisions just made ready so that they pop children of {@code after}
     * first, then the others, each group by id. Most of the time there is one, and nothing is compared.
     */
    private int push(int[] ready, int count, int after, int[] stack, int top) {
        if (count > 16) {
            // many independent bases at once: not worth an insertion sort
            Integer[] boxed = new Integer[count];
            for (int k = 0; k < count; k++) {
                boxed[k] = ready[k];
            }
            java.util.Arrays.sort(boxed, (a, b) -> a.equals(b) ? 0 : popsBefore(a, b, after) ? -1 : 1);
            for (int k = 0; k < count; k++) {
                ready[k] = boxed[k];
            }
        }
        // insertion sort into pop order; count is the number of siblings, small
        for (int k = 1; k < count; k++) {
            int moving = ready[k];
            int j = k - 1;
            while (j >= 0 && popsBefore(moving, ready[j], after)) {
                ready[j + 1] = ready[j];
                j--;
            }
            ready[j + 1] = moving;
        }
        for (int k = count - 1; k >= 0; k--) {
            stack[top++] = ready[k];
        }
        return top;
    }

    private boolean popsBefore(int a, int b, int after) {
        if (after >= 0) {
            boolean aChild = topology.isChild(after, a);
            if (aChild != topology.isChild(after, b)) {
                return aChild;
            }
        }
        return topology.id(a).compareTo(topology.id(b)) < 0;
    }
}
