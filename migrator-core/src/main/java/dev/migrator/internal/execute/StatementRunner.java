package dev.migrator.internal.execute;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends statements with as few round trips as possible: consecutive statements that return no
 * rows go out as one JDBC batch (the driver pipelines a batch in one round trip); statements that
 * return rows or carry parameters go one by one. A failure names the statement that failed.
 */
final class StatementRunner {

    /** First key words of statements that return no result set, so may be batched. */
    private static final Set<String> BATCHABLE = Set.of("ALTER", "ANALYZE", "CLUSTER", "COMMENT", "CREATE", "DELETE",
            "DO", "DROP", "GRANT", "INSERT", "LOCK", "REFRESH", "REINDEX", "RESET", "REVOKE", "SET", "TRUNCATE",
            "UPDATE", "SECURITY");
    private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry (\\d+) ");
    private static final Pattern RETURNING = Pattern.compile("(?i)\\breturning\\b");

    private StatementRunner() {}

    /** Thrown with the statement that failed and the driver's error. */
    static final class StatementFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ExecutableStatement statement;

        StatementFailure(ExecutableStatement statement, SQLException cause) {
            super(cause.getMessage(), cause);
            this.statement = statement;
        }

        ExecutableStatement statement() {
            return statement;
        }

        SQLException sqlException() {
            return (SQLException) getCause();
        }
    }

    /** Thrown when a bookkeeping write touched another number of rows than it must. */
    static final class RowCountMismatch extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ExecutableStatement statement;
        private final int actual;

        RowCountMismatch(ExecutableStatement statement, int actual) {
            super(statement.sql() + " touched " + actual + " rows instead of " + statement.expectedRows());
            this.statement = statement;
            this.actual = actual;
        }

        ExecutableStatement statement() {
            return statement;
        }

        int actual() {
            return actual;
        }
    }

    static void run(Connection connection, List<ExecutableStatement> statements) throws StatementFailure, RowCountMismatch {
        List<ExecutableStatement> batch = new ArrayList<>();
        for (ExecutableStatement statement : statements) {
            if (batchable(statement)) {
                batch.add(statement);
            } else {
                flush(connection, batch);
                runOne(connection, statement);
            }
        }
        flush(connection, batch);
    }

    /**
     * Runs each statement in its own round trip. For autocommit work: PostgreSQL refuses
     * {@code CREATE INDEX CONCURRENTLY} inside a pipeline, which is what a batch is.
     */
    static void runEach(Connection connection, List<ExecutableStatement> statements) throws StatementFailure, RowCountMismatch {
        for (ExecutableStatement statement : statements) {
            runOne(connection, statement);
        }
    }

    private static void flush(Connection connection, List<ExecutableStatement> batch) throws StatementFailure, RowCountMismatch {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() == 1) {
            runOne(connection, batch.remove(0));
            return;
        }
        int[] counts;
        ExecutableStatement adding = null;
        try (Statement statement = asWritten(connection)) {
            for (ExecutableStatement s : batch) {
                adding = s;
                statement.addBatch(s.sql());
            }
            adding = null;
            counts = statement.executeBatch();
        } catch (BatchUpdateException e) {
            int failed = failedEntry(e, batch);
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            ExecutableStatement culprit = batch.get(failed);
            batch.clear();
            throw new StatementFailure(culprit, cause);
        } catch (SQLException e) {
            // Refused while being added (the driver refuses a string it reads as several statements), or the
            // batch failed as a whole: never blame the bookkeeping that merely came first in the batch.
            ExecutableStatement culprit = adding != null ? adding : batch.get(firstFromRevision(batch));
            batch.clear();
            throw new StatementFailure(culprit, adding != null && adding.fromRevision() ? refused(e) : e);
        }
        for (int i = 0; i < counts.length && i < batch.size(); i++) {
            check(batch.get(i), counts[i]);
        }
        batch.clear();
    }

    /** The driver's refusal of a statement it splits differently from PostgreSQL, with what to do about it. */
    private static SQLException refused(SQLException e) {
        if (!String.valueOf(e.getMessage()).contains("Multi-statement")) {
            return e;
        }
        return new SQLException("the JDBC driver reads this statement as several (it splits at a ';' that PostgreSQL "
                + "reads as part of the statement, as inside an E'...' string continued on the next line) and refuses "
                + "it in a batch (" + e.getMessage() + "). Write the literal on one line or dollar-quote it",
                e.getSQLState(), e);
    }

    /** The index of the first statement of the revision itself in {@code batch} (0 when there is none). */
    private static int firstFromRevision(List<ExecutableStatement> batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).fromRevision()) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Which batch entry failed. pgjdbc marks every entry EXECUTE_FAILED but names the entry in its
     * message ("Batch entry 2 ... was aborted"); a translated message still quotes the statement.
     */
    private static int failedEntry(BatchUpdateException e, List<ExecutableStatement> batch) {
        String message = String.valueOf(e.getMessage());
        Matcher m = BATCH_ENTRY.matcher(message);
        if (m.find()) {
            int index = Integer.parseInt(m.group(1));
            if (index < batch.size()) {
                return index;
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            if (message.contains(batch.get(i).sql())) {
                return i;
            }
        }
        return firstFromRevision(batch);
    }

    private static void runOne(Connection connection, ExecutableStatement s) throws StatementFailure, RowCountMismatch {
        try {
            int count;
            if (s.params().isEmpty()) {
                try (Statement statement = asWritten(connection)) {
                    statement.execute(s.sql());
                    count = statement.getUpdateCount();
                }
            } else {
                try (PreparedStatement statement = connection.prepareStatement(s.sql())) {
                    for (int i = 0; i < s.params().size(); i++) {
                        statement.setObject(i + 1, s.params().get(i));
                    }
                    statement.execute();
                    count = statement.getUpdateCount();
                }
            }
            check(s, count);
        } catch (SQLException e) {
            throw new StatementFailure(s, e);
        }
    }

    /**
     * A statement that sends SQL as written: PostgreSQL SQL, not JDBC's escape syntax ({@code {fn ...}},
     * {@code {d '...'}}), whose processing would also refuse valid literals the driver cannot read (an
     * {@code E'...'} string continued on the next line with an escaped quote in the continuation).
     */
    private static Statement asWritten(Connection connection) throws SQLException {
        Statement statement = connection.createStatement();
        statement.setEscapeProcessing(false);
        return statement;
    }

    private static void check(ExecutableStatement s, int count) throws RowCountMismatch {
        if (s.expectedRows() >= 0 && count != s.expectedRows()) {
            throw new RowCountMismatch(s, count);
        }
    }

    static boolean batchable(ExecutableStatement s) {
        if (!s.params().isEmpty() || RETURNING.matcher(s.sql()).find()) {
            return false;
        }
        return BATCHABLE.contains(firstKeyword(s.sql()));
    }

    /** The first word of a statement, skipping comments and whitespace, upper-cased. */
    static String firstKeyword(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toUpperCase(Locale.ROOT);
    }
}
