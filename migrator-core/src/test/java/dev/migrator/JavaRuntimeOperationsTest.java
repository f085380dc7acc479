package dev.migrator;

import static dev.migrator.operation.Column.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.operation.Operations;
import dev.migrator.operation.Type;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
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
