package dev.migrator.internal.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Table {@code <prefix>batch_progress}: the cursor of every batch update that has not finished, keyed by
 * revision (suffixed {@code :down} for a downgrade) and the operation's position in it. A batch saves its
 * cursor in the transaction that updates its rows, so a rerun after a crash resumes after the last committed
 * batch; the row is deleted when the update completes. Created by the first batch update that needs it.
 */
public final class BatchProgressTable {

    private final String table;

    BatchProgressTable(String table) {
        this.table = table;
    }

    /** The table's name as SQL, schema-qualified when a schema is configured. */
    public String name() {
        return table;
    }

    public void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
                    + "revision text NOT NULL, operation text NOT NULL, table_name text NOT NULL, "
                    + "last_key text NOT NULL, rows_done bigint NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(), "
                    + "PRIMARY KEY (revision, operation))");
        }
    }

    /** The last key done by an interrupted run of this batch update, or null to start from the beginning. */
    public String cursor(Connection connection, String revision, String operation) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT last_key FROM " + table
                + " WHERE revision = ? AND operation = ?")) {
            query.setString(1, revision);
            query.setString(2, operation);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Records a committed batch; call it in the batch's own transaction. */
    public void save(Connection connection, String revision, String operation, String tableName, String lastKey,
            int rows) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table + " AS p"
                + " (revision, operation, table_name, last_key, rows_done) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (revision, operation) DO UPDATE SET last_key = EXCLUDED.last_key, "
                + "rows_done = p.rows_done + EXCLUDED.rows_done, "
                + "updated_at = now()")) {
            upsert.setString(1, revision);
            upsert.setString(2, operation);
            upsert.setString(3, tableName);
            upsert.setString(4, lastKey);
            upsert.setLong(5, rows);
            upsert.executeUpdate();
        }
    }

    /** Forgets the cursor of a finished batch update. */
    public void clear(Connection connection, String revision, String operation) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                + " WHERE revision = ? AND operation = ?")) {
            delete.setString(1, revision);
            delete.setString(2, operation);
            delete.executeUpdate();
        }
    }
}
