package dev.migrator.internal.source;

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

    // ---- the four lexical classes where the splitter used to disagree with PostgreSQL (issue 10, item 4)

    @Test
    void semicolonsInsideTheParenthesesOfAMultiActionRuleDoNotEndIt() {
        String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))";
        String trailing = "CREATE RULE r2 AS ON UPDATE TO t DO INSTEAD (\n  UPDATE a SET v = 1;\n  DELETE FROM b;\n)";
        assertThat(sqlOf(rule + ";\n" + trailing + ";\nSELECT 3;"))
                .containsExactly(rule, trailing, "SELECT 3");
    }

    @Test
    void endAndCaseAsColumnLabelsOrQualifiedNamesDoNotCloseOrOpenARoutineBody() {
        String function = "CREATE FUNCTION f() RETURNS TABLE (s int, e int) LANGUAGE sql BEGIN ATOMIC SELECT 1 AS start, "
                + "2 AS end; END";
        String qualified = "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC\n  UPDATE t SET v = t.end + t.case;\n"
                + "  SELECT CASE WHEN true THEN 1 END AS case FROM t AS x WHERE x . end > 0;\nEND";
        assertThat(sqlOf(function + ";\n" + qualified + ";\nSELECT 1 AS end;"))
                .containsExactly(function, qualified, "SELECT 1 AS end");
    }

    @Test
    void anEscapeStringContinuedOnTheNextLineKeepsItsBackslashEscapes() {
        // E'a' newline 'b\'; SELECT 2; --' is one literal: a'; SELECT 2; --b... (the \' does not close it).
        String continued = "SELECT E'a'\n'b\\'; SELECT 2; --'";
        assertThat(sqlOf(continued + ";\nSELECT 3;")).containsExactly(continued, "SELECT 3");
        // Comments and blank lines may come between the parts; a line break is what makes a continuation.
        String withComment = "SELECT E'a' -- first part\n\n  -- and a comment line\n  'b\\';'";
        assertThat(sqlOf(withComment + ";SELECT 4")).containsExactly(withComment, "SELECT 4");
        assertThat(sqlOf("SELECT E'a' 'b\\';SELECT 5")).containsExactly("SELECT E'a' 'b\\'", "SELECT 5");
    }

    @Test
    void everyCharacterFromU0080UpIsAnIdentifierCharacter() {
        assertThat(sqlOf("SELECT $€$a; b$€$;SELECT 2")).containsExactly("SELECT $€$a; b$€$", "SELECT 2");
        assertThat(sqlOf("CREATE TABLE amount€$$ (v int); INSERT INTO amount€$$ VALUES (1\n);"))
                .containsExactly("CREATE TABLE amount€$$ (v int)", "INSERT INTO amount€$$ VALUES (1\n)");
        assertThat(sqlOf("SELECT naïve$$ FROM t;SELECT $ü1$;$ü1$")).containsExactly("SELECT naïve$$ FROM t", "SELECT $ü1$;$ü1$");
        // E after a non-ASCII letter is part of the identifier, not an escape-string prefix.
        assertThat(sqlOf("SELECT éE'x\\';SELECT 2")).containsExactly("SELECT éE'x\\'", "SELECT 2");
    }

    @Test
    void anUnclosedParenthesisIsAnErrorNamingWhereItOpened() {
        assertThatThrownBy(() -> split("SELECT 1;\nINSERT INTO t VALUES (1,\n  (2;\nSELECT 3;"))
                .isInstanceOf(RevisionLoadException.class)
                .hasMessageStartingWith("classpath:db/migrations/x.sql:2: unclosed parenthesis (opened on line 2)");
    }

    @Test
    void aRoutineBodyWithoutItsEndIsAnError() {
        assertThatThrownBy(() -> split("CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n"))
                .isInstanceOf(RevisionLoadException.class)
                .hasMessageStartingWith("classpath:db/migrations/x.sql:1: BEGIN ATOMIC body without its END (opened on line 2)");
    }

    // ---- in the style of PostgreSQL's regression scripts

    @Test
    void regressionStyleRulesFunctionsAndLiterals() {
        String script = """
                -- rules.sql style
                CREATE RULE rtest_sys_del AS ON DELETE TO rtest_system DO (
                    DELETE FROM rtest_interface WHERE sysname = old.sysname;
                    DELETE FROM rtest_admin WHERE sysname = old.sysname;
                    );
                /* create_function_sql.sql style: a body with CASE, a nested comment /* ; */ and strings */
                CREATE FUNCTION functest_s_3() RETURNS boolean LANGUAGE sql
                BEGIN ATOMIC
                    SELECT 'a;' = $q$;$q$;
                    SELECT CASE WHEN 1 > 0 THEN false ELSE true END;
                END;
                SELECT U&'d\\0061t\\+000061;' AS unicode, B'1001', X'1F', e'\\\\;' AS backslash;
                COMMENT ON TABLE "we;ird""name" IS 'it''s; here';
                SELECT 1 /* a /* nested */ comment; */ + 2 -- trailing; comment
                ;
                """;
        assertThat(split(script)).extracting(SqlStatement::line).containsExactly(2, 7, 12, 13, 14);
        assertThat(sqlOf(script)).hasSize(5).last().isEqualTo("SELECT 1 /* a /* nested */ comment; */ + 2");
    }
}
