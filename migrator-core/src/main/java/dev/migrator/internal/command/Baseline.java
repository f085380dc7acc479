package dev.migrator.internal.command;

import dev.migrator.internal.state.StateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * When a configured baseline is stamped: the schema already holds tables (built by hand, or by another
 * tool) but Migrator has no state in it yet. "No state" means no version row and no successful history
 * row, which covers tables created a moment ago under this very lock as well as tables left by a first
 * attempt that failed on {@code relation ... already exists} before the baseline was configured; a
 * database that was migrated and then downgraded to base has successful rows and is never re-stamped.
 */
final class Baseline {

    private Baseline() {}

    /** Whether the baseline applies; the caller holds the advisory lock and Migrator's tables exist. */
    static boolean applies(Connection connection, StateStore store, String tablePrefix) throws SQLException {
        String history = store.tables().historyTable();
        return holdsTables(connection, store, tablePrefix, "NOT EXISTS (SELECT 1 FROM " + store.tables().versionTable()
                + ") AND NOT EXISTS (SELECT 1 FROM " + history + " WHERE success)");
    }

    /** {@link #applies} for a read that must not create Migrator's tables: missing tables are no state either. */
    static boolean wouldApply(Connection connection, StateStore store, String tablePrefix) throws SQLException {
        return store.exists(connection) ? applies(connection, store, tablePrefix)
                : holdsTables(connection, store, tablePrefix, "true");
    }

    private static boolean holdsTables(Connection connection, StateStore store, String tablePrefix, String noState)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + noState
                + " AND EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relname NOT IN (?, ?, ?))")) {
            ps.setString(1, store.tables().schema());
            ps.setString(2, tablePrefix + "version");
            ps.setString(3, tablePrefix + "history");
            ps.setString(4, tablePrefix + "schema_snapshot");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
