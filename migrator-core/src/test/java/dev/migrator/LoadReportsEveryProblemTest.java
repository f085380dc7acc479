package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.internal.source.RevisionLoadException;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load()} checks every file completely (header, sections, statements, transaction control) and
 * reports every problem of every file in one exception, before anything touches the database: a user
 * importing a history fixes all of it in one pass.
 */
@ExtendWith(FreshDatabase.class)
class LoadReportsEveryProblemTest {

    @TempDir
    Path dir;

    @Test
    void everyMalformedFileIsNamedWithItsLinesAndTheDatabaseIsUntouched(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("m001");
        files.revision("m002").revises("m001")
                .upgrade("CREATE TABLE fine (id int)", "INSERT INTO fine VALUES ('unterminated)")
                .downgrade("DROP TABLE fine").write();
        files.revision("m003").revises("m002").upgrade("CREATE TABLE t3 (id int)")
                .downgrade("DROP TABLE t3 /* never closed").write();
        files.revision("m004").revises("m003").upgrade("CREATE TABLE t4 (id int)", "COMMIT")
                .downgrade("DROP TABLE t4").write();

        assertThatThrownBy(() -> files.load(db))
                .isInstanceOfSatisfying(RevisionLoadException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REVISION_MALFORMED);
                    assertThat(e.problems()).hasSize(3);
                })
                .hasMessageStartingWith("3 problems in the revisions (nothing was run; fix them all, then load again):")
                .hasMessageContaining("m002_revision.sql:7: unterminated string literal")
                .hasMessageContaining("m003_revision.sql:9: unterminated block comment")
                .hasMessageContaining("m004_revision.sql:7: \"COMMIT\" in a transactional revision");

        assertThat(db.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isZero();
    }

    @Test
    void validateAndOfflineRenderingNeverSeeAMalformedFile(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("m001");
        Migrator migrator = files.load(db);
        migrator.upgrade("heads");
        // An applied revision edited into a malformed state: checksum validation off, so only the check at load can tell.
        files.revision("m001").upgrade("CREATE TABLE table_m001 (id int PRIMARY KEY, note text DEFAULT 'x)")
                .downgrade("DROP TABLE table_m001").write();

        assertThatThrownBy(() -> files.configure(db).validateChecksums(false).load())
                .isInstanceOf(RevisionLoadException.class)
                .hasMessageStartingWith(files.location() + "/m001_revision.sql:5: unterminated string literal");
        assertThat(migrator.current()).containsExactly("m001");
    }
}
