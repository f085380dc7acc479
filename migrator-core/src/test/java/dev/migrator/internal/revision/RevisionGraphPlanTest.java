package dev.migrator.internal.revision;

import static dev.migrator.internal.revision.Revisions.dependent;
import static dev.migrator.internal.revision.Revisions.graph;
import static dev.migrator.internal.revision.Revisions.labelled;
import static dev.migrator.internal.revision.Revisions.node;
import static dev.migrator.internal.revision.Revisions.replay;
import static dev.migrator.internal.revision.Revisions.revisions;
import static dev.migrator.internal.revision.Revisions.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Direction;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionGraphPlanTest {

    /** a1 <- a2 <- a3 */
    private final RevisionGraph linear = graph(node("a1"), node("a2", "a1"), node("a3", "a2"));

    /** root <- l1 (label left) <- l2 and root <- r1 (label right) <- r2: two heads. */
    private final RevisionGraph branches = graph(node("root"), labelled("l1", "left", "root"), node("l2", "l1"),
            labelled("r1", "right", "root"), node("r2", "r1"));

    /** The same two branches joined by the merge m. */
    private final RevisionGraph merged = graph(node("root"), labelled("l1", "left", "root"), node("l2", "l1"),
            labelled("r1", "right", "root"), node("r2", "r1"), node("m", "l2", "r2"));

    /** root <- a1 <- a2, and a2 depends on b1, a separate base labelled billing. */
    private final RevisionGraph dependency = graph(node("root"), node("a1", "root"), labelled("b1", "billing"),
            dependent("a2", List.of("a1"), "b1"));

    @Test
    void linearUpgradeReplacesTheParentRowByTheChildRow() {
        Plan plan = linear.upgrade(rows(), "heads");

        assertThat(plan.steps()).containsExactly(
                new Step("a1", Direction.UPGRADE, Set.of(), Set.of("a1")),
                new Step("a2", Direction.UPGRADE, Set.of("a1"), Set.of("a2")),
                new Step("a3", Direction.UPGRADE, Set.of("a2"), Set.of("a3")));
        assertThat(plan.before()).isEmpty();
        assertThat(plan.after()).containsExactly("a3");
    }

    @Test
    void upgradeAtTheHeadIsEmpty() {
        Plan plan = linear.upgrade(rows("a3"), "heads");

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.after()).isEqualTo(plan.before()).containsExactly("a3");
    }

    @Test
    void upgradeToAnOlderRevisionThanTheAppliedOneDoesNothing() {
        assertThat(linear.upgrade(rows("a3"), "a1").isEmpty()).isTrue();
    }

    @Test
    void linearDowngradeToBaseRemovesChildrenFirstAndPutsParentsBack() {
        Plan plan = linear.downgrade(rows("a3"), "base");

        assertThat(plan.steps()).containsExactly(
                new Step("a3", Direction.DOWNGRADE, Set.of("a3"), Set.of("a2")),
                new Step("a2", Direction.DOWNGRADE, Set.of("a2"), Set.of("a1")),
                new Step("a1", Direction.DOWNGRADE, Set.of("a1"), Set.of()));
        assertThat(plan.after()).isEmpty();
    }

    @Test
    void downgradeToARevisionKeepsItAndItsAncestors() {
        Plan plan = linear.downgrade(rows("a3"), "a1");

        assertThat(revisions(plan)).containsExactly("a3", "a2");
        assertThat(plan.after()).containsExactly("a1");
    }

    @Test
    void upgradeOfTwoBranchesKeepsOneRowPerHead() {
        Plan plan = branches.upgrade(rows(), "heads");

        assertThat(revisions(plan)).containsExactly("root", "l1", "l2", "r1", "r2");
        assertThat(plan.steps().get(3)).isEqualTo(new Step("r1", Direction.UPGRADE, Set.of(), Set.of("r1")));
        assertThat(plan.after()).containsExactlyInAnyOrder("l2", "r2");
        assertThat(replay(plan)).isEqualTo(plan.after());
    }

    @Test
    void upgradeOfTheOtherBranchAddsARowBesideTheFirst() {
        Plan plan = branches.upgrade(rows("l2"), "heads");

        assertThat(revisions(plan)).containsExactly("r1", "r2");
        assertThat(plan.after()).containsExactlyInAnyOrder("l2", "r2");
    }

    @Test
    void mergeReplacesBothParentRowsByOne() {
        Plan plan = merged.upgrade(rows("l2", "r2"), "heads");

        assertThat(plan.steps()).containsExactly(new Step("m", Direction.UPGRADE, Set.of("l2", "r2"), Set.of("m")));
        assertThat(plan.after()).containsExactly("m");
    }

    @Test
    void downgradingAMergeGivesBothParentsTheirRowsBack() {
        Plan plan = merged.downgrade(rows("m"), "-1");

        assertThat(plan.steps()).containsExactly(new Step("m", Direction.DOWNGRADE, Set.of("m"), Set.of("l2", "r2")));
        assertThat(plan.after()).containsExactlyInAnyOrder("l2", "r2");
    }

    @Test
    void downgradeToARevisionOnOneBranchLeavesTheOtherBranchApplied() {
        Plan plan = branches.downgrade(rows("l2", "r2"), "l1");

        assertThat(revisions(plan)).containsExactly("l2");
        assertThat(plan.after()).containsExactlyInAnyOrder("l1", "r2");
        assertThat(replay(plan)).isEqualTo(plan.after());
    }

    @Test
    void branchQualifiedRevisionDowngradesLikeThePlainRevision() {
        Plan plan = branches.downgrade(rows("l2", "r2"), "left@l1");

        assertThat(plan).isEqualTo(branches.downgrade(rows("l2", "r2"), "l1"));
        assertThat(plan.after()).containsExactlyInAnyOrder("l1", "r2");
    }

    @Test
    void downgradeToBranchBaseUnappliesOnlyThatBranch() {
        Plan plan = branches.downgrade(rows("l2", "r2"), "left@base");

        assertThat(plan.steps()).containsExactly(
                new Step("l2", Direction.DOWNGRADE, Set.of("l2"), Set.of("l1")),
                new Step("l1", Direction.DOWNGRADE, Set.of("l1"), Set.of()));
        assertThat(plan.after()).containsExactly("r2");
    }

    @Test
    void dependencyIsAppliedFirstAndKeepsItsRow() {
        Plan plan = dependency.upgrade(rows(), "a2");

        assertThat(revisions(plan)).containsExactly("b1", "root", "a1", "a2");
        assertThat(plan.steps().get(3)).isEqualTo(new Step("a2", Direction.UPGRADE, Set.of("a1"), Set.of("a2")));
        assertThat(plan.after()).containsExactlyInAnyOrder("a2", "b1");
        assertThat(dependency.appliedClosure(plan.after())).containsExactlyInAnyOrder("root", "a1", "a2", "b1");
    }

    @Test
    void appliedClosureFollowsDependencies() {
        assertThat(dependency.appliedClosure(rows("a2"))).containsExactly("b1", "root", "a1", "a2");
    }

    @Test
    void downgradingADependencyUnappliesItsDependentsFirst() {
        Plan plan = dependency.downgrade(rows("a2", "b1"), "billing@base");

        assertThat(plan.steps()).containsExactly(
                new Step("a2", Direction.DOWNGRADE, Set.of("a2"), Set.of("a1")),
                new Step("b1", Direction.DOWNGRADE, Set.of("b1"), Set.of()));
        assertThat(plan.after()).containsExactly("a1");
    }

    @Test
    void downgradeUnappliesWhatWasBuiltOnTheTargetButNotItsIndependentDependencies() {
        Plan plan = dependency.downgrade(rows("a2", "b1"), "a1");

        assertThat(revisions(plan)).containsExactly("a2");
        assertThat(plan.after()).containsExactlyInAnyOrder("a1", "b1");
    }

    @Test
    void downgradeOfADependencyUnappliesItsDependents() {
        Plan plan = dependency.downgrade(rows("a2", "b1"), "billing@base");

        assertThat(revisions(plan)).containsExactly("a2", "b1");
    }

    @Test
    void unknownRowsAreReportedIgnoredAndNeverRemoved() {
        Set<String> rows = rows("a1", "ffff0000future");

        assertThat(linear.unknown(rows)).containsExactly("ffff0000future");
        assertThat(linear.appliedClosure(rows)).containsExactly("a1");
        assertThat(linear.upgrade(rows, "heads").after()).containsExactlyInAnyOrder("a3", "ffff0000future");
        assertThat(linear.downgrade(rows, "base").after()).containsExactly("ffff0000future");
        assertThat(linear.stamp(rows, "base").after()).containsExactly("ffff0000future");
        assertThat(linear.stamp(rows, "base").steps()).containsExactly(new Step("base", Direction.STAMP, Set.of("a1"), Set.of()));
    }

    @Test
    void stampHeadsAddsOneStepPerHead() {
        Plan plan = branches.stamp(rows(), "heads");

        assertThat(plan.steps()).containsExactly(
                new Step("l2", Direction.STAMP, Set.of(), Set.of("l2")),
                new Step("r2", Direction.STAMP, Set.of(), Set.of("r2")));
        assertThat(plan.after()).containsExactlyInAnyOrder("l2", "r2");
    }

    @Test
    void stampBaseEmptiesTheVersionTableInOneStep() {
        Plan plan = branches.stamp(rows("l2", "r2"), "base");

        assertThat(plan.steps()).containsExactly(new Step("base", Direction.STAMP, Set.of("l2", "r2"), Set.of()));
        assertThat(plan.after()).isEmpty();
    }

    @Test
    void stampRevisionSetsTheRowsToTheHeadsOfItsClosure() {
        Plan plan = dependency.stamp(rows("root"), "a2");

        assertThat(plan.steps()).containsExactly(
                new Step("a2", Direction.STAMP, Set.of("root"), Set.of("a2")),
                new Step("b1", Direction.STAMP, Set.of(), Set.of("b1")));
        assertThat(plan.after()).containsExactlyInAnyOrder("a2", "b1");
        assertThat(replay(plan)).isEqualTo(plan.after());
    }

    @Test
    void stampOfTheCurrentStateIsEmpty() {
        assertThat(linear.stamp(rows("a2"), "a2").isEmpty()).isTrue();
    }

    @Test
    void stampRelativeMovesTheRowsLikeTheUpgradeWould() {
        assertThat(linear.stamp(rows("a1"), "+1").after()).containsExactly("a2");
        assertThat(linear.stamp(rows("a3"), "-2").after()).containsExactly("a1");
    }

    @Test
    void headsBasesAndBranchPointsAreSorted() {
        RevisionGraph graph = graph(node("z0"), node("y0"), node("b1", "z0"), node("a1", "z0"), node("c1", "y0"), node("d1", "y0"));

        assertThat(graph.heads()).containsExactly("a1", "b1", "c1", "d1");
        assertThat(graph.bases()).containsExactly("y0", "z0");
        assertThat(graph.branchPoints()).containsExactly("y0", "z0");
        assertThat(merged.heads()).containsExactly("m");
        assertThat(dependency.heads()).containsExactly("a2", "b1");
    }

    @Test
    void nodesAreTopologicalWithTiesBrokenById() {
        assertThat(merged.nodes()).extracting(RevisionNode::id).containsExactly("root", "l1", "l2", "r1", "r2", "m");
        assertThat(dependency.nodes()).extracting(RevisionNode::id).containsExactly("b1", "root", "a1", "a2");
    }

    @Test
    void aRevisionNamedTwiceAsParentOrAlsoAsDependencyCountsOnce() {
        RevisionGraph graph = graph(node("root"), node("other"),
                new RevisionNode("a1", List.of("root", "root"), List.of("root", "other", "other"), Set.of(), "a1.sql"));

        assertThat(graph.branchPoints()).isEmpty();
        assertThat(graph.heads()).containsExactly("a1", "other");
        assertThat(graph.upgrade(rows("root"), "heads").steps()).containsExactly(
                new Step("other", Direction.UPGRADE, Set.of(), Set.of("other")),
                new Step("a1", Direction.UPGRADE, Set.of("root"), Set.of("a1")));
        assertThat(graph.downgrade(rows("a1", "other"), "root").steps()).containsExactly(
                new Step("a1", Direction.DOWNGRADE, Set.of("a1"), Set.of("root")));
    }

    @Test
    void nodeLooksUpByFullIdOnly() {
        assertThat(merged.node("l1")).map(RevisionNode::source).contains("l1.sql");
        assertThat(merged.node("l")).isEmpty();
    }

    @Test
    void emptyGraphHasNothingToDo() {
        RevisionGraph empty = RevisionGraph.of(List.of());

        assertThat(empty.heads()).isEmpty();
        assertThat(empty.nodes()).isEmpty();
        assertThat(empty.upgrade(rows(), "heads").isEmpty()).isTrue();
        assertThat(empty.range(":")).isEmpty();
    }
}
