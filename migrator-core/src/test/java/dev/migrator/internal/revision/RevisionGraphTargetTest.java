package dev.migrator.internal.revision;

import static dev.migrator.internal.revision.Revisions.graph;
import static dev.migrator.internal.revision.Revisions.labelled;
import static dev.migrator.internal.revision.Revisions.node;
import static dev.migrator.internal.revision.Revisions.revisions;
import static dev.migrator.internal.revision.Revisions.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RevisionGraphTargetTest {

    private static final String ROOT = "0000aaaa0001";
    private static final String L1 = "1111aaaa0001";
    private static final String L2 = "1111bbbb0002";
    private static final String R1 = "2222aaaa0001";
    private static final String R2 = "2222bbbb0002";

    /** ROOT <- L1 (left) <- L2 and ROOT <- R1 (right) <- R2. */
    private final RevisionGraph graph = graph(node(ROOT), labelled(L1, "left", ROOT), node(L2, L1),
            labelled(R1, "right", ROOT), node(R2, R1));

    private final RevisionGraph linear = graph(node("a1"), node("a2", "a1"), node("a3", "a2"));

    @Test
    void fullIdResolvesToItself() {
        assertThat(graph.resolveId(L2)).isEqualTo(L2);
        assertThat(linear.resolveId("a1")).isEqualTo("a1");
    }

    @Test
    void uniquePrefixOfFourCharactersResolves() {
        assertThat(graph.resolveId("0000")).isEqualTo(ROOT);
        assertThat(graph.resolveId("1111b")).isEqualTo(L2);
    }

    @Test
    void ambiguousPrefixListsItsMatches() {
        assertThatThrownBy(() -> graph.resolveId("1111"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("'1111' is ambiguous")
                .hasMessageContaining(L1 + ", " + L2);
    }

    @Test
    void prefixShorterThanFourCharactersIsRefusedWithItsMatches() {
        assertThatThrownBy(() -> graph.resolveId("000"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("'000' is too short")
                .hasMessageContaining(ROOT);
    }

    @Test
    void unknownIdSuggestsNearIds() {
        assertThatThrownBy(() -> graph.resolveId("1111aaaa0003"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Unknown revision '1111aaaa0003'")
                .hasMessageContaining("Did you mean " + L1 + ", " + L2 + "?");
    }

    @Test
    void branchLabelWrittenAsRevisionPointsToLabelAtHead() {
        assertThatThrownBy(() -> graph.upgrade(rows(), "left"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Unknown revision 'left'")
                .hasMessageContaining("use 'left@head'");
    }

    @Test
    void headsTargetsEveryHead() {
        assertThat(graph.upgrade(rows(), "heads").after()).containsExactlyInAnyOrder(L2, R2);
    }

    @Test
    void headWithSeveralHeadsListsThem() {
        assertThatThrownBy(() -> graph.upgrade(rows(), "head"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("'head' is ambiguous: there are 2 heads (" + L2 + ", " + R2 + ")");
    }

    @Test
    void headWithOneHeadIsThatHead() {
        assertThat(linear.upgrade(rows(), "head").after()).containsExactly("a3");
    }

    @Test
    void baseIsNothingApplied() {
        assertThat(graph.downgrade(rows(L2, R2), "base").after()).isEmpty();
        assertThat(graph.upgrade(rows(L1), "base").isEmpty()).isTrue();
    }

    @Test
    void prefixTargetUpgradesToThatRevision() {
        assertThat(graph.upgrade(rows(), "1111a").after()).containsExactly(L1);
    }

    @Test
    void commaSeparatedIdsTargetTheirUnion() {
        Plan plan = graph.upgrade(rows(), "1111aaaa,2222aaaa");

        assertThat(revisions(plan)).containsExactly(ROOT, L1, R1);
        assertThat(plan.after()).containsExactlyInAnyOrder(L1, R1);
    }

    @Test
    void labelAtHeadIsTheHeadOfThatBranch() {
        assertThat(revisions(graph.upgrade(rows(), "left@head"))).containsExactly(ROOT, L1, L2);
    }

    @Test
    void labelAtHeadOfAForkedBranchListsItsHeads() {
        RevisionGraph forked = graph(labelled("b0", "core"), node("c1", "b0"), node("c2", "b0"));

        assertThatThrownBy(() -> forked.upgrade(rows(), "core@head"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("branch 'core' forks into 2 heads (c1, c2)");
    }

    @Test
    void labelAtBaseDowngradesOnlyThatBranch() {
        assertThat(graph.downgrade(rows(L2, R2), "right@base").after()).containsExactly(L2);
    }

    @Test
    void labelAtIdResolvesAPrefixAmongTheBranchsRevisions() {
        // "1111" is ambiguous in the graph but "1111b" is not, and only L1, L2 are on the left branch.
        assertThat(graph.upgrade(rows(), "left@1111b").after()).containsExactly(L2);
    }

    @Test
    void labelAtIdOfAnotherBranchListsTheRevisionsOnTheLabelsLine() {
        assertThatThrownBy(() -> graph.upgrade(rows(), "left@" + R1))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("no revision on the line of branch 'left'")
                .hasMessageContaining("That line holds " + ROOT + ", " + L1 + ", " + L2 + ".");
    }

    @Test
    void labelAtIdAcceptsAnAncestorBelowTheFork() {
        // ROOT is below the fork, so not a member of 'left', but it is on left's line.
        assertThat(graph.upgrade(rows(), "left@" + ROOT).after()).containsExactly(ROOT);
        assertThat(graph.upgrade(rows(), "left@0000").after()).containsExactly(ROOT);
    }

    @Test
    void unknownLabelListsTheKnownLabels() {
        assertThatThrownBy(() -> graph.upgrade(rows(), "billing@head"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Unknown branch label 'billing'")
                .hasMessageContaining("Known labels: left, right.");
    }

    @Test
    void plusNAppliesTheNextNRevisionsWhileTheWayIsUnique() {
        Plan plan = linear.upgrade(rows(), "+2");

        assertThat(revisions(plan)).containsExactly("a1", "a2");
        assertThat(plan.after()).containsExactly("a2");
        assertThat(revisions(graph.upgrade(rows(), "+1"))).containsExactly(ROOT);
    }

    @Test
    void plusNWhoseWalkForksIsAmbiguousAndNamesTheBranches() {
        assertThatThrownBy(() -> graph.upgrade(rows(), "+2"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Target '+2' is ambiguous: after 1 step(s) the walk forks: " + L1
                        + " (after " + ROOT + ", branch left), " + R1 + " (after " + ROOT + ", branch right)")
                .hasMessageContaining("left@+2, right@+2");
    }

    @Test
    void plusNBeyondTheHeadsSaysHowManyStepsArePossible() {
        assertThatThrownBy(() -> linear.upgrade(rows("a1"), "+5"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("'+5' needs 5 step(s), but only 2 revision(s) are pending");
    }

    @Test
    void minusNUnappliesTheLastNRevisions() {
        Plan plan = graph.downgrade(rows(L2), "-2");

        assertThat(revisions(plan)).containsExactly(L2, L1);
        assertThat(plan.after()).containsExactly(ROOT);
    }

    @Test
    void minusNWithSeveralHeadsIsAmbiguousAndNamesTheBranches() {
        assertThatThrownBy(() -> graph.downgrade(rows(L2, R2), "-1"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Target '-1' is ambiguous: 2 applied revisions could be unapplied next ("
                        + L2 + " (branch left), " + R2 + " (branch right))")
                .hasMessageContaining("left@-1, right@-1");
    }

    @Test
    void minusNBelowBaseSaysHowManyStepsArePossible() {
        assertThatThrownBy(() -> linear.downgrade(rows("a2"), "-3"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("'-3' needs 3 step(s), but only 2 revision(s) are applied");
    }

    @Test
    void upgradeRefusesADownwardRelativeTarget() {
        assertThatThrownBy(() -> linear.upgrade(rows("a2"), "-1"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Use downgrade -1");
    }

    @Test
    void downgradeRefusesAnUpwardRelativeTarget() {
        assertThatThrownBy(() -> linear.downgrade(rows("a2"), "+1"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Use upgrade +1");
    }

    @Test
    void downgradeToARevisionThatIsNotAppliedIsRefused() {
        assertThatThrownBy(() -> graph.downgrade(rows(L2), R1))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Cannot downgrade to '" + R1 + "': " + R1 + " is not applied")
                .hasMessageContaining("the version table holds " + L2);
    }

    @Test
    void idPlusNWalksThroughChildren() {
        assertThat(graph.upgrade(rows(), L1 + "+1").after()).containsExactly(L2);
        assertThat(linear.upgrade(rows(), "a1+2").after()).containsExactly("a3");
    }

    @Test
    void idMinusNWalksThroughParents() {
        assertThat(graph.downgrade(rows(L2), L2 + "-2").after()).containsExactly(ROOT);
        assertThat(linear.downgrade(rows("a3"), "head-1").after()).containsExactly("a2");
    }

    @Test
    void walkThroughAForkNamesTheBranches() {
        assertThatThrownBy(() -> graph.upgrade(rows(), "0000+1"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("'0000+1' is ambiguous")
                .hasMessageContaining(ROOT + " is a branch point with children " + L1 + " (branch left), " + R1 + " (branch right)");
    }

    @Test
    void walkThroughAMergeNamesItsParents() {
        RevisionGraph merged = graph(node("root"), node("x1", "root"), node("y1", "root"), node("m", "x1", "y1"));

        assertThatThrownBy(() -> merged.downgrade(rows("m"), "m-2"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("m is a merge of x1, y1");
    }

    @Test
    void walkPastTheEndSaysHowManyStepsArePossible() {
        assertThatThrownBy(() -> linear.upgrade(rows(), "a2+3"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("goes 3 step(s) up but only 1 are possible: a3 is a head");
        assertThatThrownBy(() -> linear.downgrade(rows("a3"), "a1-1"))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("only 0 are possible: a1 is a base");
    }

    @Test
    void labelPlusNIsRelativeWithinTheBranch() {
        Plan plan = graph.upgrade(rows(ROOT, R2), "left@+1");

        assertThat(revisions(plan)).containsExactly(L1);
    }

    @Test
    void labelMinusNIsRelativeWithinTheBranch() {
        Plan plan = graph.downgrade(rows(L2, R2), "left@-2");

        assertThat(revisions(plan)).containsExactly(L2, L1);
        assertThat(plan.after()).containsExactly(R2);
    }

    @Test
    void malformedTargetsListTheValidForms() {
        for (String bad : new String[] {"", "heads!", "+0", "left@", "a b", "a1,head"}) {
            assertThatThrownBy(() -> linear.upgrade(rows(), bad))
                    .as(bad)
                    .isInstanceOf(RevisionGraphException.class)
                    .hasMessageContaining("Invalid target")
                    .hasMessageContaining("Valid targets: heads, head, base");
        }
    }

    @Test
    void rangeIsNewestFirstBetweenItsEnds() {
        RevisionGraph merged = graph(node("root"), node("x1", "root"), node("x2", "x1"), node("y1", "root"), node("m", "x2", "y1"));

        assertThat(merged.range(":")).extracting(RevisionNode::id).containsExactly("m", "y1", "x2", "x1", "root");
        assertThat(merged.range("")).extracting(RevisionNode::id).containsExactly("m", "y1", "x2", "x1", "root");
        assertThat(merged.range("x1:m")).extracting(RevisionNode::id).containsExactly("m", "x2", "x1");
        assertThat(merged.range(":x2")).extracting(RevisionNode::id).containsExactly("x2", "x1", "root");
        assertThat(merged.range("y1:")).extracting(RevisionNode::id).containsExactly("m", "y1");
        assertThat(merged.range("base:heads")).hasSize(5);
    }

    @Test
    void rangeWhoseStartIsNotAnAncestorOfItsEndIsAnError() {
        assertThatThrownBy(() -> graph.range(R1 + ":" + L2))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining(R1 + " is not an ancestor of " + L2);
    }

    @Test
    void rangeWithoutColonIsAnError() {
        assertThatThrownBy(() -> graph.range(L1))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("expected [from]:[to]");
    }
}
