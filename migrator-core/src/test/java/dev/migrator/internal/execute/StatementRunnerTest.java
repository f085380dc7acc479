package dev.migrator.internal.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
class StatementRunnerTest {

    private static ExecutableStatement user(String sql, int line) {
        return new ExecutableStatement(sql, List.of(), "filesystem:/m/r.sql", line, -1);
    }

    @Test
    void aFailureInsideABatchNamesTheStatementThatFailed(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> StatementRunner.run(c, List.of(
                    user("CREATE TABLE a (id int)", 3),
                    user("CREATE TABLE b (id int)", 4),
                    user("ALTER TABLE missing ADD COLUMN x int", 5),
                    user("CREATE TABLE c (id int)", 6))))
                    .isInstanceOfSatisfying(StatementRunner.StatementFailure.class, f -> {
                        assertThat(f.statement().line()).isEqualTo(5);
                        assertThat(f.sqlException().getSQLState()).isEqualTo("42P01");
                        assertThat(f.getMessage()).contains("missing");
                    });
        }
    }

    @Test
    void aStatementTheDriverRefusesInABatchIsNamedNotTheBookkeepingBeforeIt(TestDatabase db) throws Exception {
        // One statement for PostgreSQL (the E'' string continues on the next line, escapes included); the driver
        // reads two and refuses it in addBatch, before anything is sent.
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> StatementRunner.run(c, List.of(
                    ExecutableStatement.engine("SET LOCAL lock_timeout = '5000ms'"),
                    user("CREATE TABLE notes (body text)", 3),
                    user("UPDATE notes SET body = E'a'\n  'b\\'; x'", 4),
                    ExecutableStatement.engine("CREATE TABLE bookkeeping (id int)"))))
                    .isInstanceOfSatisfying(StatementRunner.StatementFailure.class, f -> {
                        assertThat(f.statement().line()).isEqualTo(4);
                        assertThat(f.statement().where()).isEqualTo("filesystem:/m/r.sql:4");
                        assertThat(f.getMessage()).contains("the JDBC driver reads this statement as several");
                    });
            c.rollback();
        }
    }

    @Test
    void statementsReturningRowsRunBetweenBatches(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            StatementRunner.run(c, List.of(
                    user("CREATE TABLE a (id int)", 1),
                    user("INSERT INTO a VALUES (1)", 2),
                    user("SELECT pg_sleep(0)", 3),
                    user("INSERT INTO a VALUES (2) RETURNING id", 4),
                    user("-- comment first\nINSERT INTO a VALUES (3)", 5),
                    new ExecutableStatement("INSERT INTO a VALUES (?)", List.of(4), "java:X", 0, -1)));
        }
        assertThat(db.count("SELECT sum(id) FROM a")).isEqualTo(10);
    }

    @Test
    void aBookkeepingWriteTouchingTheWrongNumberOfRowsIsReported(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE v (revision text)");
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> StatementRunner.run(c, List.of(
                    ExecutableStatement.engine("CREATE TABLE x (id int)"),
                    ExecutableStatement.engine("UPDATE v SET revision = 'b' WHERE revision = 'a'", 1))))
                    .isInstanceOfSatisfying(StatementRunner.RowCountMismatch.class, m -> assertThat(m.actual()).isZero());
        }
    }

    @Test
    void theFirstKeywordSkipsCommentsAndParentheses() {
        assertThat(StatementRunner.firstKeyword("-- x\n/* y */ (select 1)")).isEqualTo("SELECT");
        assertThat(StatementRunner.batchable(user("create index i on t (a)", 1))).isTrue();
        assertThat(StatementRunner.batchable(user("WITH x AS (SELECT 1) SELECT * FROM x", 1))).isFalse();
    }
}
