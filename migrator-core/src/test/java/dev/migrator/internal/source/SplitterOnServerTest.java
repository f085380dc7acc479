package dev.migrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.core.Parser;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The splitter against the real server: each statement it returns runs alone on PostgreSQL as exactly one
 * statement. The driver reads it as one statement (its own parser, asked directly), so it sends it in one
 * Parse message of the extended protocol, where the server refuses a string that holds several commands
 * ("cannot insert multiple commands into a prepared statement"): running without error means the server read
 * it as one statement too, as the splitter did.
 */
@ExtendWith(FreshDatabase.class)
class SplitterOnServerTest {

    @Test
    void everyStatementOfARegressionStyleScriptIsExactlyOneStatementForTheServer(TestDatabase db) throws Exception {
        String script = SourceText.decode("regression-style.sql", resource("splitter/regression-style.sql"));
        List<SqlStatement> statements = SqlStatementSplitter.split("regression-style.sql", script, 0, script.length(), 1);

        assertThat(statements).hasSize(26);
        try (Connection connection = db.connect()) {
            for (SqlStatement statement : statements) {
                runAlone(connection, statement.sql(), "the statement on line " + statement.line());
            }
            // What the statements did, as the splitter's boundaries mean it.
            assertThat(query(connection, "SELECT string_agg(sysname || '/' || pname, ',' ORDER BY pname) FROM rtest_admin"))
                    .isEqualTo("one/proc;1");
            assertThat(query(connection, "SELECT sysname FROM rtest_interface")).isEqualTo("pluto");
            assertThat(query(connection, "SELECT string_agg(start || ':' || \"end\" || ':' || kind, ',') FROM functest_s_2(5)"))
                    .isEqualTo("2:1:x");
        }
    }

    @Test
    void theIssuesFourCasesMeanWhatTheSplitterSaysOnTheServer(TestDatabase db) throws Exception {
        String script = "CREATE TABLE a (id int); CREATE TABLE b (id int); CREATE TABLE t (id int);\n"
                + "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2););\n"
                + "CREATE FUNCTION f() RETURNS TABLE (s int, e int) LANGUAGE sql BEGIN ATOMIC SELECT 1 AS start, 2 AS end; END;\n"
                + "SELECT $€$a; b$€$;\n"
                + "CREATE TABLE amount€$$ (v int); INSERT INTO amount€$$ VALUES (1\n);\n"
                + "INSERT INTO t VALUES (1);\n";
        List<SqlStatement> statements = SqlStatementSplitter.split("cases.sql", script, 0, script.length(), 1);

        assertThat(statements).hasSize(9);
        try (Connection connection = db.connect()) {
            for (SqlStatement statement : statements) {
                runAlone(connection, statement.sql(), statement.sql());
            }
            assertThat(query(connection, "SELECT (SELECT count(*) FROM a) || ',' || (SELECT count(*) FROM b)")).isEqualTo("1,1");
            assertThat(query(connection, "SELECT s || ',' || e FROM f()")).isEqualTo("1,2");
            assertThat(query(connection, "SELECT count(*) FROM amount€$$")).isEqualTo("1");
        }
    }

    @Test
    void anEscapeStringContinuedOnTheNextLineIsOneLiteralForTheServer(TestDatabase db) throws Exception {
        // The JDBC driver does not know this continuation rule (it would cut the statement at the first ';'),
        // so the statement goes to the server as a parameter of EXECUTE, which the driver does not read.
        String script = "SELECT E'a'\n'b\\'; SELECT 2; --';\nSELECT 3;";
        List<SqlStatement> statements = SqlStatementSplitter.split("continued.sql", script, 0, script.length(), 1);

        assertThat(statements).extracting(SqlStatement::sql).containsExactly("SELECT E'a'\n'b\\'; SELECT 2; --'", "SELECT 3");
        try (Connection connection = db.connect(); Statement s = connection.createStatement()) {
            s.execute("CREATE FUNCTION pg_temp.value_of(query text) RETURNS text LANGUAGE plpgsql AS "
                    + "$$ DECLARE result text; BEGIN EXECUTE query INTO STRICT result; RETURN result; END $$");
            try (var value = connection.prepareStatement("SELECT pg_temp.value_of(?)")) {
                value.setString(1, statements.get(0).sql());
                try (ResultSet rs = value.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("ab'; SELECT 2; --");
                }
            }
        }
    }

    /** Runs {@code sql} as one statement: the driver reads it as one, and the server runs it as one without error. */
    private static void runAlone(Connection connection, String sql, String what) throws Exception {
        assertThat(Parser.parseJdbcSql(sql, true, false, true, false, false)).as("the driver's statements in %s", what)
                .hasSize(1);
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false); // as Migrator sends statements: SQL as written, no JDBC escapes
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(what + " failed on the server: " + e.getMessage(), e);
        }
    }

    private static String query(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SplitterOnServerTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
