package dev.migrator.internal.execute;

import static dev.migrator.operation.Column.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.internal.dialect.postgresql.PostgresDialect;
import dev.migrator.operation.Operations;
import dev.migrator.operation.Type;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
class SafePatternsTest {

    private static final int ROWS = 20_000;

    private static void run(TestDatabase db, Consumer<Operations> body) throws Exception {
        try (Connection connection = db.connect()) {
            new OperationExecutor(connection, new PostgresDialect())
                    .execute(Operations.record(body), ExecutionContext.of("safe", false));
        }
    }

    private static void users(TestDatabase db) {
        db.execute("CREATE TABLE users (id bigserial PRIMARY KEY, name text, email text, amount integer)");
        db.execute("INSERT INTO users (name, email, amount) SELECT 'user ' || g, 'u' || g || '@x', g "
                + "FROM generate_series(1, " + ROWS + ") g");
    }

    @Test
    void addColumnNotNullSafelyBackfillsValidatesAndLeavesOnlyTheNotNullColumn(TestDatabase db) throws Exception {
        users(db);
        Random random = new Random(7);
        int iterations;
        try (ConcurrentWriter writer = new ConcurrentWriter(db, 1_000_000, 100, (connection, i) -> {
            if (i % 2 == 0) {
                // an application that does not know the new column yet
                ConcurrentWriter.update(connection, "INSERT INTO users (name, email) VALUES ('late', 'late@y')");
            } else {
                ConcurrentWriter.update(connection, "UPDATE users SET name = name || '!' WHERE id = ?",
                        1 + random.nextInt(ROWS));
            }
        })) {
            writer.awaitIterations();
            run(db, op -> op.addColumnNotNullSafely("users",
                    column("email_verified", Type.BOOLEAN).notNull().defaultValue("false"), "email LIKE '%@x'")
                    .batchSize(1000));
            assertThat(writer.running()).as("the writer kept writing during the whole migration").isTrue();
            iterations = writer.stop();
        }
        assertThat(db.count("SELECT count(*) FROM users WHERE email_verified IS NULL")).isZero();
        assertThat(db.count("SELECT count(*) FROM users WHERE email_verified")).isEqualTo(ROWS);
        assertThat(db.count("SELECT count(*) FROM users WHERE NOT email_verified")).isEqualTo(
                db.count("SELECT count(*) FROM users WHERE name = 'late'")).isEqualTo((iterations + 1) / 2);
        assertThat(db.queryValue("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'users'::regclass "
                + "AND attname = 'email_verified'")).isEqualTo(true);
        assertThat(db.queryValue("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'users'::regclass"
                + " AND adnum = (SELECT attnum FROM pg_attribute WHERE attrelid = 'users'::regclass "
                + "AND attname = 'email_verified')")).isEqualTo("false");
        assertThat(db.count("SELECT count(*) FROM pg_constraint WHERE conrelid = 'users'::regclass AND contype = 'c'"))
                .isZero();
        assertThatThrownBy(() -> db.execute("INSERT INTO users (name, email_verified) VALUES ('x', NULL)"))
                .hasMessageContaining("null value in column \"email_verified\"");
    }

    @Test
    void setNotNullUsesTheValidatedCheckInsteadOfScanningTheTable(TestDatabase db) throws Exception {
        users(db);
        List<String> notices = new ArrayList<>();
        try (Connection connection = db.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET client_min_messages = debug1"); // PostgreSQL reports the skipped scan at DEBUG1
            }
            new OperationExecutor(connection, new PostgresDialect(), (op, notice) -> notices.add(notice)).execute(
                    Operations.record(op -> op.addColumnNotNullSafely("users",
                            column("verified", Type.BOOLEAN).notNull(), "false")),
                    ExecutionContext.of("safe", false));
        }
        assertThat(notices).anySatisfy(notice -> assertThat(notice)
                .contains("existing constraints on column \"users.verified\" are sufficient to prove that it does not "
                        + "contain nulls"));
    }

    @Test
    void addColumnNotNullSafelyCompletesWhenRerunAfterAFailure(TestDatabase db) throws Exception {
        users(db);
        // a first run that died after the backfill: nullable column with values, leftover NOT VALID check
        db.execute("ALTER TABLE users ADD COLUMN verified boolean");
        db.execute("UPDATE users SET verified = true WHERE id <= 500");
        db.execute("ALTER TABLE users ADD CONSTRAINT users_verified_not_null CHECK (\"verified\" IS NOT NULL) NOT VALID");

        run(db, op -> op.addColumnNotNullSafely("users", column("verified", Type.BOOLEAN).notNull(), "false"));

        assertThat(db.count("SELECT count(*) FROM users WHERE verified")).isEqualTo(500);
        assertThat(db.count("SELECT count(*) FROM users WHERE NOT verified")).isEqualTo(ROWS - 500);
        assertThat(db.queryValue("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'users'::regclass "
                + "AND attname = 'verified'")).isEqualTo(true);
        assertThat(db.count("SELECT count(*) FROM pg_constraint WHERE conrelid = 'users'::regclass AND contype = 'c'"))
                .isZero();
    }

    @Test
    void expandedRenameSyncsWritesBothWaysAndContractLeavesOnlyTheNewColumn(TestDatabase db) throws Exception {
        users(db);
        Random random = new Random(3);
        try (ConcurrentWriter writer = new ConcurrentWriter(db, 1_000_000, 100, (connection, i) -> {
            long id = 1 + random.nextInt(ROWS);
            ConcurrentWriter.update(connection, "UPDATE users SET name = 'renamed by old code " + i + "' WHERE id = ?", id);
        })) {
            writer.awaitIterations();
            run(db, op -> op.expandColumnRename("users", "name", column("full_name", Type.TEXT)).batchSize(1000));
            assertThat(writer.running()).as("the writer kept writing during the whole migration").isTrue();
            writer.stop();
        }
        assertThat(db.count("SELECT count(*) FROM users WHERE full_name IS DISTINCT FROM name")).isZero();

        // old code writes the old column, new code the new one: both see the write
        db.execute("UPDATE users SET name = 'old write' WHERE id = 1");
        db.execute("UPDATE users SET full_name = 'new write' WHERE id = 2");
        db.execute("INSERT INTO users (id, name) VALUES (100001, 'old insert')");
        db.execute("INSERT INTO users (id, full_name) VALUES (100002, 'new insert')");
        assertThat(db.queryValue("SELECT full_name FROM users WHERE id = 1")).isEqualTo("old write");
        assertThat(db.queryValue("SELECT name FROM users WHERE id = 2")).isEqualTo("new write");
        assertThat(db.queryValue("SELECT full_name FROM users WHERE id = 100001")).isEqualTo("old insert");
        assertThat(db.queryValue("SELECT name FROM users WHERE id = 100002")).isEqualTo("new insert");

        run(db, op -> op.contractColumnRename("users", "name", "full_name"));

        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' "
                + "AND column_name IN ('name', 'full_name')")).isEqualTo(1);
        assertThat(db.queryValue("SELECT full_name FROM users WHERE id = 2")).isEqualTo("new write");
        assertThat(db.count("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'users'::regclass AND NOT tgisinternal"))
                .isZero();
        assertThat(db.count("SELECT count(*) FROM pg_proc WHERE proname LIKE 'migrator_sync_%'")).isZero();
    }

    @Test
    void expandedTypeChangeConvertsBothWaysAndContractIsReversible(TestDatabase db) throws Exception {
        users(db);
        run(db, op -> op.expandColumn("users", "amount", column("amount_cents", Type.BIGINT),
                "({} * 100)::bigint", "({} / 100)::integer"));
        assertThat(db.count("SELECT count(*) FROM users WHERE amount_cents IS DISTINCT FROM amount * 100")).isZero();

        db.execute("UPDATE users SET amount = 7 WHERE id = 1");
        db.execute("UPDATE users SET amount_cents = 1200 WHERE id = 2");
        assertThat(db.queryValue("SELECT amount_cents FROM users WHERE id = 1")).isEqualTo(700L);
        assertThat(db.queryValue("SELECT amount FROM users WHERE id = 2")).isEqualTo(12);

        Consumer<Operations> contract = op -> op.contractColumn("users", "amount", "amount_cents",
                "({} * 100)::bigint", "({} / 100)::integer").oldDefinition(column("amount", Type.INTEGER));
        run(db, contract);
        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' "
                + "AND column_name = 'amount'")).isZero();

        // downgrading the contract brings the old column back, filled from the new one and kept in sync
        run(db, op -> op.reverseOf(contract));
        assertThat(db.count("SELECT count(*) FROM users WHERE amount IS DISTINCT FROM (amount_cents / 100)::integer"))
                .isZero();
        db.execute("UPDATE users SET amount_cents = 500 WHERE id = 3");
        assertThat(db.queryValue("SELECT amount FROM users WHERE id = 3")).isEqualTo(5);
    }
}
