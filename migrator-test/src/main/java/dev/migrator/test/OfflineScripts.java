package dev.migrator.test;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.source.SqlScript;
import dev.migrator.internal.source.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Runs an offline script ({@code Migrator.upgradeSql}) through JDBC the way {@code psql -v ON_ERROR_STOP=1 -f}
 * runs it: statement by statement on one session in autocommit, its own {@code BEGIN}/{@code COMMIT}
 * making the transactions. Also picks one non-transactional revision's statements out of its script.
 */
final class OfflineScripts {

    /** The comment the offline writer puts before each revision: {@code -- upgrade <id>: <message> (<source>)}. */
    private static final Pattern REVISION_HEADER = Pattern.compile("^-- (?:upgrade|downgrade) ([A-Za-z0-9_]+): ");

    private OfflineScripts() {}

    /** Runs {@code statements} in order, each committing on its own unless the script opened a transaction. */
    static void run(DataSource dataSource, String script, List<SqlStatement> statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement next = statements.get(i);
                try {
                    statement.execute(next.sql());
                } catch (SQLException e) {
                    throw new ScriptFailure(i + 1, next, revisionAt(script, next.line()), e);
                }
            }
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.CONNECTION_FAILED, "Could not connect to the test database: " + e.getMessage(), e);
        }
    }

    static List<SqlStatement> split(String source, String script) {
        return SqlScript.statements(source, script);
    }

    /**
     * The statements of the one non-transactional revision in {@code script}: between the session
     * settings the writer puts before them ({@code SET lock_timeout}, {@code SET statement_timeout}) and
     * the {@code RESET}s after them.
     */
    static List<SqlStatement> nonTransactionalBody(String revision, String script) {
        List<SqlStatement> statements = split("offline script of " + revision, script);
        int start = -1;
        int end = -1;
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i).sql();
            if (start < 0 && sql.startsWith("SET lock_timeout") && i + 1 < statements.size()
                    && statements.get(i + 1).sql().startsWith("SET statement_timeout")) {
                start = i + 2;
            }
            if (sql.equals("RESET lock_timeout") && i + 1 < statements.size()
                    && statements.get(i + 1).sql().equals("RESET statement_timeout")) {
                end = i;
            }
        }
        if (start < 0 || end < start) {
            throw new MigratorException(ErrorCode.INTERNAL, "The offline script of non-transactional revision " + revision
                    + " does not have the shape migrator-test expects (SET lock_timeout, SET statement_timeout, the"
                    + " revision's statements, RESET lock_timeout): a Migrator version mismatch?");
        }
        return statements.subList(start, end);
    }

    /** The revisions a script runs, in its order: the ids of its {@code -- <direction> <id>:} headers. */
    static List<String> revisionsIn(String script, String direction) {
        List<String> ids = new java.util.ArrayList<>();
        for (String line : script.split("\n")) {
            Matcher header = REVISION_HEADER.matcher(line);
            if (header.find() && line.startsWith("-- " + direction + " ")) {
                ids.add(header.group(1));
            }
        }
        return ids;
    }

    /** The revision whose section holds {@code line}, or null before the first one. */
    private static String revisionAt(String script, int line) {
        String revision = null;
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < Math.min(line, lines.length); i++) {
            Matcher header = REVISION_HEADER.matcher(lines[i]);
            if (header.find()) {
                revision = header.group(1);
            }
        }
        return revision;
    }

    /** A statement of the script failed. */
    static final class ScriptFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ScriptFailure(int number, SqlStatement statement, String revision, SQLException cause) {
            super("statement " + number + " (script line " + statement.line() + (revision == null ? "" : ", revision "
                    + revision) + ") failed: " + cause.getMessage() + " [SQLSTATE " + cause.getSQLState() + "]: "
                    + abbreviate(statement.sql()), cause);
        }
    }

    static String abbreviate(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 120 ? oneLine.substring(0, 117) + "..." : oneLine;
    }
}
