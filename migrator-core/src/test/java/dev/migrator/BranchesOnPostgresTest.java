package dev.migrator;

import static dev.migrator.Journal.down;
import static dev.migrator.Journal.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 on a real PostgreSQL: branches, labels, merges and stamps behave as Alembic's do (with
 * Migrator's version-row rule). Every revision writes its id into a table as it runs, so each test
 * asserts which revisions ran, in what order, and the version rows after every step.
 *
 * <p>"The fork": a -> b -> c1 [c1branch] -> d1 and b -> c2 [c2branch] -> d2.
 */
@ExtendWith(FreshDatabase.class)
class BranchesOnPostgresTest {

    @TempDir
    Path dir;

    private Journal fork(TestDatabase db) {
        Journal journal = new Journal(db, new RevisionFiles(dir));
        journal.write("a");
        journal.write("b", "a");
        journal.revision("c1", "b").branchLabels("c1branch").write();
        journal.write("d1", "c1");
        journal.revision("c2", "b").branchLabels("c2branch").write();
        journal.write("d2", "c2");
        return journal;
    }

    // item 1

    @Test
    void stampingOneBranchKeepsTheOtherBranchApplied(TestDatabase db) {
        Journal journal = fork(db);
        Migrator migrator = journal.load();
        journal.assertRan(migrator.upgrade("d1,c2"),
                up("a", "a"), up("b", "b"), up("c1", "c1"), up("d1", "d1"), up("c2", "c2", "d1"));

        StampResult stamped = migrator.stamp("c2branch@head");

        assertThat(stamped.after()).containsExactlyInAnyOrder("d1", "d2");
        assertThat(journal.rows()).containsExactlyInAnyOrder("d1", "d2");
        journal.assertNothingRan();
        // before: the stamp left {d2} and this upgrade ran c1 and d1 a second time
        journal.assertRan(migrator.upgrade("heads"));
    }

    @Test
    void stampingAnUnrelatedRootAddsARow(TestDatabase db) {
        Journal journal = new Journal(db, new RevisionFiles(dir));
        journal.write("a1");
        journal.write("b1", "a1");
        journal.write("a2");
        journal.write("b2", "a2");
        Migrator migrator = journal.load();

        migrator.stamp("b1");
        migrator.stamp("a2");

        assertThat(journal.rows()).containsExactlyInAnyOrder("b1", "a2");
        journal.assertNothingRan();
        journal.assertRan(migrator.upgrade("heads"), up("b2", "b1", "b2"));
    }

    @Test
    void downwardStampsRemoveOnlyTheirOwnLine(TestDatabase db) {
        Journal journal = fork(db);
        Migrator migrator = journal.load();
        journal.assertRan(migrator.upgrade("d1,d2"),
                up("a", "a"), up("b", "b"), up("c1", "c1"), up("d1", "d1"), up("c2", "c2", "d1"), up("d2", "d1", "d2"));

        migrator.stamp("c1branch@-1");
        assertThat(journal.rows()).containsExactlyInAnyOrder("c1", "d2");
        assertThatThrownBy(() -> migrator.stamp("-1")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("'-1' is ambiguous");
        assertThat(journal.rows()).as("a refused stamp changes nothing").containsExactlyInAnyOrder("c1", "d2");
        migrator.stamp("c2branch@b");
        assertThat(journal.rows()).containsExactly("c1");
        journal.assertNothingRan();

        journal.assertRan(migrator.upgrade("heads"), up("c2", "c1", "c2"), up("d2", "c1", "d2"), up("d1", "d1", "d2"));
    }

    @Test
    void stampMinusOneRemovesOnlyTheRevisionNothingElseNeeds(TestDatabase db) {
        Journal journal = crossed(db);
        Migrator migrator = journal.load();
        migrator.stamp("x1,y2");

        migrator.stamp("-1");

        // y2 needed x1, so only y2 could go; x1's line stays applied
        assertThat(journal.rows()).containsExactlyInAnyOrder("x1", "y1");
        journal.assertNothingRan();
    }

    // item 2

    @Test
    void labelAtTheBranchPointTakesDownOnlyTheLabelledSide(TestDatabase db) {
        Journal journal = fork(db);
        Migrator migrator = journal.load();
        journal.assertRan(migrator.upgrade("c1,d2"), up("a", "a"), up("b", "b"), up("c1", "c1"), up("c2", "c1", "c2"),
                up("d2", "c1", "d2"));

        journal.assertRan(migrator.downgrade("c1branch@b"), down("c1", "d2"));
        journal.assertRan(migrator.upgrade("c1"), up("c1", "c1", "d2"));
        journal.assertRan(migrator.downgrade("c2branch@b"), down("d2", "c1", "c2"), down("c2", "c1"));

        assertThatThrownBy(() -> migrator.downgrade("c1branch@c2")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("no revision on the line of branch 'c1branch'")
                .hasMessageContaining("a, b, c1, d1");
        assertThat(journal.rows()).containsExactly("c1");
        journal.assertNothingRan();
    }

    // item 3

    /** y1 [y], x1 [x], y2 revises y1 and depends on x1, x2 revises x1. */
    private Journal crossed(TestDatabase db) {
        Journal journal = new Journal(db, new RevisionFiles(dir));
        journal.revision("y1").branchLabels("y").write();
        journal.revision("x1").branchLabels("x").write();
        journal.revision("y2", "y1").dependsOn("x1").write();
        journal.write("x2", "x1");
        return journal;
    }

    @Test
    void labelMinusOneTakesDownOnlyThatBranchAndWhatNeedsIt(TestDatabase db) {
        Journal journal = crossed(db);
        Migrator migrator = journal.load();
        journal.assertRan(migrator.upgrade("heads"), up("x1", "x1"), up("x2", "x2"), up("y1", "x2", "y1"), up("y2", "x2", "y2"));

        // before: y2, a revision of branch y, went and x2 stayed
        journal.assertRan(migrator.downgrade("x@-1"), down("x2", "x1", "y2"));
        journal.assertRan(migrator.downgrade("x@-1"), down("y2", "x1", "y1"), down("x1", "y1"));
    }

    // item 4

    @Test
    void relativeStepsRefuseWhenSeveralHeadsCouldMove(TestDatabase db) {
        Journal journal = fork(db);
        Migrator migrator = journal.load();
        journal.assertRan(migrator.upgrade("c1,c2"), up("a", "a"), up("b", "b"), up("c1", "c1"), up("c2", "c1", "c2"));

        assertThatThrownBy(() -> migrator.upgrade("+1")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("'+1' is ambiguous: there are 2 current heads (c1, c2)")
                .hasMessageContaining("c1branch@+1, c2branch@+1");
        assertThatThrownBy(() -> migrator.downgrade("-1")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("'-1' is ambiguous");
        assertThat(journal.rows()).containsExactlyInAnyOrder("c1", "c2");
        journal.assertNothingRan();

        journal.assertRan(migrator.upgrade("c1branch@+1"), up("d1", "c2", "d1"));
    }

    @Test
    void relativeStepsRefuseWhenTheWalkForks(TestDatabase db) {
        Journal journal = fork(db);
        Migrator migrator = journal.load();
        journal.assertRan(migrator.upgrade("+1"), up("a", "a"));

        assertThatThrownBy(() -> migrator.upgrade("+2")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("after 1 step(s) the walk forks: c1 (after b, branch c1branch), c2 (after b, branch c2branch)");
        journal.assertNothingRan();
        assertThat(journal.rows()).containsExactly("a");
        journal.assertRan(migrator.upgrade("c2branch@+2"), up("b", "b"), up("c2", "c2"));
    }

    // item 5

    @Test
    void aLabelCarriesThroughTheMerge(TestDatabase db) {
        Journal journal = new Journal(db, new RevisionFiles(dir));
        journal.write("a");
        journal.write("b", "a");
        journal.revision("c1", "b").branchLabels("c1branch").write();
        journal.write("c2", "b");
        journal.write("d", "c1", "c2");
        Migrator migrator = journal.load();

        journal.assertRan(migrator.upgrade("c1branch@head"),
                up("a", "a"), up("b", "b"), up("c1", "c1"), up("c2", "c1", "c2"), up("d", "d"));

        journal.assertRan(migrator.downgrade("c1"), down("d", "c1", "c2"));
        migrator.stamp("c1branch@head");
        assertThat(journal.rows()).containsExactly("d");
        journal.assertNothingRan();
    }

    // item 6

    @Test
    void branchesRunOneAfterTheOtherAndComeDownInMirrorOrder(TestDatabase db) {
        Journal journal = fork(db);
        Migrator migrator = journal.load();
        journal.assertRan(migrator.upgrade("a"), up("a", "a"));

        // before: b, c1, c2, d1, d2 (interleaved by id)
        journal.assertRan(migrator.upgrade("d1,d2"),
                up("b", "b"), up("c1", "c1"), up("d1", "d1"), up("c2", "c2", "d1"), up("d2", "d1", "d2"));
        journal.assertRan(migrator.downgrade("a"),
                down("d2", "c2", "d1"), down("c2", "d1"), down("d1", "c1"), down("c1", "b"), down("b", "a"));
    }

    // item 8

    @Test
    void upgradeHeadsWarnsOnceAboutHeadsNoMergeJoinsAndStillAppliesThem(TestDatabase db) {
        Journal journal = fork(db);
        Migrator migrator = journal.load();

        String log = standardErrorOf(() -> journal.assertRan(migrator.upgrade("heads"),
                up("a", "a"), up("b", "b"), up("c1", "c1"), up("d1", "d1"), up("c2", "c2", "d1"), up("d2", "d1", "d2")));

        assertThat(log.split("no merge joins", -1)).as("one warning per run").hasSize(2);
        assertThat(log).contains("WARN", "The revisions have 2 heads that no merge joins: d1 (branch c1branch), "
                + "d2 (branch c2branch)", "add a merge revision that revises them all (-- Revises: d1, d2)");

        journal.write("m", "d1", "d2");
        Migrator merged = journal.load();
        String quiet = standardErrorOf(() -> journal.assertRan(merged.upgrade("heads"), up("m", "m")));
        assertThat(quiet).doesNotContain("no merge joins");
    }

    /** What the engine logged (slf4j-simple writes to the current System.err) while {@code action} ran. */
    private static String standardErrorOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
