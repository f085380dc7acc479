package dev.migrator.commands.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Phase;
import dev.migrator.RevisionInfo;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The graph drawn as git log --graph draws it, for the shapes a revision history takes. */
class HistoryGraphTest {

    private static RevisionInfo rev(String id, String... revises) {
        return new RevisionInfo(id, List.of(revises), "m" + id, Set.of(), List.of(), Phase.EXPAND, true, "src", null, null);
    }

    private static String draw(Set<String> applied, RevisionInfo... newestFirst) {
        return String.join("\n", HistoryGraph.draw(List.of(newestFirst), applied)) + "\n";
    }

    @Test
    void aLineIsOneLaneAndAppliedRevisionsAreMarked() {
        assertThat(draw(Set.of("a"), rev("b", "a"), rev("a"))).isEqualTo("""
                o b mb  (pending)
                * a ma
                """);
        assertThat(draw(null, rev("b", "a"), rev("a"))).isEqualTo("""
                * b mb
                * a ma
                """);
    }

    @Test
    void aBranchAndItsMergeSplitAndJoinTheLanes() {
        // d merges b and c, which both revise a
        assertThat(draw(null, rev("d", "b", "c"), rev("c", "a"), rev("b", "a"), rev("a"))).isEqualTo("""
                * d (merge) md
                |\\
                | * c mc
                * | b mb
                |/
                * a ma
                """);
    }

    @Test
    void anUnmergedHeadGetsItsOwnLaneAndJoinsWhereItForked() {
        // two heads c and b over a; b is drawn first
        assertThat(draw(null, rev("c", "a"), rev("b", "a"), rev("a"))).isEqualTo("""
                * c mc
                | * b mb
                |/
                * a ma
                """);
    }

    @Test
    void aJoinAcrossALaneIsDrawnAlongTheBottom() {
        // e merges d and x; b, a second head, also revises d: its lane joins d's across x's lane
        assertThat(draw(null, rev("e", "d", "x"), rev("b", "d"), rev("x", "a"), rev("d", "a"), rev("a"))).isEqualTo("""
                * e (merge) me
                |\\
                | | * b mb
                | * | x mx
                |_|/
                * | d md
                |/
                * a ma
                """);
    }

    @Test
    void separateRootsEndTheirLanes() {
        assertThat(draw(null, rev("m", "a", "b"), rev("b"), rev("a"))).isEqualTo("""
                * m (merge) mm
                |\\
                | * b mb
                * a ma
                """);
    }
}
