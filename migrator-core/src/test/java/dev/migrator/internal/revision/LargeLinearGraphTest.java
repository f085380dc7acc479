package dev.migrator.internal.revision;

import static dev.migrator.internal.revision.Revisions.id;
import static dev.migrator.internal.revision.Revisions.replay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Direction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand linear revisions: planning must stay correct (and, incidentally, must not recurse
 * once per revision). Timing is the benchmarks' job, not this test's.
 */
class LargeLinearGraphTest {

    private static final int COUNT = 10_000;

    private static final RevisionGraph graph = buildShuffled();

    private static RevisionGraph buildShuffled() {
        List<RevisionNode> nodes = new ArrayList<>(Revisions.linear(COUNT));
        Collections.shuffle(nodes, new java.util.Random(42));
        return RevisionGraph.of(nodes);
    }

    @Test
    void upgradeFromNothingAppliesEveryRevisionInOrderWithOneRowAtATime() {
        Plan plan = graph.upgrade(Set.of(), "heads");

        assertThat(plan.steps()).hasSize(COUNT);
        for (int i = 1; i <= COUNT; i++) {
            Step step = plan.steps().get(i - 1);
            assertThat(step.revision()).isEqualTo(id(i));
            assertThat(step.removedRows()).isEqualTo(i == 1 ? Set.of() : Set.of(id(i - 1)));
            assertThat(step.addedRows()).containsExactly(id(i));
        }
        assertThat(plan.after()).containsExactly(id(COUNT));
    }

    @Test
    void upgradeAtTheHeadIsEmpty() {
        assertThat(graph.upgrade(Set.of(id(COUNT)), "heads").isEmpty()).isTrue();
        assertThat(graph.appliedClosure(Set.of(id(COUNT)))).hasSize(COUNT);
    }

    @Test
    void upgradeFromTheMiddleAppliesTheRest() {
        Plan plan = graph.upgrade(Set.of(id(5_000)), "heads");

        assertThat(plan.steps()).hasSize(COUNT - 5_000);
        assertThat(plan.steps().get(0).revision()).isEqualTo(id(5_001));
        assertThat(replay(plan)).containsExactly(id(COUNT));
    }

    @Test
    void downgradeToBaseUnappliesEveryRevisionNewestFirst() {
        Plan plan = graph.downgrade(Set.of(id(COUNT)), "base");

        assertThat(plan.steps()).hasSize(COUNT);
        assertThat(plan.steps().get(0)).isEqualTo(new Step(id(COUNT), Direction.DOWNGRADE, Set.of(id(COUNT)), Set.of(id(COUNT - 1))));
        assertThat(plan.steps().get(COUNT - 1).revision()).isEqualTo(id(1));
        assertThat(plan.after()).isEmpty();
    }

    @Test
    void relativeTargetsAndWalksReachTheExpectedRevisions() {
        assertThat(graph.downgrade(Set.of(id(COUNT)), "-3").after()).containsExactly(id(COUNT - 3));
        assertThat(graph.upgrade(Set.of(), id(1) + "+" + (COUNT - 1)).after()).containsExactly(id(COUNT));
        assertThat(graph.stamp(Set.of(), "head-9998").after()).containsExactly(id(2));
    }

    @Test
    void nodesAndRangeCoverTheWholeHistory() {
        assertThat(graph.nodes()).hasSize(COUNT);
        assertThat(graph.nodes().get(0).id()).isEqualTo(id(1));
        assertThat(graph.range(":").get(0).id()).isEqualTo(id(COUNT));
        assertThat(graph.range(id(9_990) + ":")).hasSize(11);
    }
}
