package dev.migrator.internal.revision;

import static dev.migrator.internal.revision.Revisions.graph;
import static dev.migrator.internal.revision.Revisions.labelled;
import static dev.migrator.internal.revision.Revisions.node;
import static dev.migrator.internal.revision.Revisions.revisions;
import static dev.migrator.internal.revision.Revisions.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which revisions a branch label covers (see {@link Branches}). */
class BranchLabelTest {

    @Test
    void labelCarriesThroughAMergeAndWhatFollowsIt() {
        RevisionGraph merged = graph(node("root"), labelled("l1", "left", "root"), node("l2", "l1"),
                node("r1", "root"), node("m", "l2", "r1"), node("after", "m"));

        // As in Alembic: the merge and its descendants belong to the branch, so left@head is the tip after the merge.
        assertThat(revisions(merged.upgrade(rows(), "left@head"))).containsExactly("root", "l1", "l2", "r1", "m", "after");
        assertThat(merged.upgrade(rows(), "left@head").after()).containsExactly("after");
        assertThat(merged.stamp(rows("l2", "r1"), "left@head").after()).containsExactly("after");
        assertThat(revisions(merged.downgrade(rows("after"), "left@base"))).containsExactly("after", "m", "l2", "l1");
        assertThat(merged.labelsOf("m")).containsExactly("left");
        assertThat(merged.labelsOf("r1")).isEmpty();
    }

    @Test
    void labelCoversAncestorsBackToTheNearestBranchPoint() {
        // root forks into a -> b (labelled) and c; a belongs to the branch, root does not.
        RevisionGraph graph = graph(node("root"), node("a", "root"), labelled("b", "feat", "a"), node("c", "root"));

        Plan plan = graph.downgrade(rows("b", "c"), "feat@base");

        assertThat(revisions(plan)).containsExactly("b", "a");
        assertThat(plan.after()).containsExactly("c");
    }

    @Test
    void labelOnABaseCoversTheWholeIndependentLine() {
        RevisionGraph graph = graph(labelled("s1", "shop"), node("s2", "s1"), node("n1"), node("n2", "n1"));

        assertThat(graph.downgrade(rows("s2", "n2"), "shop@base").after()).containsExactly("n2");
        assertThat(graph.stamp(rows("s2", "n2"), "shop@base").after()).containsExactly("n2");
        assertThat(revisions(graph.upgrade(rows("n2"), "shop@+2"))).containsExactly("s1", "s2");
    }

    @Test
    void upgradeToLabelAtBaseDoesNothingButStillChecksTheLabel() {
        RevisionGraph graph = graph(labelled("s1", "shop"), node("s2", "s1"));

        assertThat(graph.upgrade(rows(), "shop@base").isEmpty()).isTrue();
        assertThatThrownBy(() -> graph.upgrade(rows(), "shoe@base"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Unknown branch label 'shoe'")
                .hasMessageContaining("Known labels: shop.");
    }

    @Test
    void labelledRevisionIsFoundByLabelAtItsOwnId() {
        RevisionGraph graph = graph(labelled("s1", "shop"), node("s2", "s1"));

        assertThat(graph.upgrade(rows(), "shop@s1").after()).containsExactly("s1");
    }
}
