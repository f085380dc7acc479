package dev.migrator.internal.execute;

import static dev.migrator.operation.Column.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.postgresql.PostgresDialect;
import dev.migrator.operation.Operation;
import dev.migrator.operation.Operations;
import dev.migrator.operation.Type;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
class OperationExecutorTest {

    /** A revision using every plain operation, with reserved and mixed-case names, run for real. */
    private static void schema(Operations op) {
        op.execute("CREATE SCHEMA app");
        op.createTable("app.user", column("id", Type.BIGSERIAL).primaryKey(), column("Email", Type.TEXT).notNull().unique());
        op.createTable("order",
                column("id", Type.BIGSERIAL).primaryKey(),
                column("user", Type.BIGINT).references("app.user", "id").onDelete("CASCADE"),
                column("total", Type.numeric(10, 2)).notNull().defaultValue("0").check("total >= 0"));
        op.addColumn("order", column("note", Type.varchar(100)));
        op.alterColumn("order", "note").type(Type.TEXT).fromType(Type.varchar(100)).setDefault("''").fromNoDefault()
                .renameTo("Comment");
        op.createIndex("ix_order_user", "order", "user").where("total > 0");
        op.createIndex("ux_user_email", "app.user", "lower(\"Email\")").unique();
        op.addCheck("order_total_small", "order", "total < 1000000").notValid();
        op.validateConstraint("order", "order_total_small");
        op.createEnum("mood", "happy", "sad");
        op.addColumn("order", column("mood", Type.of("mood")));
        op.commentOnColumn("order", "Comment", "free text").from(null);
        op.renameTable("order", "purchase");
    }

    @Test
    void everyPlainOperationRunsAndItsDerivedReverseUndoesIt(TestDatabase db) throws Exception {
        List<Operation> upgrade = Operations.record(OperationExecutorTest::schema);
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            OperationExecutor executor = new OperationExecutor(connection, new PostgresDialect());
            executor.execute(upgrade, ExecutionContext.of("r1", true));
            connection.commit();

            db.execute("INSERT INTO app.\"user\" (\"Email\") VALUES ('a@x')");
            db.execute("INSERT INTO purchase (\"user\", total, mood) VALUES (1, 5, 'happy')");
            assertThat(db.queryValue("SELECT \"Comment\" FROM purchase")).isEqualTo("");
            assertThat(db.queryValue("SELECT col_description(attrelid, attnum) FROM pg_attribute "
                    + "WHERE attrelid = 'purchase'::regclass AND attname = 'Comment'")).isEqualTo("free text");
            assertThatThrownBy(() -> db.execute("INSERT INTO app.\"user\" (\"Email\") VALUES ('A@X')"))
                    .hasMessageContaining("ux_user_email");

            // everything but the first (raw SQL) operation is reversible
            List<Operation> downgrade = Operations.record(op -> op.reverseOf(
                    change -> upgrade.subList(1, upgrade.size()).forEach(change::add)));
            executor.execute(downgrade, ExecutionContext.of("r1", true));
            connection.commit();
        }
        assertThat(db.count("SELECT count(*) FROM pg_tables WHERE schemaname IN ('public', 'app')")).isZero();
        assertThat(db.count("SELECT count(*) FROM pg_type WHERE typname = 'mood'")).isZero();
    }

    @Test
    void quotedIdentifiersReachTheDatabaseExactlyAsWritten(TestDatabase db) throws Exception {
        List<String> names = List.of("user", "order", "MixedCase", "with space", "say \"hi\"", "1st", "ça", "a.b");
        run(db, true, op -> {
            for (int i = 0; i < names.size(); i++) {
                // "a.b" would be read as schema.table, so tables are named t0…; the names are columns
                op.createTable("t" + i, column(names.get(i), Type.TEXT));
            }
        });
        for (int i = 0; i < names.size(); i++) {
            assertThat(db.queryValue("SELECT attname FROM pg_attribute WHERE attrelid = 't" + i
                    + "'::regclass AND attnum = 1")).isEqualTo(names.get(i));
        }
    }

    @Test
    void executeBindsParameters(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE t (id int, name text)");
        run(db, true, op -> op.execute("INSERT INTO t VALUES (?, ?)", 1, "it's"));
        assertThat(db.queryValue("SELECT name FROM t WHERE id = 1")).isEqualTo("it's");
    }

    @Test
    void aFailingOperationIsNamedInTheError(TestDatabase db) {
        assertThatThrownBy(() -> run(db, true, op -> op.addColumn("missing", column("a", Type.TEXT))))
                .isInstanceOf(MigratorException.class)
                .hasMessageContaining("addColumn(missing.a) failed")
                .hasMessageContaining("SQLSTATE 42P01");
    }

    @Test
    void autocommitBlockCommitsTheWorkBeforeItAndLeavesTheTransactionOpenAfter(TestDatabase db) throws Exception {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            new OperationExecutor(connection, new PostgresDialect()).execute(Operations.record(op -> {
                op.createTable("before_block", column("id", Type.INTEGER));
                op.autocommitBlock(block -> block.createTable("in_block", column("id", Type.INTEGER)));
                op.createTable("after_block", column("id", Type.INTEGER));
            }), ExecutionContext.of("r1", true));
            assertThat(connection.getAutoCommit()).isFalse();
            try (var statement = connection.createStatement(); var rs = statement.executeQuery("SHOW lock_timeout")) {
                rs.next();
                assertThat(rs.getString(1)).as("the new transaction has the revision's lock timeout").isEqualTo("5s");
            }
            connection.rollback();
        }
        assertThat(db.tableExists("before_block")).isTrue();
        assertThat(db.tableExists("in_block")).isTrue();
        assertThat(db.tableExists("after_block")).isFalse();
    }

    static void run(TestDatabase db, boolean transactional, Consumer<Operations> body) throws Exception {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(!transactional);
            new OperationExecutor(connection, new PostgresDialect())
                    .execute(Operations.record(body), ExecutionContext.of("test_revision", transactional));
            if (transactional) {
                connection.commit();
            }
        }
    }
}
