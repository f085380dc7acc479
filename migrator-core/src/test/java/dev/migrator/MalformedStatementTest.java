package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading does not split statements (SqlSection): a command checks every revision it will run before
 * the first one runs, so a malformed statement in the last pending revision leaves the database as it was.
 */
@ExtendWith(FreshDatabase.class)
class MalformedStatementTest {

    @TempDir
    Path dir;

    @Test
    void aMalformedStatementInAPendingRevisionStopsTheUpgradeBeforeAnythingRuns(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("m001");
        files.revision("m002").revises("m001")
                .upgrade("CREATE TABLE fine (id int)", "INSERT INTO fine VALUES ('unterminated)")
                .downgrade("DROP TABLE fine").write();
        Migrator migrator = files.load(db);

        assertThatThrownBy(() -> migrator.upgrade("heads"))
                .isInstanceOf(MigratorException.class)
                .hasMessageContaining("m002_revision.sql:")
                .hasMessageContaining("unterminated string literal");

        assertThat(db.tableExists("m001")).isFalse();
        assertThat(migrator.current()).isEmpty();
        assertThat(db.count("SELECT count(*) FROM migrator_history")).isZero();
    }

    @Test
    void aMalformedDowngradeSectionStopsTheUpgradeOfItsRevisionToo(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("m001").upgrade("CREATE TABLE t1 (id int)").downgrade("DROP TABLE t1 /* never closed").write();
        Migrator migrator = files.load(db);

        assertThatThrownBy(() -> migrator.upgrade("heads"))
                .isInstanceOf(MigratorException.class)
                .hasMessageContaining("m001_revision.sql:")
                .hasMessageContaining("unterminated block comment");

        assertThat(db.tableExists("t1")).isFalse();
        assertThat(migrator.current()).isEmpty();
    }

    @Test
    void validateChecksTheStatementsOfAppliedRevisionsAsWell(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("m001");
        Migrator migrator = files.load(db);
        migrator.upgrade("heads");
        // An applied revision edited into a malformed state (checksum validation off, so only the split can tell).
        files.revision("m001").upgrade("CREATE TABLE m001 (id int PRIMARY KEY, note text DEFAULT 'x)")
                .downgrade("DROP TABLE m001").write();
        Migrator edited = files.configure(db).validateChecksums(false).load();

        assertThat(edited.upgrade("heads").applied()).isZero(); // nothing to run: nothing to split
        assertThatThrownBy(edited::validate)
                .isInstanceOf(MigratorException.class)
                .hasMessageContaining("m001_revision.sql:")
                .hasMessageContaining("unterminated string literal");
    }
}
