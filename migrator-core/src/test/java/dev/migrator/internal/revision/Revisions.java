package dev.migrator.internal.revision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Small builders for hand-made graphs in tests; every node's source is {@code <id>.sql}. */
final class Revisions {

    private Revisions() {}

    static RevisionNode node(String id, String... revises) {
        return new RevisionNode(id, List.of(revises), List.of(), Set.of(), id + ".sql");
    }

    static RevisionNode dependent(String id, List<String> revises, String... dependsOn) {
        return new RevisionNode(id, revises, List.of(dependsOn), Set.of(), id + ".sql");
    }

    static RevisionNode labelled(String id, String label, String... revises) {
        return new RevisionNode(id, List.of(revises), List.of(), Set.of(label), id + ".sql");
    }

    static RevisionGraph graph(RevisionNode... nodes) {
        return RevisionGraph.of(Arrays.asList(nodes));
    }

    static Set<String> rows(String... ids) {
        return Set.of(ids);
    }

    /** Applies each step's row change to the plan's {@code before}. */
    static Set<String> replay(Plan plan) {
        Set<String> rows = new LinkedHashSet<>(plan.before());
        for (Step step : plan.steps()) {
            rows.removeAll(step.removedRows());
            rows.addAll(step.addedRows());
        }
        return rows;
    }

    static List<String> revisions(Plan plan) {
        List<String> ids = new ArrayList<>();
        plan.steps().forEach(step -> ids.add(step.revision()));
        return ids;
    }

    /** A linear history r0001 <- r0002 <- ... <- r{count}. */
    static List<RevisionNode> linear(int count) {
        List<RevisionNode> nodes = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            nodes.add(i == 1 ? node(id(i)) : node(id(i), id(i - 1)));
        }
        return nodes;
    }

    static String id(int i) {
        return String.format("r%05d", i);
    }
}
