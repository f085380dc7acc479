package dev.migrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Statements full of semicolons in strings, identifiers, dollar quotes and comments split back to themselves. */
class SqlStatementSplitterProperties {

    @Property
    void joinedStatementsSplitBackToTheSameList(@ForAll("statementLists") List<String> statements,
                                                @ForAll("separators") List<String> separators) {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < statements.size(); i++) {
            script.append(statements.get(i)).append(';');
            script.append(separators.isEmpty() ? "\n" : separators.get(i % separators.size()));
        }
        List<String> split = SqlStatementSplitter.split("p.sql", script.toString(), 0, script.length(), 1)
                .stream().map(SqlStatement::sql).toList();
        assertThat(split).isEqualTo(statements);
    }

    @Property
    void eachStatementStartsOnTheLineItIsOn(@ForAll("statementLists") List<String> statements) {
        String script = String.join(";\n", statements);
        List<Integer> expected = new ArrayList<>();
        int line = 1;
        for (String statement : statements) {
            expected.add(line);
            line += (int) statement.chars().filter(c -> c == '\n').count() + 1;
        }
        assertThat(SqlStatementSplitter.split("p.sql", script, 0, script.length(), 1))
                .extracting(SqlStatement::line).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void theFastPathSplitsAsTheGeneralScanner(@ForAll("scripts") String script) {
        assertThat(outcome(() -> SqlStatementSplitter.split("p.sql", script, 0, script.length(), 1)))
                .isEqualTo(outcome(() -> SqlStatementSplitter.splitWithoutFastPath("p.sql", script, 0, script.length(), 1)));
    }

    /** The statements, or the problem reported. */
    private static Object outcome(java.util.function.Supplier<List<SqlStatement>> split) {
        try {
            return split.get();
        } catch (RevisionLoadException e) {
            return e.getMessage();
        }
    }

    @Provide
    Arbitrary<String> scripts() {
        // Tokens where the fast path's decisions lie: parentheses, semicolons, routine starts, quotes, comments.
        Arbitrary<String> token = Arbitraries.of("CREATE", "create", "OR", "REPLACE", "FUNCTION", "procedure", "TABLE",
                "BEGIN", "ATOMIC", "END", "CASE", "AS", "t", "t.end", "(", ")", ";", ";", "\n", " ", "\t", "'x;'", "E'\\''",
                "--c;\n", "/*c;*/", "$$x;$$", "a$$", "e", "€", "1 - 2", "a/b", "\"q;\"");
        return token.list().ofMaxSize(40).map(tokens -> String.join(" ", tokens));
    }

    @Property
    void aSqlStandardRoutineBodyIsOneStatement(@ForAll("routineBodies") List<String> body) {
        String routine = "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  "
                + String.join(";\n  ", body) + ";\nEND";
        String script = routine + ";\nSELECT 2;\n";
        assertThat(SqlStatementSplitter.split("p.sql", script, 0, script.length(), 1))
                .extracting(SqlStatement::sql).containsExactly(routine, "SELECT 2");
    }

    @Provide
    Arbitrary<List<String>> routineBodies() {
        // Statements of a BEGIN ATOMIC body: CASE ... END blocks, and end/case/begin as labels and column names.
        return Arbitraries.of("SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END", "SELECT 1 AS end", "SELECT 2 AS \"end\"",
                "SELECT t.end, t.case FROM t", "SELECT (CASE a WHEN 1 THEN 'x;' END)", "SELECT begin FROM t",
                "INSERT INTO t VALUES (1, 'end;')", "SELECT CASE WHEN a THEN CASE WHEN a THEN 1 END END AS case",
                "SELECT $$;END;$$", "UPDATE t SET v = 1 WHERE t . end > 0").list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<String>> statementLists() {
        return statement().list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<String>> separators() {
        return Arbitraries.of("\n", " ", "", "\n\n", " -- a comment; with a semicolon\n", "/* c; /* nested; */ */",
                "\n;\n").list().ofMaxSize(4);
    }

    private static Arbitrary<String> statement() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                words(),
                text().map(t -> "'" + t.replace("'", "''") + "'"),
                text().map(t -> "E'" + t.replace("\\", "\\\\").replace("'", "\\'") + "'"),
                text().map(t -> "\"" + t.replace("\"", "\"\"") + "\""),
                text().filter(t -> !t.contains("$$")).map(t -> "$$" + t + "$$"),
                text().filter(t -> !t.contains("$fn$")).map(t -> "$fn$" + t + "$fn$"),
                // A word after the line break: a quote there would continue a string before the comment.
                text().filter(t -> !t.contains("\n")).map(t -> "-- " + t + "\nx"),
                text().filter(t -> !t.contains("/*") && !t.contains("*/")).map(t -> "/* " + t + " /* " + t + " */ */"),
                // An E'' string continued on the next line: backslash escapes in both parts (PostgreSQL's quotecontinue).
                Combinators.combine(text(), text()).as((a, b) -> "E'" + escaped(a) + "'\n  '" + escaped(b) + "'"),
                // Semicolons inside parentheses (psql's rule; CREATE RULE ... DO ALSO (...; ...)).
                Combinators.combine(words(), words(), words()).as((a, b, c) -> "(" + a + "; " + b + " (" + c + ";))"),
                // Characters from U+0080 up are identifier characters, also in dollar-quote tags.
                text().filter(t -> !t.contains("$€$")).map(t -> "$€$" + t + "$€$"),
                Arbitraries.of("$1", "a$b", "x = $2", "col$", "1 - 2", "a/b", "*", "::int", "amount€$$", "naïve$x",
                        "t.end", "AS end"));
        // A statement starts and ends with a word so that leading and trailing comments are not in play.
        return Combinators.combine(words(), piece.list().ofMaxSize(6), words())
                .as((first, middle, last) -> first + " " + String.join(" ", middle) + " " + last);
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }

    private static Arbitrary<String> words() {
        return Arbitraries.of("SELECT", "INSERT INTO t VALUES", "CREATE TABLE x", "DO", "UPDATE t SET a = 1", "foo", "e");
    }

    /** Text rich in the characters that matter to the splitter. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings().withChars(";'\"$-/*\\\nEe ab1()€").ofMaxLength(20);
    }
}
