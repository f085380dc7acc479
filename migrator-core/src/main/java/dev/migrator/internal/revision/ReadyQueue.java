package dev.migrator.internal.revision;

/**
 * The revisions ready to be sorted, as a binary min-heap of slots ordered by id: the same order a
 * {@code PriorityQueue<String>} of ids would give, without boxing or a comparator object.
 */
final class ReadyQueue {

    private final RevisionNode[] declared;
    private final int[] heap;
    private int size;

    /** A queue for the slots of {@code declared}; each is added at most once. */
    ReadyQueue(RevisionNode[] declared) {
        this.declared = declared;
        this.heap = new int[declared.length];
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(int slot) {
        int at = size++;
        while (at > 0 && before(slot, heap[(at - 1) / 2])) {
            heap[at] = heap[(at - 1) / 2];
            at = (at - 1) / 2;
        }
        heap[at] = slot;
    }

    /** Removes and returns the slot with the smallest id. */
    int poll() {
        int first = heap[0];
        int last = heap[--size];
        int at = 0;
        while (2 * at + 1 < size) {
            int child = 2 * at + 1;
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], last)) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = last;
        return first;
    }

    /** Ids are unique, so this is a strict total order. */
    private boolean before(int slot, int other) {
        return declared[slot].id().compareTo(declared[other].id()) < 0;
    }
}
