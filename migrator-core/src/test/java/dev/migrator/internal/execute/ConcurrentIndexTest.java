package dev.migrator.internal.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.MigratorException;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
class ConcurrentIndexTest {

    private static final String INVALID_INDEXES =
            "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE NOT i.indisvalid";

    @Test
    void concurrentIndexRunsOutsideTheRevisionsTransactionWhileTheApplicationWrites(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE users (id bigserial PRIMARY KEY, email text)");
        db.execute("INSERT INTO users (email) SELECT 'u' || g || '@x' FROM generate_series(1, 20000) g");
        try (ConcurrentWriter writer = new ConcurrentWriter(db, 1_000_000, 50, (connection, i) ->
                ConcurrentWriter.update(connection, "INSERT INTO users (email) VALUES ('w' || ? || '@x')", i))) {
            writer.awaitIterations();
            // a transactional revision: the executor leaves the transaction for the concurrent build
            OperationExecutorTest.run(db, true, op -> {
                op.execute("CREATE TABLE audit (id int)");
                op.createIndex("ix_users_email", "users", "email").concurrently();
                op.execute("INSERT INTO audit VALUES (1)");
            });
            assertThat(writer.running()).as("writes went on during the build").isTrue();
            writer.stop();
        }
        assertThat(db.count("SELECT count(*) FROM pg_index WHERE indexrelid = 'ix_users_email'::regclass AND indisvalid"))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit")).isEqualTo(1);
        // the index is complete: read through it alone, it finds every row written during the build
        long written = db.count("SELECT count(*) FROM users WHERE email LIKE 'w%'");
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET enable_seqscan = off");
            statement.execute("SET enable_bitmapscan = off");
            try (ResultSet plan = statement.executeQuery(
                    "EXPLAIN SELECT count(*) FROM users WHERE email >= 'w' AND email < 'x'")) {
                StringBuilder text = new StringBuilder();
                while (plan.next()) {
                    text.append(plan.getString(1));
                }
                assertThat(text).contains("ix_users_email");
            }
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM users WHERE email >= 'w' AND email < 'x'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(written).isGreaterThanOrEqualTo(50);
            }
        }
    }

    @Test
    void failedUniqueBuildLeavesNoInvalidIndexNamesTheCauseAndARerunSucceeds(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text)");
        db.execute("INSERT INTO users SELECT g, 'u' || g || '@x' FROM generate_series(1, 20000) g");
        db.execute("INSERT INTO users VALUES (20001, 'u7@x')");

        assertThatThrownBy(() -> OperationExecutorTest.run(db, false,
                op -> op.createIndex("ux_users_email", "users", "email").unique().concurrently()))
                .isInstanceOf(MigratorException.class)
                .hasMessageContaining("createIndex(ux_users_email on users) CONCURRENTLY failed")
                .hasMessageContaining("(email)=(u7@x) is duplicated")
                .hasMessageContaining("The INVALID index ux_users_email the failed build left")
                .hasMessageContaining("was dropped");
        assertThat(db.count(INVALID_INDEXES)).isZero();
        assertThat(db.queryValue("SELECT to_regclass('ux_users_email')")).isNull();

        db.execute("DELETE FROM users WHERE id = 20001");
        OperationExecutorTest.run(db, false, op -> op.createIndex("ux_users_email", "users", "email").unique().concurrently());
        assertThat(db.count("SELECT count(*) FROM pg_index WHERE indexrelid = 'ux_users_email'::regclass AND indisvalid"))
                .isEqualTo(1);
    }

    @Test
    void anInvalidLeftoverOfAKilledRunIsRebuiltNotTakenForSuccess(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text)");
        db.execute("INSERT INTO users SELECT g, 'u' || (g % 100) FROM generate_series(1, 1000) g");
        // what a failed or killed build leaves behind: an INVALID index of that name
        assertThatThrownBy(() -> db.execute("CREATE UNIQUE INDEX CONCURRENTLY ux_users_email ON users (email)"));
        assertThat(db.count(INVALID_INDEXES)).isEqualTo(1);
        db.execute("UPDATE users SET email = 'u' || id");

        // non-transactional rendering adds IF NOT EXISTS, which alone would report success over the leftover
        OperationExecutorTest.run(db, false, op -> op.createIndex("ux_users_email", "users", "email").unique().concurrently());
        assertThat(db.count(INVALID_INDEXES)).isZero();
        assertThat(db.count("SELECT count(*) FROM pg_index WHERE indexrelid = 'ux_users_email'::regclass AND indisvalid"))
                .isEqualTo(1);
    }
}
