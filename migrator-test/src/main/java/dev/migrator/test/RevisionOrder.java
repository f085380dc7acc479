package dev.migrator.test;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.RevisionInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The code's revisions in the order the harness walks them: the order {@code upgrade("heads")} applies
 * them (depth-first along branches, so a walk switches branches as seldom as the engine does), and the
 * set arithmetic the harness needs: what a revision needs, and which target names a set of revisions.
 */
final class RevisionOrder {

    private final List<RevisionInfo> ordered = new ArrayList<>();
    private final Map<String, RevisionInfo> byId = new LinkedHashMap<>();
    private final Map<String, Integer> position = new HashMap<>();

    /**
     * @param revisions every revision, parents first ({@code Migrator.revisions()})
     * @param walk      the ids in the order an upgrade from base to heads applies them; when it does not
     *                  hold exactly the revisions' ids, their own order is used
     */
    RevisionOrder(List<RevisionInfo> revisions, List<String> walk) {
        for (RevisionInfo info : revisions) {
            byId.put(info.revision(), info);
        }
        boolean usable = walk.size() == revisions.size() && byId.keySet().containsAll(walk);
        if (usable) {
            walk.forEach(id -> ordered.add(byId.get(id)));
        } else {
            ordered.addAll(revisions);
        }
        for (int i = 0; i < ordered.size(); i++) {
            position.put(ordered.get(i).revision(), i);
        }
    }

    List<RevisionInfo> all() {
        return Collections.unmodifiableList(ordered);
    }

    /** Every branch label of the graph. */
    Set<String> labels() {
        Set<String> labels = new TreeSet<>();
        ordered.forEach(info -> labels.addAll(info.branchLabels()));
        return labels;
    }

    RevisionInfo get(String id) {
        RevisionInfo info = byId.get(id);
        if (info == null) {
            throw new MigratorException(ErrorCode.TARGET_INVALID, "Revision " + id + " is not defined by the code");
        }
        return info;
    }

    int position(String id) {
        return position.get(id);
    }

    /** An id or a unique prefix of at least 4 characters, as the engine's targets accept. */
    String resolve(String idOrPrefix) {
        if (byId.containsKey(idOrPrefix)) {
            return idOrPrefix;
        }
        List<String> matches = new ArrayList<>();
        if (idOrPrefix.length() >= 4) {
            for (String id : byId.keySet()) {
                if (id.startsWith(idOrPrefix)) {
                    matches.add(id);
                }
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new MigratorException(ErrorCode.TARGET_INVALID, matches.isEmpty()
                ? "No revision " + idOrPrefix + " (an id, or a unique prefix of at least 4 characters); the revisions are "
                        + byId.keySet()
                : "Revision prefix " + idOrPrefix + " is ambiguous: " + matches);
    }

    /** The revision and everything it needs (parents and dependencies), recursively. */
    Set<String> needs(String id) {
        Set<String> closure = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (closure.add(next) && byId.containsKey(next)) {
                todo.addAll(byId.get(next).revises());
                todo.addAll(byId.get(next).dependsOn());
            }
        }
        return closure;
    }

    /** Every revision the version rows stand for. */
    Set<String> applied(Collection<String> versionRows) {
        Set<String> applied = new HashSet<>();
        for (String row : versionRows) {
            if (byId.containsKey(row)) {
                applied.addAll(needs(row));
            }
        }
        return applied;
    }

    /** {@code id} and everything that needs it. */
    Set<String> dependents(String id) {
        Set<String> result = new HashSet<>();
        for (RevisionInfo info : ordered) {
            if (info.revision().equals(id) || needs(info.revision()).contains(id)) {
                result.add(info.revision());
            }
        }
        return result;
    }

    /**
     * The target that names exactly {@code set} (a set closed under "needs"): its tips, comma-separated,
     * or {@code base} when it is empty. Upgrading to it applies what of the set is missing; downgrading
     * to it unapplies everything built on top of it.
     */
    String target(Set<String> set) {
        if (set.isEmpty()) {
            return "base";
        }
        Set<String> parents = new HashSet<>();
        for (String id : set) {
            parents.addAll(get(id).revises());
        }
        Set<String> tips = new TreeSet<>(set);
        tips.removeAll(parents);
        return String.join(",", tips);
    }

    /** The members of {@code set} in walking order. */
    List<String> inOrder(Collection<String> set) {
        List<String> result = new ArrayList<>(set);
        result.sort((a, b) -> Integer.compare(position(a), position(b)));
        return result;
    }

    /** What {@code id} needs, without itself: the state an upgrade of exactly {@code id} starts from. */
    Set<String> below(String id) {
        Set<String> result = needs(id);
        result.remove(id);
        return result;
    }
}
