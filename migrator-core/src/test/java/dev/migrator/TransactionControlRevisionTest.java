package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.event.MigrationListener;
import dev.migrator.operation.Operations;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transaction control in revisions (SPEC §2.1, docs/sql-format.md "Transactions"): a transactional revision
 * commits with its version row or not at all, whatever BEGIN or COMMIT its file holds; a non-transactional
 * one runs its own blocks as written.
 */
@ExtendWith(FreshDatabase.class)
class TransactionControlRevisionTest {

    @TempDir
    Path dir;

    @Test
    void aCommitInsideATransactionalRevisionIsRefusedAtLoadAndNothingRuns(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("t001").upgrade("BEGIN", "CREATE TABLE t1 (id int)", "COMMIT", "SELECT 1 / 0")
                .downgrade("DROP TABLE t1").write();

        assertThatThrownBy(() -> files.load(db))
                .isInstanceOfSatisfying(MigratorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REVISION_MALFORMED))
                .hasMessageContaining("t001_revision.sql:5: \"BEGIN\" in a transactional revision")
                .hasMessageContaining("t001_revision.sql:7: \"COMMIT\" in a transactional revision")
                .hasMessageContaining("-- Transactional: false")
                .hasMessageNotContaining("Nothing of this revision was applied");

        assertThat(db.tableExists("t1")).isFalse();
        assertThat(db.tableExists("migrator_history")).isFalse();
    }

    @Test
    void aSectionWrappedInBeginCommitRunsInMigratorsTransactionWithTheVersionRow(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("t001").upgrade("BEGIN", "CREATE TABLE t1 (id int)", "INSERT INTO t1 VALUES (1)", "COMMIT")
                .downgrade("START TRANSACTION", "DROP TABLE t1", "END").write();
        files.revision("t002").revises("t001")
                .upgrade("BEGIN WORK", "CREATE TABLE t2 (id int)", "INSERT INTO t1 VALUES (2)", "SELECT 1 / 0", "COMMIT WORK")
                .downgrade("DROP TABLE t2").write();
        Migrator migrator = files.load(db);

        // The wrapper was dropped: the failing revision rolled back as a whole, with its version row.
        assertThatThrownBy(() -> migrator.upgrade("heads"))
                .hasMessageContaining("t002_revision.sql:9)")
                .hasMessageContaining("division by zero")
                .hasMessageContaining("Nothing of this revision was applied");
        assertThat(db.tableExists("t2")).isFalse();
        assertThat(db.count("SELECT count(*) FROM t1")).isEqualTo(1);
        assertThat(migrator.current()).containsExactly("t001");
        assertThat(db.count("SELECT count(*) FROM migrator_history WHERE revision = 't001' AND success")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM migrator_history WHERE revision = 't002' AND NOT success")).isEqualTo(1);

        migrator.downgrade("base");
        assertThat(db.tableExists("t1")).isFalse();
        assertThat(migrator.current()).isEmpty();
        // Offline, too, the section runs inside the one BEGIN ... COMMIT the script writes per revision.
        assertThat(migrator.upgradeSql("base", "t001"))
                .containsOnlyOnce("BEGIN;").containsOnlyOnce("COMMIT;").doesNotContain("START TRANSACTION");
    }

    @Test
    void aNonTransactionalRevisionRunsItsOwnBlocksAndRollsBackTheOneThatFails(TestDatabase db) {
        db.execute("CREATE TABLE ledger (id int PRIMARY KEY, amount int)");
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("n001").nonTransactional()
                .upgrade("INSERT INTO ledger VALUES (1, 10) ON CONFLICT DO NOTHING",
                        "BEGIN", "INSERT INTO ledger VALUES (2, 20)", "UPDATE ledger SET amount = amount / 0 WHERE id = 1",
                        "COMMIT")
                .downgrade("DELETE FROM ledger").write();
        Migrator migrator = files.load(db);

        assertThatThrownBy(() -> migrator.upgrade("heads"))
                .hasMessageContaining("n001_revision.sql:9)")
                .hasMessageContaining("division by zero")
                .hasMessageContaining("non-transactional")
                .hasMessageContaining("a BEGIN ... COMMIT block around it was rolled back");
        // The statement before the block committed on its own; the block left nothing.
        assertThat(db.count("SELECT count(*) FROM ledger")).isEqualTo(1);
        assertThat(migrator.current()).isEmpty();
        HistoryEntry failed = migrator.log(1).get(0);
        assertThat(failed.success()).isFalse();
        assertThat(failed.error()).contains("22012").contains("n001_revision.sql:9");

        // Fixed and run again: the revision is idempotent, so the next run completes it.
        files.revision("n001").nonTransactional()
                .upgrade("INSERT INTO ledger VALUES (1, 10) ON CONFLICT DO NOTHING",
                        "BEGIN", "INSERT INTO ledger VALUES (2, 20)", "UPDATE ledger SET amount = amount * 2 WHERE id = 1",
                        "COMMIT")
                .downgrade("DELETE FROM ledger").write();
        Migrator fixed = files.configure(db).validateChecksums(false).load();
        fixed.upgrade("heads");
        assertThat(db.count("SELECT sum(amount) FROM ledger")).isEqualTo(40);
        assertThat(fixed.current()).containsExactly("n001");
    }

    @Test
    void aBlockThatHitsTheLockTimeoutIsRolledBackAndRetriedAsAWhole(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE accounts (id int PRIMARY KEY, note text)");
        db.execute("INSERT INTO accounts VALUES (1, 'held')");
        db.execute("CREATE TABLE audit (what text)");
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("n001").nonTransactional()
                .upgrade("BEGIN", "INSERT INTO audit VALUES ('renamed')", "ALTER TABLE accounts RENAME COLUMN note TO remark",
                        "COMMIT")
                .downgrade("ALTER TABLE accounts RENAME COLUMN remark TO note").write();
        CountDownLatch firstRetry = new CountDownLatch(1);
        MigrationListener listener = new MigrationListener() {
            @Override
            public void lockRetry(String revision, int attempt) {
                firstRetry.countDown();
            }
        };
        Migrator migrator = files.configure(db).lockTimeout(Duration.ofMillis(200)).lockRetries(30)
                .listeners(listener).load();

        try (Connection holder = db.connect()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("SELECT * FROM accounts WHERE id = 1 FOR UPDATE");
            }
            CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
            assertThat(firstRetry.await(30, TimeUnit.SECONDS)).as("the ALTER hit lock_timeout inside the block").isTrue();
            holder.commit();

            MigrationResult result = run.get(60, TimeUnit.SECONDS);
            assertThat(result.steps().get(0).attempts()).isGreaterThan(1);
        }
        // Each timed-out attempt's block was rolled back, so its INSERT ran once in the end.
        assertThat(db.count("SELECT count(*) FROM audit")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts'"
                + " AND column_name = 'remark'")).isEqualTo(1);
        assertThat(migrator.current()).containsExactly("n001");
    }

    @Revision(id = "java_commit", message = "commits half of itself")
    public static final class CommitsInTheMiddle implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE java_t (id int)");
            op.execute("COMMIT");
            op.execute("SELECT 1 / 0");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE java_t");
        }
    }

    @Test
    void aTransactionalJavaRevisionRunningCommitIsRefusedBeforeItRuns(TestDatabase db) {
        Migrator migrator = Migrator.configure().dataSource(db.dataSource())
                .locations(new RevisionFiles(dir).location()).migrations(new CommitsInTheMiddle()).load();

        assertThatThrownBy(() -> migrator.upgrade("heads"))
                .isInstanceOfSatisfying(MigratorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REVISION_MALFORMED))
                .hasMessageContaining("Revision java_commit")
                .hasMessageContaining("runs \"COMMIT\" through op.execute(...)")
                .hasMessageContaining("@Revision(transactional = false)");
        assertThat(db.tableExists("java_t")).isFalse();
        assertThat(migrator.current()).isEmpty();
    }
}
