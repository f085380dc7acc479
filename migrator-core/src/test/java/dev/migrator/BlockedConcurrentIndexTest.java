package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.event.MigrationListener;
import dev.migrator.operation.Operations;
import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigrationResult.StepResult;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CREATE INDEX CONCURRENTLY} next to a long transaction, the real thing: another session holds
 * {@code BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM f5;} open. The build waits for its
 * snapshot, the drop of the INVALID index the build leaves waits for its lock on f5: every one of those
 * waits ends on lock_timeout and costs an attempt, and the run ends naming that session. None of it hangs
 * (each run is awaited with a bound far above what its attempts take).
 */
@ExtendWith(FreshDatabase.class)
class BlockedConcurrentIndexTest {

    private static final String INVALID = "SELECT count(*) FROM pg_index WHERE NOT indisvalid";

    @TempDir
    Path dir;

    /** Opens the long transaction on {@code connection} as a reporting job would; returns its pid. */
    private static int reportJob(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET application_name = 'report-job'");
        }
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid(), count(*) FROM f5")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static MigratorException failure(CompletableFuture<?> run) throws Exception {
        try {
            run.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (MigratorException) e.getCause();
        }
        throw new AssertionError("the run succeeded next to the blocking transaction");
    }

    @Test
    void aBlockedConcurrentBuildEndsAfterItsAttemptsNamingTheSessionAndBuildsOnceItIsGone(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE f5 (id int)");
        db.execute("INSERT INTO f5 SELECT generate_series(1, 1000)");
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("c001").nonTransactional().upgrade("CREATE INDEX CONCURRENTLY f5_id_idx ON f5 (id)")
                .downgrade("DROP INDEX CONCURRENTLY IF EXISTS f5_id_idx").write();
        List<Integer> retries = new CopyOnWriteArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void lockRetry(String revision, int attempt) {
                retries.add(attempt);
            }
        };
        Migrator migrator = files.configure(db).lockTimeout(Duration.ofMillis(200)).lockRetries(2).listeners(listener).load();

        try (Connection blocker = db.connect()) {
            int pid = reportJob(blocker);

            MigratorException first = failure(CompletableFuture.supplyAsync(() -> migrator.upgrade("heads")));

            assertThat(first.code()).isEqualTo(ErrorCode.LOCK_RETRIES_EXHAUSTED);
            assertThat(first.getMessage())
                    .contains("Revision c001 (")
                    .contains("lock_timeout (200ms) for a lock in each of 3 attempts")
                    // attempts 2 and 3 were the drop of the INVALID index attempt 1 left: bounded, and counted
                    .contains("Statement (Migrator's, not the revision's): DROP INDEX CONCURRENTLY IF EXISTS f5_id_idx")
                    .contains("Blocked by session pid " + pid + " (application_name 'report-job'")
                    .contains("idle in transaction, its transaction open for ")
                    .contains("It left INVALID index(es) [f5_id_idx]")
                    .contains("What to do: " + ErrorCode.LOCK_RETRIES_EXHAUSTED.advice())
                    .doesNotContain("Fix the failing statement").doesNotContain("PT0");
            assertThat(retries).containsExactly(2, 3);
            assertThat(db.count("SELECT count(*) FROM migrator_history WHERE revision = 'c001' AND NOT success"
                    + " AND finished_at IS NOT NULL AND duration_ms IS NOT NULL AND error LIKE 'SQLSTATE 55P03:%'")).isEqualTo(1);
            assertThat(migrator.lastRun()).hasValueSatisfying(run -> {
                assertThat(run.success()).isFalse();
                assertThat(run.finishedAt()).isNotNull();
            });

            // The next run, the blocker still there: the INVALID-index repair at its start is bounded too.
            MigratorException second = failure(CompletableFuture.supplyAsync(() -> migrator.upgrade("heads")));

            assertThat(second.code()).isEqualTo(ErrorCode.LOCK_RETRIES_EXHAUSTED);
            assertThat(second.getMessage()).contains("DROP INDEX CONCURRENTLY IF EXISTS f5_id_idx")
                    .contains("Blocked by session pid " + pid);
            assertThat(db.count(INVALID)).isEqualTo(1);
            blocker.rollback();
        }

        MigrationResult next = migrator.upgrade("heads");

        assertThat(next.steps()).extracting(StepResult::revision).containsExactly("c001");
        assertThat(db.count(INVALID)).isZero();
        assertThat(db.count("SELECT count(*) FROM pg_index WHERE indexrelid = 'f5_id_idx'::regclass AND indisvalid")).isEqualTo(1);
        assertThat(migrator.current()).containsExactly("c001");
    }

    @Revision(id = "j001", message = "index f5 concurrently", transactional = false)
    static final class IndexF5 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createIndex("f5_id_idx", "f5", "id").concurrently();
        }

        @Override
        public void downgrade(Operations op) {
            op.dropIndex("f5_id_idx").concurrently();
        }
    }

    @Test
    void aJavaRevisionsConcurrentBuildBlockedTheSameWayEndsTheSameWay(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE f5 (id int)");
        db.execute("INSERT INTO f5 SELECT generate_series(1, 1000)");
        Migrator migrator = Migrator.configure().dataSource(db.dataSource()).locations(new RevisionFiles(dir).location())
                .migrations(new IndexF5()).lockTimeout(Duration.ofMillis(200)).lockRetries(1).load();

        try (Connection blocker = db.connect()) {
            int pid = reportJob(blocker);

            MigratorException failure = failure(CompletableFuture.supplyAsync(() -> migrator.upgrade("heads")));

            assertThat(failure.code()).isEqualTo(ErrorCode.LOCK_RETRIES_EXHAUSTED);
            assertThat(failure.getMessage()).contains("j001").contains("in each of 2 attempts")
                    .contains("Blocked by session pid " + pid + " (application_name 'report-job'")
                    .contains("What to do: " + ErrorCode.LOCK_RETRIES_EXHAUSTED.advice());
            assertThat(db.count("SELECT count(*) FROM migrator_history WHERE revision = 'j001' AND NOT success"
                    + " AND finished_at IS NOT NULL AND error IS NOT NULL")).isEqualTo(1);
            blocker.rollback();
        }

        migrator.upgrade("heads");
        assertThat(db.count(INVALID)).isZero();
        assertThat(migrator.current()).containsExactly("j001");
    }
}
