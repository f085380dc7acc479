package dev.migrator.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * INVALID indexes: what a failed or killed {@code CREATE INDEX CONCURRENTLY} leaves behind. Such an
 * index is maintained on every write but never used, and {@code IF NOT EXISTS} happily skips it,
 * so the engine neither records a revision over one nor retries without dropping it first.
 */
final class InvalidIndexes {

    private static final Pattern CONCURRENT_INDEX = Pattern.compile(
            "(?is)^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)");

    private static final String INVALID_AMONG = "SELECT i.indexrelid::regclass::text FROM pg_index i"
            + " JOIN pg_class c ON c.oid = i.indexrelid WHERE NOT i.indisvalid AND c.relname = ANY (?)";

    private InvalidIndexes() {}

    /** Every INVALID index of the database, as {@code regclass} text (schema-qualified when needed). */
    static Set<String> snapshot(Connection connection) throws SQLException {
        return names(connection, "SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid");
    }

    /**
     * The INVALID indexes no other session is building right now. Once our statements have returned,
     * an index that another session's {@code CREATE INDEX CONCURRENTLY} is still building is INVALID
     * but not ours to answer for. (A role without {@code pg_read_all_stats} sees no index in other
     * roles' build progress: such builds still count, as before.)
     */
    static Set<String> leftOver(Connection connection) throws SQLException {
        return names(connection, "SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid"
                + " AND indexrelid NOT IN (SELECT index_relid FROM pg_stat_progress_create_index"
                + " WHERE pid <> pg_backend_pid() AND index_relid IS NOT NULL)");
    }

    private static Set<String> names(Connection connection, String query) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Names of the indexes the statements create concurrently, as PostgreSQL stores them. */
    static Set<String> createdConcurrently(List<ExecutableStatement> statements) {
        Set<String> names = new LinkedHashSet<>();
        for (ExecutableStatement statement : statements) {
            Matcher m = CONCURRENT_INDEX.matcher(stripLeadingComments(statement.sql()));
            if (m.find()) {
                String name = m.group(1);
                names.add(name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
                        : name.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    /**
     * Drops the INVALID leftovers among {@code names}; returns what was dropped. Runs under the session's
     * timeouts: a {@code DROP INDEX CONCURRENTLY} waits for every transaction holding a lock on the table, so
     * it can be blocked exactly as the build was, and then it fails on {@code lock_timeout} like any statement
     * (naming itself), for the attempt it counts against.
     */
    static Set<String> repair(Connection connection, Set<String> names) throws StatementRunner.StatementFailure {
        if (names.isEmpty()) {
            return Set.of();
        }
        Set<String> invalid;
        try {
            invalid = invalid(connection, names);
        } catch (SQLException e) {
            throw new StatementRunner.StatementFailure(ExecutableStatement.engine(INVALID_AMONG), e);
        }
        for (String index : invalid) {
            String drop = "DROP INDEX CONCURRENTLY IF EXISTS " + index;
            try (Statement statement = connection.createStatement()) {
                statement.execute(drop);
            } catch (SQLException e) {
                throw new StatementRunner.StatementFailure(ExecutableStatement.engine(drop), e);
            }
        }
        return invalid;
    }

    /** Which of {@code names} exist and are INVALID now, as {@code regclass} text; empty if that cannot be read. */
    static Set<String> invalidAmong(Connection connection, Set<String> names) {
        try {
            return names.isEmpty() ? Set.of() : invalid(connection, names);
        } catch (SQLException e) {
            // the connection is gone with the failure: the message then cannot say, the next run still repairs
            return Set.of();
        }
    }

    private static Set<String> invalid(Connection connection, Set<String> names) throws SQLException {
        Set<String> invalid = new LinkedHashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(INVALID_AMONG)) {
            ps.setArray(1, connection.createArrayOf("text", names.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    invalid.add(rs.getString(1));
                }
            }
        }
        return invalid;
    }

    private static String stripLeadingComments(String sql) {
        String s = sql.stripLeading();
        while (s.startsWith("--")) {
            int end = s.indexOf('\n');
            s = end < 0 ? "" : s.substring(end + 1).stripLeading();
        }
        return s;
    }
}
