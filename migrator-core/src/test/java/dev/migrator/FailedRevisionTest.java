package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.result.HistoryEntry;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FreshDatabase.class)
class FailedRevisionTest {

    @TempDir
    Path dir;

    @Test
    void aFailingStatementLeavesNothingOfItsTransactionalRevision(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("f001");
        files.revision("f002").revises("f001")
                .upgrade("CREATE TABLE half_done (id int)", "INSERT INTO half_done VALUES (1)",
                        "INSERT INTO missing_table VALUES (1)")
                .downgrade("DROP TABLE half_done").write();
        Migrator migrator = files.load(db);

        assertThatThrownBy(() -> migrator.upgrade("heads"))
                .isInstanceOf(MigratorException.class)
                .hasMessageContaining("f002")
                .hasMessageContaining("f002_revision.sql:")
                .hasMessageContaining("missing_table")
                .hasMessageContaining("42P01")
                .hasMessageContaining("INSERT INTO missing_table");

        assertThat(db.tableExists("half_done")).isFalse();
        assertThat(migrator.current()).containsExactly("f001");
        HistoryEntry failed = migrator.log(1).get(0);
        assertThat(failed.revision()).isEqualTo("f002");
        assertThat(failed.success()).isFalse();
        assertThat(failed.error()).contains("42P01").contains("missing_table").contains("f002_revision.sql:");
        assertThat(db.count("SELECT count(*) FROM migrator_history WHERE revision = 'f002' AND success")).isZero();
        assertThat(migrator.status().state()).isEqualTo(MigrationState.FAILED);
    }

    @Test
    void aRevisionRunningLongerThanTheStatementTimeoutIsRolledBack(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("s001").upgrade("CREATE TABLE never (id int)", "SELECT pg_sleep(5)")
                .downgrade("DROP TABLE never").write();
        Migrator migrator = files.configure(db).statementTimeout(Duration.ofMillis(200)).load();

        assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("57014").hasMessageContaining("s001_revision.sql:");

        assertThat(db.tableExists("never")).isFalse();
        assertThat(migrator.current()).isEmpty();
    }

    @Test
    void aFailedNonTransactionalRevisionIsRecordedAsFailedAndRetriedByTheNextRun(TestDatabase db) {
        db.execute("CREATE TABLE items (id int, code int)");
        db.execute("INSERT INTO items VALUES (1, 1), (2, 1)");
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("n001").nonTransactional()
                .upgrade("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS items_code ON items (code)")
                .downgrade("DROP INDEX CONCURRENTLY IF EXISTS items_code").write();
        Migrator migrator = files.load(db);

        assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("n001").hasMessageContaining("23505");
        assertThat(db.count("SELECT count(*) FROM pg_index WHERE NOT indisvalid")).as("the INVALID leftover").isEqualTo(1);
        assertThat(migrator.current()).isEmpty();
        assertThat(migrator.log(1).get(0).success()).isFalse();
        assertThat(migrator.status().state()).isEqualTo(MigrationState.FAILED);

        db.execute("UPDATE items SET code = 2 WHERE id = 2");
        // IF NOT EXISTS alone would skip over the INVALID index and record success; the engine drops it first.
        migrator.upgrade("heads");

        assertThat(migrator.current()).containsExactly("n001");
        assertThat(db.count("SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isZero();
        assertThat(db.count("SELECT count(*) FROM pg_indexes WHERE indexname = 'items_code'")).isEqualTo(1);
        assertThat(migrator.log(1).get(0).success()).isTrue();
    }

    @Test
    void aConcurrentIndexInATransactionalRevisionSaysToMarkItNonTransactional(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("x001").upgrade("CREATE TABLE t (id int)", "CREATE INDEX CONCURRENTLY t_id ON t (id)")
                .downgrade("DROP TABLE t").write();
        Migrator migrator = files.load(db);

        assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("x001_revision.sql:").hasMessageContaining("Transactional: false");

        assertThat(db.tableExists("t")).isFalse();
    }
}
