package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.event.MigrationListener;
import dev.migrator.result.MigrationResult;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FreshDatabase.class)
class LockTimeoutRetryTest {

    @TempDir
    Path dir;

    @Test
    void aMigrationWaitingForALockNeverQueuesReadersForLongAndSucceedsOnRetry(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE accounts (id int PRIMARY KEY, balance int)");
        db.execute("INSERT INTO accounts VALUES (1, 10), (2, 20)");
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("l001").upgrade("ALTER TABLE accounts ADD COLUMN note text")
                .downgrade("ALTER TABLE accounts DROP COLUMN note").write();
        List<Integer> retries = new CopyOnWriteArrayList<>();
        CountDownLatch firstRetry = new CountDownLatch(1);
        MigrationListener listener = new MigrationListener() {
            @Override
            public void lockRetry(String revision, int attempt) {
                retries.add(attempt);
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
            assertThat(firstRetry.await(30, TimeUnit.SECONDS)).as("the ALTER hit lock_timeout and was retried").isTrue();

            // Readers arriving while the ALTER keeps trying: each would queue behind a waiting ALTER
            // for as long as it waits; with lock_timeout they get through. statement_timeout bounds a stuck read.
            try (Connection reader = db.connect(); Statement s = reader.createStatement()) {
                s.execute("SET statement_timeout = '3s'");
                for (int i = 0; i < 5; i++) {
                    try (ResultSet rs = s.executeQuery("SELECT sum(balance) FROM accounts")) {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(30);
                    }
                }
            }
            assertThat(run).isNotDone();
            holder.commit();

            MigrationResult result = run.get(60, TimeUnit.SECONDS);
            assertThat(result.steps().get(0).attempts()).isGreaterThan(1);
            assertThat(retries).isNotEmpty().startsWith(2);
        }
        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts'"
                + " AND column_name = 'note'")).isEqualTo(1);
    }

    @Test
    void aTransactionalRevisionOutOfRetriesNamesTheSessionHoldingTheLockAndBlamesNotItsSql(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE accounts (id int PRIMARY KEY, balance int)");
        db.execute("INSERT INTO accounts VALUES (1, 10)");
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("l001").upgrade("ALTER TABLE accounts ADD COLUMN note text")
                .downgrade("ALTER TABLE accounts DROP COLUMN note").write();
        Migrator migrator = files.configure(db).lockTimeout(Duration.ofMillis(100)).lockRetries(1).load();

        try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            s.execute("SET application_name = 'billing-batch'");
            holder.setAutoCommit(false);
            int pid;
            try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid() FROM accounts WHERE id = 1 FOR UPDATE")) {
                rs.next();
                pid = rs.getInt(1);
            }

            assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOfSatisfying(MigratorException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.LOCK_RETRIES_EXHAUSTED);
                assertThat(e.getMessage()).contains("l001_revision.sql:")
                        .contains("lock_timeout (100ms) for a lock in each of 2 attempts")
                        .contains("Blocked by session pid " + pid + " (application_name 'billing-batch'")
                        .contains("idle in transaction, its transaction open for ")
                        .contains("Nothing of this revision was applied")
                        .contains("What to do: " + ErrorCode.LOCK_RETRIES_EXHAUSTED.advice())
                        .doesNotContain("Fix the failing statement");
            });
            holder.rollback();
        }
        assertThat(db.count("SELECT count(*) FROM migrator_history WHERE revision = 'l001' AND NOT success"
                + " AND error LIKE 'SQLSTATE 55P03:%'")).isEqualTo(1);
        assertThat(migrator.current()).isEmpty();
    }

    @Test
    void aRevisionRolledBackAsADeadlocksVictimIsRetriedLikeALockTimeout(TestDatabase db) throws Exception {
        List<Integer> retries = new CopyOnWriteArrayList<>();
        CountDownLatch firstRetry = new CountDownLatch(1);
        MigrationListener listener = new MigrationListener() {
            @Override
            public void lockRetry(String revision, int attempt) {
                retries.add(attempt);
                firstRetry.countDown();
            }
        };
        Migrator migrator = ledgerThenAudit(db, "d001").lockRetries(3).listeners(listener).load();

        try (Connection app = db.connect()) {
            CompletableFuture<MigrationResult> run = deadlock(db, app, migrator);
            assertThat(firstRetry.await(30, TimeUnit.SECONDS)).as("the migration was the victim and is retried").isTrue();
            app.commit();

            MigrationResult result = run.get(60, TimeUnit.SECONDS);
            assertThat(result.steps().get(0).attempts()).isEqualTo(2);
            assertThat(retries).containsExactly(2);
        }
        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE table_name IN ('ledger', 'audit')"
                + " AND column_name = 'note'")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM migrator_history WHERE NOT success")).isZero();
    }

    @Test
    void aDeadlockOnTheLastAttemptIsALockConflictNotTheRevisionsFault(TestDatabase db) throws Exception {
        Migrator migrator = ledgerThenAudit(db, "d002").lockRetries(0).load();

        try (Connection app = db.connect()) {
            CompletableFuture<MigrationResult> run = deadlock(db, app, migrator);
            assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(MigratorException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.LOCK_RETRIES_EXHAUSTED);
                assertThat(e.getMessage()).contains("d002_revision.sql:").contains("40P01")
                        .contains("It was rolled back as the victim of a deadlock with another session, after 1 attempt.")
                        .contains("Nothing of this revision was applied")
                        .doesNotContain("Fix the failing statement");
            });
            app.rollback();
        }
        assertThat(db.count("SELECT count(*) FROM migrator_history WHERE revision = 'd002' AND NOT success"
                + " AND error LIKE 'SQLSTATE 40P01:%'")).isEqualTo(1);
    }

    /**
     * A revision that alters {@code ledger}, then {@code audit}; lock_timeout far above deadlock_timeout (1 s), so
     * what ends a wait is the deadlock, not the timeout.
     */
    private MigratorConfiguration ledgerThenAudit(TestDatabase db, String id) {
        db.execute("CREATE TABLE ledger (id int)");
        db.execute("CREATE TABLE audit (id int)");
        RevisionFiles files = new RevisionFiles(dir);
        files.revision(id).upgrade("ALTER TABLE ledger ADD COLUMN note text;\nALTER TABLE audit ADD COLUMN note text;")
                .downgrade("ALTER TABLE audit DROP COLUMN note;\nALTER TABLE ledger DROP COLUMN note;").write();
        return files.configure(db).lockTimeout(Duration.ofSeconds(20));
    }

    /**
     * The application's transaction on {@code app} reads {@code audit}; the migration starts, takes {@code ledger}
     * and waits for {@code audit}; then the application reads {@code ledger}: a deadlock, which the server ends by
     * rolling the migration's attempt back (its deadlock check runs in the waiting session whose
     * deadlock_timeout ends first: the migration's). Returns once the application's read went through.
     */
    private static CompletableFuture<MigrationResult> deadlock(TestDatabase db, Connection app, Migrator migrator) throws Exception {
        try (Statement s = app.createStatement()) {
            s.execute("SET deadlock_timeout = '20s'");
            app.setAutoCommit(false);
            s.execute("SELECT count(*) FROM audit");
            CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
            Awaitility.await("the migration holds ledger and waits for audit").atMost(Duration.ofSeconds(30)).until(() ->
                    db.count("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                            + " WHERE c.relname = 'audit' AND l.mode = 'AccessExclusiveLock' AND NOT l.granted") == 1);
            s.execute("SELECT count(*) FROM ledger");
            return run;
        }
    }
}
