package dev.migrator.internal.revision;

import static dev.migrator.internal.revision.Revisions.dependent;
import static dev.migrator.internal.revision.Revisions.graph;
import static dev.migrator.internal.revision.Revisions.labelled;
import static dev.migrator.internal.revision.Revisions.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.MigratorException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionGraphValidationTest {

    @Test
    void duplicateIdNamesBothSources() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(
                        new RevisionNode("a1b2c3d4e5f6", List.of(), List.of(), Set.of(), "db/migrations/V1_users.sql"),
                        new RevisionNode("a1b2c3d4e5f6", List.of(), List.of(), Set.of(), "java:com.example.AddUsers"))))
                .isInstanceOf(RevisionGraphException.class)
                .isInstanceOf(MigratorException.class)
                .hasMessageContaining("Duplicate revision id 'a1b2c3d4e5f6'")
                .hasMessageContaining("db/migrations/V1_users.sql")
                .hasMessageContaining("java:com.example.AddUsers");
    }

    @Test
    void unknownParentNamesTheRevisionItsSourceTheMissingIdAndCloseIds() {
        assertThatThrownBy(() -> graph(node("aaaa1111"), node("aaaa2222", "aaaa1111"), node("bbbb", "aaaa3333")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Revision 'bbbb' (bbbb.sql) revises 'aaaa3333'")
                .hasMessageContaining("not a known revision")
                .hasMessageContaining("did you mean aaaa1111, aaaa2222?")
                .hasMessageContaining("Revises header");
    }

    @Test
    void unknownDependencyNamesTheRevisionItsSourceAndTheMissingId() {
        assertThatThrownBy(() -> graph(node("base1"), dependent("feat", List.of("base1"), "zzzz9999")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Revision 'feat' (feat.sql) depends on 'zzzz9999'")
                .hasMessageContaining("Depends-On header")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void cycleListsItsRevisionsInOrderWithSources() {
        assertThatThrownBy(() -> graph(node("root"), node("c1", "root", "c3"), node("c2", "c1"), node("c3", "c2"), node("tail", "c3")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("cycle: c1 (c1.sql) -> c2 (c2.sql) -> c3 (c3.sql) -> c1 (c1.sql)");
    }

    @Test
    void cycleThroughADependencyIsACycle() {
        assertThatThrownBy(() -> graph(node("a1"), node("b1", "a1"), dependent("a2", List.of("a1"), "b2"), dependent("b2", List.of("b1"), "a2")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("cycle: a2 (a2.sql) -> b2 (b2.sql) -> a2 (a2.sql)");
    }

    @Test
    void revisionRevisingItselfIsACycle() {
        assertThatThrownBy(() -> graph(node("self", "self")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("cycle: self (self.sql) -> self (self.sql)");
    }

    @Test
    void branchLabelUsedTwiceNamesBothRevisions() {
        assertThatThrownBy(() -> graph(node("root"), labelled("one", "accounts", "root"), labelled("two", "accounts", "root")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Branch label 'accounts' is used by revisions 'one' (one.sql) and 'two' (two.sql)");
    }

    @Test
    void invalidIdSyntaxNamesTheIdAndSource() {
        assertThatThrownBy(() -> RevisionGraph.of(List.of(new RevisionNode("add-users", List.of(), List.of(), Set.of(), "V1__add-users.sql"))))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Invalid revision id 'add-users' in V1__add-users.sql")
                .hasMessageContaining("1 to 64 characters");
    }

    @Test
    void idLongerThan64CharactersIsInvalid() {
        String tooLong = "a".repeat(65);
        assertThatThrownBy(() -> graph(node(tooLong)))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Invalid revision id '" + tooLong + "'");
        assertThat(graph(node("a".repeat(64))).heads()).containsExactly("a".repeat(64));
    }

    @Test
    void reservedTargetWordIsNotAnId() {
        assertThatThrownBy(() -> graph(node("head")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Invalid revision id 'head' in head.sql")
                .hasMessageContaining("reserved");
    }

    @Test
    void labelCollidingWithARevisionIdNamesBoth() {
        assertThatThrownBy(() -> graph(node("root"), labelled("feat", "root", "root")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Branch label 'root' of revision 'feat' (feat.sql) is also the id of revision 'root' (root.sql)");
    }

    @Test
    void invalidLabelSyntaxIsReported() {
        assertThatThrownBy(() -> graph(labelled("root", "a@b")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageContaining("Invalid branch label 'a@b' of revision 'root' (root.sql)");
    }

    @Test
    void severalProblemsAreReportedTogetherInOneException() {
        assertThatThrownBy(() -> graph(node("x1"), node("x1"), node("y1", "nope")))
                .isInstanceOf(RevisionGraphException.class)
                .hasMessageStartingWith("2 problems in the revisions:")
                .hasMessageContaining("Duplicate revision id 'x1'")
                .hasMessageContaining("Revision 'y1' (y1.sql) revises 'nope'");
    }

    @Test
    void severalHeadsAreLegal() {
        RevisionGraph graph = graph(node("root"), node("left", "root"), node("right", "root"));
        assertThat(graph.heads()).containsExactly("left", "right");
    }
}
