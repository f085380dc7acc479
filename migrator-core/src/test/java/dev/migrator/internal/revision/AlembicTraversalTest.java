package dev.migrator.internal.revision;

import static dev.migrator.internal.revision.Revisions.dependent;
import static dev.migrator.internal.revision.Revisions.graph;
import static dev.migrator.internal.revision.Revisions.labelled;
import static dev.migrator.internal.revision.Revisions.node;
import static dev.migrator.internal.revision.Revisions.replay;
import static dev.migrator.internal.revision.Revisions.revisions;
import static dev.migrator.internal.revision.Revisions.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Alembic's own traversal cases ({@code tests/test_version_traversal.py}: {@code BranchedPathTest},
 * {@code BranchFromMergepointTest}, {@code DependsOnBranchTestOne}) translated to Migrator's graph,
 * plus the examples of issue 9. Where Migrator deliberately differs (a relative step with several
 * heads is an error, not a warning; a revision only depended on keeps its own row; a stamp never
 * marks an unrelated branch unapplied), the test says so.
 */
class AlembicTraversalTest {

    /** a -> b -> c1 [c1branch] -> d1 and b -> c2 [c2branch] -> d2: "the fork". */
    private final RevisionGraph fork = graph(node("a"), node("b", "a"), labelled("c1", "c1branch", "b"), node("d1", "c1"),
            labelled("c2", "c2branch", "b"), node("d2", "c2"));

    private static void assertPlan(Plan plan, List<String> ran, Set<String> after) {
        assertThat(revisions(plan)).as("revisions, in order").isEqualTo(ran);
        assertThat(plan.after()).as("version rows after").isEqualTo(after);
        assertThat(replay(plan)).as("the steps' row changes lead to the rows after").isEqualTo(after);
    }

    // ---- BranchedPathTest ----

    @Test
    void stampDownAcrossBothBranchesToTheBranchPoint() {
        assertPlan(fork.stamp(rows("d1", "c2"), "b"), List.of("b"), Set.of("b"));
    }

    @Test
    void stampToALabelledBaseRemovesOnlyThatBranch() {
        Plan plan = fork.stamp(rows("d1", "c2"), "c1branch@base");

        assertThat(plan.after()).containsExactly("c2");
    }

    @Test
    void stampToALabelledHeadMovesOnlyThatBranch() {
        // Issue 9, item 1: before, the c1 branch was dropped and an upgrade re-ran c1 and d1.
        Plan plan = fork.stamp(rows("d1", "c2"), "c2branch@head");

        assertThat(plan.after()).containsExactlyInAnyOrder("d1", "d2");
        assertThat(fork.upgrade(plan.after(), "heads").isEmpty()).isTrue();
    }

    @Test
    void upgradeOneBranch() {
        assertPlan(fork.upgrade(rows("b"), "d1"), List.of("c1", "d1"), Set.of("d1"));
    }

    @Test
    void upgradeBothBranchesFinishesOneBeforeStartingTheOther() {
        // Issue 9, item 6: depth-first along branches, smallest id first (Alembic's order follows its file order).
        assertPlan(fork.upgrade(rows("a"), "d1,d2"), List.of("b", "c1", "d1", "c2", "d2"), Set.of("d1", "d2"));
    }

    @Test
    void downgradeBothBranchesIsTheMirrorImage() {
        assertPlan(fork.downgrade(rows("d1", "d2"), "a"), List.of("d2", "c2", "d1", "c1", "b"), Set.of("a"));
    }

    @Test
    void labelledMinusOneTakesDownOnlyThatBranch() {
        assertPlan(fork.downgrade(rows("d1", "d2"), "c1branch@-1"), List.of("d1"), Set.of("c1", "d2"));
    }

    @Test
    void minusOneWithSeveralHeadsIsAnErrorWhereAlembicOnlyWarns() {
        for (Set<String> heads : List.of(rows("d1", "d2"), rows("c2", "d1"), rows("c1", "d2"))) {
            assertThatThrownBy(() -> fork.downgrade(heads, "-1"))
                    .as("from %s", heads)
                    .isInstanceOf(RevisionGraphException.class)
                    .hasMessageContaining("is ambiguous")
                    .hasMessageContaining("c1branch@-1, c2branch@-1");
        }
    }

    @Test
    void idMinusOneDowngradesThatBranchWhateverTheRowOrder() {
        assertPlan(fork.downgrade(rows("d2", "c1"), "d2-1"), List.of("d2"), Set.of("c1", "c2"));
    }

    @Test
    void labelAtABranchPointTakesDownOnlyTheLabelledSide() {
        // Issue 9, item 2: b is below the fork, not a member of either branch, but on both lines.
        assertPlan(fork.downgrade(rows("c1", "d2"), "c1branch@b"), List.of("c1"), Set.of("d2"));
        assertPlan(fork.downgrade(rows("c1", "d2"), "c2branch@b"), List.of("d2", "c2"), Set.of("c1"));
    }

    @Test
    void labelAtAnAncestorBelowTheBranchPointTakesDownWhatNeedsTheRemovedRevisions() {
        // a's only child b is on c1branch's line; everything above b needs it, the other branch too.
        assertPlan(fork.downgrade(rows("d1", "d2"), "c1branch@a"), List.of("d2", "c2", "d1", "c1", "b"), Set.of("a"));
    }

    @Test
    void stampLabelAtABranchPointMovesOnlyTheLabelledSide() {
        assertThat(fork.stamp(rows("c1", "d2"), "c1branch@b").after()).containsExactly("d2");
        assertThat(fork.stamp(rows("d1", "d2"), "c2branch@c2").after()).containsExactlyInAnyOrder("d1", "c2");
    }

    @Test
    void labelledPlusOneStartsTheBranchFromTheBranchPoint() {
        assertPlan(fork.upgrade(rows("c1"), "c2branch@+1"), List.of("c2"), Set.of("c1", "c2"));
    }

    @Test
    void labelledPlusOneMovesOneOfTwoHeads() {
        assertPlan(fork.upgrade(rows("c1", "c2"), "c2branch@+1"), List.of("d2"), Set.of("c1", "d2"));
    }

    @Test
    void plusOneWithSeveralCurrentHeadsIsAmbiguous() {
        // Issue 9, item 4: before, d1 was picked because it sorts first.
        assertThatThrownBy(() -> fork.upgrade(rows("c1", "c2"), "+1"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Target '+1' is ambiguous: there are 2 current heads (c1, c2) and more than one can move up")
                .hasMessageContaining("d1 (after c1, branch c1branch), d2 (after c2, branch c2branch)")
                .hasMessageContaining("c1branch@+1, c2branch@+1, c1+1, c2+1")
                .extracting(e -> ((MigratorException) e).code()).isEqualTo(ErrorCode.TARGET_INVALID);
        assertThatThrownBy(() -> fork.stamp(rows("c1", "c2"), "+1")).hasMessageContaining("is ambiguous");
    }

    @Test
    void plusTwoWhoseWalkForksIsAmbiguous() {
        assertThatThrownBy(() -> fork.upgrade(rows("a"), "+2"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("after 1 step(s) the walk forks: c1 (after b, branch c1branch), c2 (after b, branch c2branch)")
                .hasMessageContaining("c1branch@+2, c2branch@+2");
        assertPlan(fork.upgrade(rows("a"), "c2branch@+2"), List.of("b", "c2"), Set.of("c2"));
    }

    @Test
    void plusOneFromNothingAndMinusOneToNothing() {
        assertPlan(fork.upgrade(rows(), "+1"), List.of("a"), Set.of("a"));
        assertPlan(fork.downgrade(rows("a"), "-1"), List.of("a"), Set.of());
        assertThatThrownBy(() -> fork.downgrade(rows(), "-1"))
                .hasMessageContaining("'-1' needs 1 step(s), but only 0 revision(s) are applied");
    }

    @Test
    void downgradeToAnAppliedRevisionOnAnotherBranchDoesNothing() {
        assertThat(fork.downgrade(rows("d1", "c2"), "c2").isEmpty()).isTrue();
        assertThat(fork.downgrade(rows("d1", "c2"), "d1").isEmpty()).isTrue();
    }

    // ---- BranchFromMergepointTest: a1 -> b1 -> c1, a2 -> b2 -> c2, d1 merges c1 and c2, d2 revises c2 ----

    private final RevisionGraph mergepoint = graph(node("a1"), node("b1", "a1"), node("c1", "b1"), node("a2"),
            node("b2", "a2"), node("c2", "b2"), node("d1", "c1", "c2"), node("d2", "c2"));

    @Test
    void upgradeToAMergeOnOneSide() {
        assertPlan(mergepoint.upgrade(rows("d2", "b1"), "d1"), List.of("c1", "d1"), Set.of("d1", "d2"));
    }

    @Test
    void downgradeOneSideOfAMerge() {
        assertPlan(mergepoint.downgrade(rows("d2", "d1"), "b1"), List.of("d1", "c1"), Set.of("b1", "d2"));
    }

    // ---- issue 9, item 1: unrelated roots ----

    @Test
    void stampOfAnUnrelatedRootAddsARowAndKeepsTheOther() {
        RevisionGraph roots = graph(node("a1"), node("b1", "a1"), node("a2"), node("b2", "a2"));

        Plan first = roots.stamp(rows(), "b1");
        Plan second = roots.stamp(first.after(), "a2");

        assertThat(second.after()).containsExactlyInAnyOrder("b1", "a2");
        assertPlan(roots.upgrade(second.after(), "heads"), List.of("b2"), Set.of("b1", "b2"));
        assertThat(roots.stamp(rows("b1", "b2"), "a2").after()).as("a downward stamp moves only its line")
                .containsExactlyInAnyOrder("b1", "a2");
    }

    // ---- issue 9, item 3: y1 [y], x1 [x], y2 revises y1 and depends on x1, x2 revises x1 ----

    private final RevisionGraph crossed = graph(labelled("y1", "y"), labelled("x1", "x"), dependent("y2", List.of("y1"), "x1"),
            node("x2", "x1"));

    @Test
    void labelledMinusOneTakesDownTheBranchsTipNotADependentOnAnotherBranch() {
        assertPlan(crossed.downgrade(rows("x2", "y2"), "x@-1"), List.of("x2"), Set.of("x1", "y2"));
    }

    @Test
    void labelledMinusOneTakesTheDependentsOfWhatItRemovesFirst() {
        assertPlan(crossed.downgrade(rows("x1", "y2"), "x@-1"), List.of("y2", "x1"), Set.of("y1"));
    }

    @Test
    void labelledMinusNCountsOnlyTheBranchsOwnRevisions() {
        assertPlan(crossed.downgrade(rows("x2", "y2"), "x@-2"), List.of("y2", "x2", "x1"), Set.of("y1"));
        assertThatThrownBy(() -> crossed.downgrade(rows("x2", "y2"), "x@-3"))
                .hasMessageContaining("'x@-3' needs 3 step(s), but only 2 revision(s) of branch 'x' are applied");
    }

    // ---- issue 9, item 5: a -> b -> c1 [c1branch], b -> c2, d merges c1 and c2 ----

    private final RevisionGraph merged = graph(node("a"), node("b", "a"), labelled("c1", "c1branch", "b"), node("c2", "b"),
            node("d", "c1", "c2"));

    @Test
    void labelHeadReachesTheMerge() {
        assertPlan(merged.upgrade(rows(), "c1branch@head"), List.of("a", "b", "c1", "c2", "d"), Set.of("d"));
        assertThat(merged.stamp(rows("c1"), "c1branch@head").after()).containsExactly("d");
    }

    // ---- DependsOnBranchTestOne: a1 [lib1] -> b1 -> c1 -> d1 -> e1 -> f1, a2 -> b2 -> c2 (depends on c1) ----

    private final RevisionGraph dependsOn = graph(labelled("a1", "lib1"), node("b1", "a1"), node("c1", "b1"), node("a2"),
            node("b2", "a2"), dependent("c2", List.of("b2"), "c1"), node("d1", "c1"), node("e1", "d1"), node("f1", "e1"));

    @Test
    void downgradingAboveADependencyKeepsItsOwnRow() {
        // Alembic leaves {c2}: it folds c1 into c2's row. Migrator's rule (SPEC §4) keeps c1's own row.
        assertPlan(dependsOn.downgrade(rows("c2", "d1"), "c1"), List.of("d1"), Set.of("c1", "c2"));
    }

    @Test
    void stampAcrossADependencyKeepsTheUnrelatedRoot() {
        // Alembic leaves {b1}, marking a2 and b2 unapplied; Migrator moves only b1's line: c2 needs c1 and
        // goes with it, a2 -> b2 stays applied.
        Plan plan = dependsOn.stamp(rows("e1", "c2"), "b1");

        assertThat(plan.after()).containsExactlyInAnyOrder("b1", "b2");
        assertThat(dependsOn.appliedClosure(plan.after())).containsExactlyInAnyOrder("a1", "b1", "a2", "b2");
    }

    // ---- test_revision.py LabeledBranchTest: a [abranch] -> b -> somelongername -> c, d -> e [ebranch] -> someothername -> f ----

    private final RevisionGraph labelledRoots = graph(labelled("a", "abranch"), node("b", "a"), node("somelongername", "b"),
            node("c", "somelongername"), node("d"), labelled("e", "ebranch", "d"), node("someothername", "e"),
            node("f", "someothername"));

    @Test
    void labelledHeadsAndBases() {
        assertThat(labelledRoots.upgrade(rows(), "ebranch@head").after()).containsExactly("f");
        assertThat(labelledRoots.upgrade(rows(), "abranch@head").after()).containsExactly("c");
        // the label covers d, the base below e with no other child
        assertPlan(labelledRoots.downgrade(rows("c", "f"), "ebranch@base"), List.of("f", "someothername", "e", "d"), Set.of("c"));
        assertPlan(labelledRoots.downgrade(rows("c", "f"), "abranch@base"), List.of("c", "somelongername", "b", "a"), Set.of("f"));
    }

    @Test
    void labelAtAnIdFindsPrefixesOnTheLabelsLineOnly() {
        // "some" matches two revisions, one on each line
        assertThat(labelledRoots.upgrade(rows(), "ebranch@some").after()).containsExactly("someothername");
        assertThat(labelledRoots.upgrade(rows(), "abranch@some").after()).containsExactly("somelongername");
        assertThat(labelledRoots.upgrade(rows(), "ebranch@d").after()).containsExactly("d");
        assertThatThrownBy(() -> labelledRoots.upgrade(rows(), "ebranch@b"))
                .hasMessageContaining("no revision on the line of branch 'ebranch'")
                .hasMessageContaining("d, e, f, someothername");
        assertThatThrownBy(() -> labelledRoots.upgrade(rows(), "x@d")).hasMessageContaining("Unknown branch label 'x'");
    }

    @Test
    void labelledRelativeStepsOnIndependentRoots() {
        assertPlan(labelledRoots.downgrade(rows("c", "f"), "ebranch@-2"), List.of("f", "someothername"), Set.of("c", "e"));
        assertPlan(labelledRoots.upgrade(rows(), "ebranch@+2"), List.of("d", "e"), Set.of("e"));
    }
}
