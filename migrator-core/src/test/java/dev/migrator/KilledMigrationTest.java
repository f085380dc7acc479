package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigrationResult.StepResult;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migration whose process or backend dies mid-revision: nothing is half-applied, no lock is left
 * behind, and the next run completes without a manual step. The slow revision sleeps for the
 * session setting {@code migrator_test.sleep} (0 when unset), so only the doomed run is slow.
 */
@ExtendWith(FreshDatabase.class)
class KilledMigrationTest {

    private static final String SLEEP = "SELECT pg_sleep(coalesce(current_setting('migrator_test.sleep', true), '0')::float)";

    @TempDir
    Path dir;

    private RevisionFiles revisions() {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("k001");
        files.revision("k002").revises("k001").upgrade("CREATE TABLE slow (id int)", SLEEP)
                .downgrade("DROP TABLE slow").write();
        files.table("k003", "k002");
        return files;
    }

    /** k002 non-transactional (and idempotent): its history row is open while it sleeps. */
    private RevisionFiles nonTransactionalRevisions() {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("k001");
        files.revision("k002").revises("k001").nonTransactional()
                .upgrade("CREATE TABLE IF NOT EXISTS slow (id int)", SLEEP).downgrade("DROP TABLE IF EXISTS slow").write();
        files.table("k003", "k002");
        return files;
    }

    private static void assertLostConnection(Throwable failure) {
        assertThat(failure).isInstanceOfSatisfying(MigratorException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_LOST);
            assertThat(e.getMessage()).contains("k002").contains("k002_revision.sql:").contains("57P01")
                    .endsWith("What to do: " + ErrorCode.CONNECTION_LOST.advice())
                    .doesNotContain(ErrorCode.STATEMENT_FAILED.advice());
        });
    }

    /** Polls pg_stat_activity until the migrating session is sleeping; returns its pid. */
    private static int sleepingMigrator(TestDatabase db, Duration timeout) {
        Object pid = Awaitility.await("a migrating session sleeping in its revision")
                .atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> db.queryValue("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND application_name LIKE 'migrator migrating%' AND state = 'active' AND query LIKE '%pg_sleep%'"),
                        Objects::nonNull);
        return ((Number) pid).intValue();
    }

    /** Starts an upgrade whose slow revision sleeps 30 s and terminates its backend while it sleeps. */
    private static CompletableFuture<MigrationResult> terminatedWhileItsRevisionSleeps(TestDatabase db, RevisionFiles files)
            throws Exception {
        PGSimpleDataSource slow = (PGSimpleDataSource) db.dataSource();
        slow.setOptions("-c migrator_test.sleep=30");
        Migrator doomed = files.configure(db).dataSource(slow).load();
        CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(() -> doomed.upgrade("heads"));
        int pid = sleepingMigrator(db, Duration.ofSeconds(30));
        db.execute("SELECT pg_terminate_backend(" + pid + ")");
        return run;
    }

    private static void assertCompletedExactlyOnce(TestDatabase db) {
        assertThat(db.queryValue("SELECT revision FROM migrator_version")).isEqualTo("k003");
        assertThat(db.count("SELECT count(*) FROM migrator_history WHERE revision = 'k002' AND success")).isEqualTo(1);
        assertThat(db.tableExists("slow")).isTrue();
    }

    @Test
    void aTerminatedBackendLeavesTheRevisionUnappliedAndTheNextRunCompletes(TestDatabase db) throws Exception {
        RevisionFiles files = revisions();
        CompletableFuture<MigrationResult> run = terminatedWhileItsRevisionSleeps(db, files);

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().satisfies(KilledMigrationTest::assertLostConnection)
                .hasMessageContaining("The server rolled its transaction back with the session");
        assertThat(db.tableExists("slow")).isFalse();
        assertThat(db.queryValue("SELECT revision FROM migrator_version")).isEqualTo("k001");
        assertThat(db.count("SELECT count(*) FROM migrator_history WHERE revision = 'k002' AND success")).isZero();
        // its session is gone, so the failure was recorded from a new connection
        assertThat(db.count("SELECT count(*) FROM migrator_history WHERE revision = 'k002' AND NOT success"
                + " AND finished_at IS NOT NULL AND error LIKE 'SQLSTATE 57P01:%'")).isEqualTo(1);

        MigrationResult next = files.load(db).upgrade("heads");

        assertThat(next.steps()).extracting(StepResult::revision).containsExactly("k002", "k003");
        assertCompletedExactlyOnce(db);
    }

    @Test
    void aSigkilledProcessReleasesTheLockAndItsBackendEndsSoTheNextRunCompletesPromptly(TestDatabase db) throws Exception {
        RevisionFiles files = revisions();
        Process doomed = child(db, files, 60);
        try {
            sleepingMigrator(db, Duration.ofSeconds(60));
            doomed.destroyForcibly();
            assertThat(doomed.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long killedAt = System.nanoTime();

            Process next = child(db, files, 0);
            boolean finished = next.waitFor(60, TimeUnit.SECONDS);
            Duration sinceKill = Duration.ofNanos(System.nanoTime() - killedAt);

            assertThat(finished).as("the next run finished").isTrue();
            assertThat(next.exitValue()).as("the next run succeeded").isZero();
            // The promise: client_connection_check_interval ends the zombie backend (and its lock)
            // long before its 60 s sleep would have.
            assertThat(sinceKill).isLessThan(Duration.ofSeconds(20));
            assertCompletedExactlyOnce(db);
            assertThat(db.count("SELECT count(*) FROM migrator_history WHERE revision = 'k003' AND success")).isEqualTo(1);
        } finally {
            doomed.destroyForcibly();
        }
    }

    @Test
    void aTerminatedNonTransactionalStepIsClosedAsFailedFromANewConnection(TestDatabase db) throws Exception {
        RevisionFiles files = nonTransactionalRevisions();
        CompletableFuture<MigrationResult> run = terminatedWhileItsRevisionSleeps(db, files);

        assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().satisfies(KilledMigrationTest::assertLostConnection)
                .hasMessageContaining("non-transactional");
        assertThat(db.count("SELECT count(*) FROM migrator_history WHERE revision = 'k002' AND NOT success"
                + " AND finished_at IS NOT NULL AND duration_ms IS NOT NULL AND error LIKE 'SQLSTATE 57P01:%'")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM migrator_history WHERE finished_at IS NULL")).isZero();

        files.load(db).upgrade("heads");
        assertCompletedExactlyOnce(db);
    }

    @Test
    void aStepLeftOpenByAKilledProcessIsClosedAsFailedByTheNextRun(TestDatabase db) throws Exception {
        RevisionFiles files = nonTransactionalRevisions();
        Process doomed = child(db, files, 60);
        try {
            sleepingMigrator(db, Duration.ofSeconds(60));
            doomed.destroyForcibly();
            assertThat(doomed.waitFor(10, TimeUnit.SECONDS)).isTrue();
            // nobody could record anything: the row stays open until a run finds it
            assertThat(db.count("SELECT count(*) FROM migrator_history WHERE revision = 'k002' AND finished_at IS NULL"))
                    .isEqualTo(1);

            Migrator next = files.load(db);
            MigrationResult result = next.upgrade("heads");

            assertThat(result.steps()).extracting(StepResult::revision).containsExactly("k002", "k003");
            assertThat(db.count("SELECT count(*) FROM migrator_history WHERE finished_at IS NULL")).isZero();
            assertThat(db.queryValue("SELECT error FROM migrator_history WHERE revision = 'k002' AND NOT success"))
                    .asString().startsWith("session ended before the step finished (found open by the next run, ");
            assertCompletedExactlyOnce(db);
            assertThat(next.lastRun()).hasValueSatisfying(run -> {
                assertThat(run.applied()).isEqualTo(2);
                assertThat(run.success()).isTrue();
            });
        } finally {
            doomed.destroyForcibly();
        }
    }

    private static Process child(TestDatabase db, RevisionFiles files, int sleepSeconds) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", classpath, ChildMigration.class.getName(),
                db.url(), db.user(), files.location(), Integer.toString(sleepSeconds)));
        builder.environment().put("MIGRATOR_CHILD_PASSWORD", db.password());
        builder.redirectErrorStream(true);
        builder.redirectOutput(new File(System.getProperty("java.io.tmpdir"), "migrator-child-" + sleepSeconds + ".log"));
        return builder.start();
    }
}
