package dev.migrator.internal.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Who holds the migration lock, as another session sees it: for status reads and for the messages of waiters. */
public final class LockHolder {

    private LockHolder() {}

    /** Who holds the lock {@code key} in this database: application name, pid and since when; empty when free. */
    public static Optional<String> of(Connection connection, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT a.pid, a.application_name, a.client_addr::text, a.backend_start, a.state" + heldByAnother("?", "?"))) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String name = rs.getString(2);
                return Optional.of("session pid " + rs.getInt(1)
                        + (name == null || name.isEmpty() ? "" : " (application_name '" + name + "')")
                        + (rs.getString(3) == null ? "" : " from " + rs.getString(3))
                        + ", connected since " + rs.getTimestamp(4).toInstant() + (rs.getString(5) == null ? "" : ", " + rs.getString(5)));
            }
        }
    }

    /** Whether another session holds the lock (state {@code MIGRATING}). */
    public static boolean isHeldByAnother(Connection connection, long key) throws SQLException {
        return of(connection, key).isPresent();
    }

    /**
     * {@link #isHeldByAnother} as an SQL expression, for a status read that asks it in the same statement as
     * other questions (one round trip instead of two). The key is a number, written as two literals.
     */
    public static String heldByAnotherCondition(long key) {
        return "EXISTS (SELECT 1" + heldByAnother(Long.toString(key >>> 32), Long.toString(key & 0xffffffffL)) + ")";
    }

    /** The FROM and WHERE of both questions: the lock's holders other than this session; the key's halves as SQL. */
    private static String heldByAnother(String classId, String objId) {
        return " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND l.classid::bigint = " + classId + " AND l.objid::bigint = " + objId + " AND l.pid <> pg_backend_pid()";
    }
}
