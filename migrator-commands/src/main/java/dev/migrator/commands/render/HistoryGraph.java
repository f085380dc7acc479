package dev.migrator.commands.render;

import dev.migrator.Phase;
import dev.migrator.RevisionInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Draws revisions newest first the way {@code git log --graph} draws commits: one lane per line of history,
 * {@code |\} where a merge's parents split off, {@code |/} where branches meet at the revision they started
 * from. Edges follow {@code revises} only (a dependency is listed in the text, not drawn). With a database,
 * applied revisions are drawn {@code *} and the others {@code o}; without one every revision is {@code *}.
 */
public final class HistoryGraph {

    private final List<String> lines = new ArrayList<>();
    private final List<String> lanes = new ArrayList<>();

    private HistoryGraph() {}

    /**
     * @param newestFirst revisions in the order {@code Migrator.history} returns them (children before parents)
     * @param applied the revisions a database has applied, or null when no database is configured
     */
    public static List<String> draw(List<RevisionInfo> newestFirst, Set<String> applied) {
        HistoryGraph graph = new HistoryGraph();
        Set<String> shown = new HashSet<>();
        newestFirst.forEach(r -> shown.add(r.revision()));
        for (RevisionInfo revision : newestFirst) {
            graph.add(revision, shown, applied);
        }
        return graph.lines;
    }

    private void add(RevisionInfo revision, Set<String> shown, Set<String> applied) {
        String id = revision.revision();
        int lane = lanes.indexOf(id);
        if (lane < 0) {
            lanes.add(id);
            lane = lanes.size() - 1;
        }
        for (int other = lanes.subList(lane + 1, lanes.size()).indexOf(id); other >= 0;
                other = lanes.subList(lane + 1, lanes.size()).indexOf(id)) {
            collapse(lane, lane + 1 + other);
        }
        char mark = applied == null || applied.contains(id) ? '*' : 'o';
        char[] row = laneRow(lanes.size());
        row[2 * lane] = mark;
        lines.add(new String(row) + " " + text(revision, applied));

        List<String> parents = revision.revises().stream().filter(shown::contains).toList();
        if (parents.isEmpty()) {
            endLane(lane);
            return;
        }
        lanes.set(lane, parents.get(0));
        for (int extra = 1; extra < parents.size(); extra++) {
            fanOut(lane + extra, parents.get(extra));
        }
    }

    /** Lane {@code from} (right of {@code into}) joins lane {@code into}: {@code |/}, or {@code |_|/} across lanes. */
    private void collapse(int into, int from) {
        char[] row = laneRow(lanes.size());
        for (int j = from; j < lanes.size(); j++) {
            row[2 * j] = ' ';
        }
        for (int j = into; j < from - 1; j++) {
            row[2 * j + 1] = '_';
        }
        row[2 * from - 1] = '/';
        for (int j = from + 1; j < lanes.size(); j++) {
            row[2 * j - 1] = '/';
        }
        lines.add(new String(row).stripTrailing());
        lanes.remove(from);
    }

    /** A merge's further parent gets a new lane at {@code position}; lanes from there on move right. */
    private void fanOut(int position, String parent) {
        char[] row = laneRow(lanes.size() + 1);
        for (int j = position; j < lanes.size() + 1; j++) {
            row[2 * j] = ' ';
        }
        row[2 * position - 1] = '\\';
        for (int j = position; j < lanes.size(); j++) {
            row[2 * j + 1] = '\\';
        }
        lines.add(new String(row).stripTrailing());
        lanes.add(position, parent);
    }

    /** A revision without (shown) parents ends its lane; lanes to its right move left. */
    private void endLane(int lane) {
        lanes.remove(lane);
        if (lane < lanes.size()) {
            char[] row = laneRow(lanes.size() + 1);
            for (int j = lane; j <= lanes.size(); j++) {
                row[2 * j] = ' ';
            }
            for (int j = lane + 1; j <= lanes.size(); j++) {
                row[2 * j - 1] = '/';
            }
            lines.add(new String(row).stripTrailing());
        }
    }

    private static char[] laneRow(int count) {
        char[] row = new char[Math.max(1, 2 * count - 1)];
        Arrays.fill(row, ' ');
        for (int j = 0; j < count; j++) {
            row[2 * j] = '|';
        }
        return row;
    }

    private static String text(RevisionInfo revision, Set<String> applied) {
        StringBuilder text = new StringBuilder(revision.revision());
        List<String> tags = new ArrayList<>(revision.branchLabels().stream().sorted().toList());
        if (revision.phase() == Phase.CONTRACT) {
            tags.add("contract");
        }
        if (revision.revises().size() > 1) {
            tags.add("merge");
        }
        if (!tags.isEmpty()) {
            text.append(" (").append(String.join(", ", tags)).append(')');
        }
        text.append(' ').append(revision.message());
        if (!revision.dependsOn().isEmpty()) {
            text.append("  [depends on ").append(String.join(", ", revision.dependsOn())).append(']');
        }
        if (applied != null && !applied.contains(revision.revision())) {
            text.append("  (pending)");
        }
        return text.toString();
    }
}
