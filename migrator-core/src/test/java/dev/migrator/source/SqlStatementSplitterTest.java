package dev.migrator.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementSplitterTest {

    private static List<SqlStatement> split(String text) {
        return SqlStatementSplitter.split("classpath:db/migrations/x.sql", text, 0, text.length(), 1);
    }

    private static List<String> sqlOf(String text) {
        return split(text).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void splitsOnSemicolonsAndKeepsTheLineOfEachStatement() {
        List<SqlStatement> statements = split("CREATE TABLE a (id int);\n\nINSERT INTO a VALUES (1);\n  SELECT 1");
        assertThat(statements).containsExactly(
                new SqlStatement("CREATE TABLE a (id int)", 1),
                new SqlStatement("INSERT INTO a VALUES (1)", 3),
                new SqlStatement("SELECT 1", 4));
    }

    @Test
    void lineNumbersStartAtTheGivenLine() {
        String text = "-- migrate:upgrade\nSELECT 1;\nSELECT\n 2;";
        assertThat(SqlStatementSplitter.split("f.sql", text, text.indexOf('\n') + 1, text.length(), 2))
                .extracting(SqlStatement::line).containsExactly(2, 3);
    }

    @Test
    void semicolonInsideSingleQuotesWithDoubledQuoteEscapes() {
        assertThat(sqlOf("INSERT INTO t VALUES ('a;b', 'it''s; fine');SELECT 2"))
                .containsExactly("INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT 2");
    }

    @Test
    void backslashEscapesOnlyInEStrings() {
        assertThat(sqlOf("SELECT E'a\\';b';SELECT 'c\\';SELECT 3"))
                .containsExactly("SELECT E'a\\';b'", "SELECT 'c\\'", "SELECT 3");
    }

    @Test
    void identifierEndingInEIsNotAnEStringPrefix() {
        // name'...' is not E'...': the backslash does not escape, so the string ends at the second quote.
        assertThat(sqlOf("SELECT some_name'x\\';SELECT 2")).containsExactly("SELECT some_name'x\\'", "SELECT 2");
    }

    @Test
    void semicolonInsideQuotedIdentifier() {
        assertThat(sqlOf("CREATE TABLE \"we;ird\"\"name\" (id int);SELECT 1"))
                .containsExactly("CREATE TABLE \"we;ird\"\"name\" (id int)", "SELECT 1");
    }

    @Test
    void dollarQuotedBodiesWithAndWithoutTag() {
        String function = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql";
        String tagged = "DO $body$ BEGIN PERFORM 1; RAISE NOTICE '$$'; END $body$";
        assertThat(sqlOf(function + ";\n" + tagged + ";")).containsExactly(function, tagged);
    }

    @Test
    void otherTagInsideDollarQuoteDoesNotCloseIt() {
        String sql = "DO $a$ BEGIN EXECUTE $b$ SELECT 1; $b$; END $a$";
        assertThat(sqlOf(sql + "; SELECT 2")).containsExactly(sql, "SELECT 2");
    }

    @Test
    void positionalParametersAndDollarsInIdentifiersAreNotDollarQuotes() {
        assertThat(sqlOf("PREPARE p AS SELECT $1, $2;SELECT a$b$c FROM t;SELECT 3"))
                .containsExactly("PREPARE p AS SELECT $1, $2", "SELECT a$b$c FROM t", "SELECT 3");
    }

    @Test
    void semicolonsInLineAndNestedBlockCommentsDoNotSplit() {
        String sql = "SELECT 1 /* outer; /* inner; */ still; comment */ + 1";
        assertThat(sqlOf("-- leading; comment\n" + sql + "; -- trailing; comment\nSELECT 2"))
                .containsExactly(sql, "SELECT 2");
    }

    @Test
    void semicolonsInsideBeginAtomicBodyOfSqlStandardRoutines() {
        String function = "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
                + "  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;\n  SELECT a;\nEND";
        String procedure = "create procedure p() begin atomic insert into t values (1); end";
        assertThat(sqlOf(function + ";\n" + procedure + ";\nBEGIN;\nSELECT 1;\nEND;"))
                .containsExactly(function, procedure, "BEGIN", "SELECT 1", "END");
    }

    @Test
    void beginInOtherStatementsOrInsideParenthesesOpensNoBlock() {
        assertThat(sqlOf("CREATE TABLE begin_log (begin int);SELECT 1"))
                .containsExactly("CREATE TABLE begin_log (begin int)", "SELECT 1");
        assertThat(sqlOf("CREATE FUNCTION g(begin int) RETURNS int LANGUAGE sql RETURN begin;SELECT 2"))
                .containsExactly("CREATE FUNCTION g(begin int) RETURNS int LANGUAGE sql RETURN begin", "SELECT 2");
    }

    @Test
    void dropsEmptyAndCommentOnlyStatements() {
        assertThat(sqlOf(";;\n -- only a comment;\n/* and a block */;\nSELECT 1;;\n-- trailing comment\n"))
                .containsExactly("SELECT 1");
    }

    @Test
    void trailingCommentIsNotPartOfTheLastStatement() {
        // so that an offline writer appending ";" does not comment out its own terminator
        assertThat(sqlOf("SELECT 1 -- no terminator")).containsExactly("SELECT 1");
    }

    @Test
    void statementLineIsTheLineOfItsFirstTokenNotOfAPrecedingComment() {
        assertThat(split("SELECT 1;\n-- about the next one\n/* more\n */\nSELECT 2;"))
                .extracting(SqlStatement::line).containsExactly(1, 5);
    }

    @Test
    void linesAreCountedThroughMultiLineStringsAndDollarQuotes() {
        assertThat(split("SELECT 'a\nb';\nDO $$\n\n$$;\nSELECT E'\\\n';\nSELECT 4;"))
                .extracting(SqlStatement::line).containsExactly(1, 3, 6, 8);
    }

    @Test
    void unterminatedSingleQuoteNamesTheStatementLine() {
        assertThatThrownBy(() -> split("SELECT 1;\n\nINSERT INTO t\nVALUES ('oops);\nSELECT 2;"))
                .isInstanceOf(RevisionLoadException.class)
                .hasMessageContaining("classpath:db/migrations/x.sql:3:")
                .hasMessageContaining("unterminated string literal")
                .hasMessageContaining("opened on line 4");
    }

    @Test
    void unterminatedDollarQuoteNamesTheTag() {
        assertThatThrownBy(() -> split("SELECT 1;\nDO $fn$ BEGIN NULL; END $f$;"))
                .isInstanceOf(RevisionLoadException.class)
                .hasMessageContaining("x.sql:2:")
                .hasMessageContaining("unterminated dollar-quoted string $fn$");
    }

    @Test
    void unterminatedQuotedIdentifier() {
        assertThatThrownBy(() -> split("SELECT \"col FROM t;"))
                .isInstanceOf(RevisionLoadException.class)
                .hasMessageContaining("x.sql:1:")
                .hasMessageContaining("unterminated quoted identifier");
    }

    @Test
    void unterminatedNestedBlockComment() {
        assertThatThrownBy(() -> split("SELECT 1;\nSELECT /* a /* b */ 2;"))
                .isInstanceOf(RevisionLoadException.class)
                .hasMessageContaining("x.sql:2:")
                .hasMessageContaining("unterminated block comment");
    }
}
