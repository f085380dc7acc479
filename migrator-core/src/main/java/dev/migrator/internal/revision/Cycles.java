package dev.migrator.internal.revision;

import dev.migrator.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The error of a revision graph that is not acyclic: it names one cycle, the same way every time. */
final class Cycles {

    private Cycles() {}

    /**
     * Every revision left unsorted still waits for an unsorted requirement, so walking from one to
     * a waiting requirement must revisit a revision: that loop is a cycle. Error path only.
     */
    static RevisionGraphException report(RevisionNode[] declared, int[] missing) {
        TreeMap<String, RevisionNode> stuck = new TreeMap<>();
        for (int s = 0; s < declared.length; s++) {
            if (missing[s] > 0) {
                stuck.put(declared[s].id(), declared[s]);
            }
        }
        List<String> walk = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        String current = stuck.firstKey();
        while (!position.containsKey(current)) {
            position.put(current, walk.size());
            walk.add(current);
            RevisionNode node = stuck.get(current);
            Set<String> required = new TreeSet<>(node.revises());
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
        Collections.reverse(loop);
        // Start at the smallest id so the same cycle is always reported the same way.
        Collections.rotate(loop, -loop.indexOf(Collections.min(loop)));
        loop.add(loop.get(0));
        List<String> described = new ArrayList<>();
        for (String id : loop) {
            described.add(id + " (" + GraphValidator.source(stuck.get(id)) + ")");
        }
        return new RevisionGraphException(ErrorCode.GRAPH_INVALID, "Revisions form a cycle: " + String.join(" -> ", described)
                + ". Each revision must come after the revisions it revises or depends on; change a Revises or Depends-On header to break the cycle.");
    }
}
