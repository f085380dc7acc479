package dev.migrator;

import static dev.migrator.operation.Column.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.event.MigrationListener;
import dev.migrator.operation.Operations;
import dev.migrator.operation.Type;
import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigrationResult.StepResult;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Java revisions whose operations need their own transactions run through the engine end to end. */
@ExtendWith(FreshDatabase.class)
class JavaRuntimeOperationsTest {

    @TempDir
    Path dir;

    @Revision(id = "rt0001", message = "accounts")
    static final class CreateAccounts implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("accounts", column("id", Type.BIGINT).primaryKey(), column("email", Type.TEXT),
                    column("status", Type.TEXT));
            op.execute("INSERT INTO accounts SELECT g, 'u' || g || '@example.com', NULL FROM generate_series(1, 2500) g");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("accounts");
        }
    }

    @Revision(id = "rt0002", revises = "rt0001", message = "backfill status, index email", transactional = false)
    static final class BackfillAndIndex implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.batchUpdate("accounts", "status = 'active'", "status IS NULL").batchSize(400);
            op.createIndex("accounts_email_idx", "accounts", "email").concurrently();
        }

        @Override
        public void downgrade(Operations op) {
            op.dropIndex("accounts_email_idx").concurrently();
        }
    }

    @Revision(id = "rt0003", revises = "rt0001", message = "batch update in a transaction")
    static final class TransactionalBatch implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE must_not_exist (id int)");
            op.batchUpdate("accounts", "status = 'x'", "status IS NULL");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE must_not_exist");
        }
    }

    @Test
    void listenersHearEveryCommittedBatchOfTheRevision(TestDatabase db) {
        List<String> batches = new CopyOnWriteArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void batchProgress(String revision, dev.migrator.operation.BatchProgress progress) {
                batches.add(revision + " " + progress.table() + " batch " + progress.batch() + " rows " + progress.rowsUpdated());
            }
        };
        Migrator migrator = Migrator.configure().dataSource(db.dataSource()).locations(new RevisionFiles(dir).location())
                .migrations(new CreateAccounts(), new BackfillAndIndex()).listeners(listener).load();

        migrator.upgrade("heads");

        // 2500 rows in batches of 400: seven batches, the last one short
        assertThat(batches).hasSize(7).first().isEqualTo("rt0002 accounts batch 1 rows 400");
        assertThat(batches).last().isEqualTo("rt0002 accounts batch 7 rows 2500");
    }

    @Test
    void aConcurrentIndexBuildThatHitsLockTimeoutIsRetriedWithTheRestOfItsRevision(TestDatabase db) throws Exception {
        List<Integer> retries = new CopyOnWriteArrayList<>();
        CountDownLatch firstRetry = new CountDownLatch(1);
        MigrationListener listener = new MigrationListener() {
            @Override
            public void lockRetry(String revision, int attempt) {
                retries.add(attempt);
                firstRetry.countDown();
            }
        };
        Migrator migrator = Migrator.configure().dataSource(db.dataSource()).locations(new RevisionFiles(dir).location())
                .migrations(new CreateAccounts(), new BackfillAndIndex()).lockTimeout(Duration.ofMillis(200))
                .lockRetries(30).listeners(listener).load();
        migrator.upgrade("rt0001");

        try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            // Conflicts with CREATE INDEX CONCURRENTLY's lock, not with the batch update's row updates.
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE accounts IN SHARE UPDATE EXCLUSIVE MODE");
            CompletableFuture<MigrationResult> run = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
            assertThat(firstRetry.await(30, TimeUnit.SECONDS)).as("the build hit lock_timeout and was retried").isTrue();
            assertThat(run).isNotDone();
            holder.commit();

            MigrationResult result = run.get(60, TimeUnit.SECONDS);
            assertThat(result.steps()).extracting(StepResult::revision).containsExactly("rt0002");
            assertThat(result.steps().get(0).attempts()).isGreaterThan(1);
            assertThat(retries).startsWith(2);
        }
        assertThat(db.count("SELECT count(*) FROM accounts WHERE status = 'active'")).isEqualTo(2500);
        assertThat(db.count("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE c.relname = 'accounts_email_idx' AND i.indisvalid")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isZero();
        assertThat(migrator.current()).containsExactly("rt0002");
    }

    @Test
    void aRuntimeOperationStillWaitingAfterTheLastRetryFailsTheRevisionNamingTheLock(TestDatabase db) throws Exception {
        Migrator migrator = Migrator.configure().dataSource(db.dataSource()).locations(new RevisionFiles(dir).location())
                .migrations(new CreateAccounts(), new BackfillAndIndex()).lockTimeout(Duration.ofMillis(100))
                .lockRetries(1).load();
        migrator.upgrade("rt0001");

        try (Connection holder = db.connect(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE accounts IN SHARE UPDATE EXCLUSIVE MODE");
            assertThatThrownBy(() -> migrator.upgrade("heads"))
                    .isInstanceOf(MigratorException.class)
                    .hasMessageContaining("rt0002")
                    .hasMessageContaining("55P03")
                    .hasMessageContaining("in each of 2 attempts");
            holder.rollback();
        }
        assertThat(migrator.current()).containsExactly("rt0001");
        assertThat(db.count("SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isZero();
    }

    @Test
    void aNonTransactionalJavaRevisionRunsBatchUpdatesAndConcurrentIndexesAndIsRecorded(TestDatabase db) {
        Migrator migrator = Migrator.configure().dataSource(db.dataSource()).locations(new RevisionFiles(dir).location())
                .migrations(new CreateAccounts(), new BackfillAndIndex()).load();

        MigrationResult result = migrator.upgrade("heads");

        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("rt0001", "rt0002");
        assertThat(db.count("SELECT count(*) FROM accounts WHERE status = 'active'")).isEqualTo(2500);
        assertThat(db.count("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE c.relname = 'accounts_email_idx' AND i.indisvalid")).isEqualTo(1);
        assertThat(migrator.current()).containsExactly("rt0002");

        migrator.downgrade("rt0001");
        assertThat(db.queryValue("SELECT to_regclass('accounts_email_idx')")).isNull();
        assertThat(migrator.current()).containsExactly("rt0001");
    }

    @Test
    void aTransactionalJavaRevisionWithABatchUpdateIsRefusedBeforeAnythingOfItRuns(TestDatabase db) {
        Migrator migrator = Migrator.configure().dataSource(db.dataSource()).locations(new RevisionFiles(dir).location())
                .migrations(new CreateAccounts(), new TransactionalBatch()).load();

        assertThatThrownBy(() -> migrator.upgrade("heads"))
                .isInstanceOf(MigratorException.class)
                .hasMessageContaining("rt0003")
                .hasMessageContaining("batchUpdate")
                .hasMessageContaining("transactional = false");
        assertThat(db.tableExists("must_not_exist")).isFalse();
        assertThat(migrator.current()).containsExactly("rt0001");
    }
}
