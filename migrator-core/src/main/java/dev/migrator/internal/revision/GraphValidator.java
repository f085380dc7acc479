package dev.migrator.internal.revision;

import dev.migrator.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks the revisions' declarations before the graph is built: id syntax, duplicate ids, unknown
 * parents and dependencies, branch labels. Cycles are found while sorting ({@link Topology}).
 * Every problem found is reported in one exception, so a user fixes them all in one go.
 */
final class GraphValidator {

    // A label is used in targets as "<label>@...", so it must not contain '@', ',', ':' or spaces.
    private static final List<String> RESERVED = List.of("head", "heads", "base");

    private GraphValidator() {}

    static boolean isValidLabel(String label) {
        return RevisionIds.isValidLabel(label);
    }

    /**
     * Returns each id's slot (its position in {@code nodes}), or throws one exception listing every
     * declaration problem.
     *
     * <p>Every process that opens the migrations runs this, usually interpreted, and almost always
     * on correct input; so this pass only decides whether anything is wrong, with one hash map
     * and plain loops. When something is, {@link #problems} finds and describes everything in the
     * order users have always seen, using the sorted ids for suggestions.
     */
    static HashMap<String, Integer> validate(RevisionNode[] nodes) {
        HashMap<String, Integer> slotOf = new HashMap<>(nodes.length + nodes.length / 3 + 1);
        boolean wrong = false;
        for (int s = 0; s < nodes.length; s++) {
            String id = nodes[s].id();
            if (!RevisionIds.isValidId(id) || RESERVED.contains(id) || slotOf.put(id, s) != null) {
                wrong = true;
            }
        }
        Set<String> labels = null;
        for (int s = 0; s < nodes.length && !wrong; s++) {
            RevisionNode node = nodes[s];
            for (String parent : node.revises()) {
                wrong |= !slotOf.containsKey(parent);
            }
            for (String dependency : node.dependsOn()) {
                wrong |= !slotOf.containsKey(dependency);
            }
            if (!node.branchLabels().isEmpty()) {
                if (labels == null) {
                    labels = new HashSet<>();
                }
                for (String label : node.branchLabels()) {
                    wrong |= !isValidLabel(label) || slotOf.containsKey(label) || !labels.add(label);
                }
            }
        }
        if (wrong) {
            List<String> problems = problems(Arrays.asList(nodes));
            if (problems.isEmpty()) {
                throw new IllegalStateException("The revisions were found invalid, but no problem could be described.");
            }
            throw new RevisionGraphException(ErrorCode.GRAPH_INVALID, problems.size() == 1
                    ? problems.get(0)
                    : problems.size() + " problems in the revisions:\n  - " + String.join("\n  - ", problems));
        }
        return slotOf;
    }

    /** Every declaration problem, described; the checks of {@link #validate} with the details. Error path only. */
    private static List<String> problems(Collection<RevisionNode> nodes) {
        List<String> problems = new ArrayList<>();
        Map<String, List<RevisionNode>> byId = new LinkedHashMap<>();
        for (RevisionNode node : nodes) {
            if (!RevisionIds.isValidId(node.id())) {
                problems.add("Invalid revision id '" + node.id() + "' in " + source(node)
                        + ": an id is 1 to 64 characters of A-Z, a-z, 0-9 and _ (generated ids are 12 lowercase hex characters).");
                continue;
            }
            if (RESERVED.contains(node.id())) {
                problems.add("Invalid revision id '" + node.id() + "' in " + source(node)
                        + ": head, heads and base are reserved target names; choose another id.");
                continue;
            }
            byId.computeIfAbsent(node.id(), id -> new ArrayList<>()).add(node);
        }
        Map<String, RevisionNode> unique = new HashMap<>();
        for (Map.Entry<String, List<RevisionNode>> entry : byId.entrySet()) {
            List<RevisionNode> same = entry.getValue();
            if (same.size() > 1) {
                List<String> sources = new ArrayList<>();
                same.forEach(node -> sources.add(source(node)));
                problems.add("Duplicate revision id '" + entry.getKey() + "' in " + String.join(" and ", sources)
                        + ": every revision needs its own id; give all but one of them a new id.");
            }
            unique.put(entry.getKey(), same.get(0));
        }
        TreeSet<String> knownIds = new TreeSet<>(unique.keySet());
        for (List<RevisionNode> same : byId.values()) {
            for (RevisionNode node : same) {
                for (String parent : node.revises()) {
                    if (!unique.containsKey(parent)) {
                        problems.add(unknownReference(node, "revises", parent, knownIds));
                    }
                }
                for (String dependency : node.dependsOn()) {
                    if (!unique.containsKey(dependency)) {
                        problems.add(unknownReference(node, "depends on", dependency, knownIds));
                    }
                }
            }
        }
        checkLabels(byId, unique, problems);
        return problems;
    }

    private static void checkLabels(Map<String, List<RevisionNode>> byId, Map<String, RevisionNode> unique, List<String> problems) {
        Map<String, List<RevisionNode>> byLabel = new TreeMap<>();
        for (List<RevisionNode> same : byId.values()) {
            for (RevisionNode node : same) {
                for (String label : new TreeSet<>(node.branchLabels())) {
                    if (!isValidLabel(label)) {
                        problems.add("Invalid branch label '" + label + "' of revision '" + node.id() + "' (" + source(node)
                                + "): a label is 1 to 64 characters of A-Z, a-z, 0-9, _, . and -, starting with a letter, digit or _.");
                        continue;
                    }
                    byLabel.computeIfAbsent(label, l -> new ArrayList<>()).add(node);
                }
            }
        }
        for (Map.Entry<String, List<RevisionNode>> entry : byLabel.entrySet()) {
            String label = entry.getKey();
            List<RevisionNode> holders = entry.getValue();
            if (holders.size() > 1) {
                List<String> named = new ArrayList<>();
                holders.forEach(node -> named.add("'" + node.id() + "' (" + source(node) + ")"));
                problems.add("Branch label '" + label + "' is used by revisions " + String.join(" and ", named)
                        + ": a label names one branch; remove it from all but one of them.");
            }
            RevisionNode sameId = unique.get(label);
            if (sameId != null) {
                RevisionNode holder = holders.get(0);
                problems.add("Branch label '" + label + "' of revision '" + holder.id() + "' (" + source(holder)
                        + ") is also the id of revision '" + sameId.id() + "' (" + source(sameId)
                        + "): targets could not tell them apart; rename the label.");
            }
        }
    }

    private static String unknownReference(RevisionNode node, String relation, String missing, TreeSet<String> knownIds) {
        List<String> near = Suggestions.nearIds(missing, knownIds);
        return "Revision '" + node.id() + "' (" + source(node) + ") " + relation + " '" + missing
                + "', which is not a known revision"
                + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?")
                + (relation.equals("revises") ? " Check its Revises header" : " Check its Depends-On header")
                + " or add the missing revision.";
    }

    static String source(RevisionNode node) {
        return node.source() == null || node.source().isBlank() ? "unknown source" : node.source();
    }
}
