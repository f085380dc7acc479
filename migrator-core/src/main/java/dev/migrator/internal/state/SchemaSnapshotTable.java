package dev.migrator.internal.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Table {@code <prefix>schema_snapshot}: the description of each schema a run left, content-addressed by its
 * fingerprint, so a drift check can say what changed and not only that something did. Saving a schema seen
 * before only refreshes {@code recorded_at}. Created by the first run that records a schema. What a
 * description says is {@code schema.SchemaSnapshot}'s; this class only stores and finds the text.
 */
public final class SchemaSnapshotTable {

    private final String table;

    SchemaSnapshotTable(String table) {
        this.table = table;
    }

    /** The table's name as SQL, schema-qualified when a schema is configured. */
    public String name() {
        return table;
    }

    /** Records a description under its fingerprint (idempotent); call it under the advisory lock. */
    public void save(Connection connection, String fingerprint, String description) throws SQLException {
        create(connection);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (fingerprint, description, recorded_at) VALUES (?, ?, now())"
                + " ON CONFLICT (fingerprint) DO UPDATE SET recorded_at = excluded.recorded_at")) {
            insert.setString(1, fingerprint);
            insert.setString(2, description);
            insert.executeUpdate();
        }
    }

    /**
     * An {@code INSERT} of the {@code (fingerprint, description)} rows of {@code relation} (a CTE's name), for a
     * statement that computes the description on the server and stores it there.
     */
    public String insertFrom(String relation) {
        return "INSERT INTO " + table + " (fingerprint, description, recorded_at) SELECT fingerprint, description, now() FROM "
                + relation + " ON CONFLICT (fingerprint) DO UPDATE SET recorded_at = excluded.recorded_at";
    }

    /** Creates the table if it does not exist yet. */
    public void create(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS " + table + " (fingerprint varchar(64) PRIMARY KEY,"
                    + " description text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())");
        }
    }

    /** The description recorded with {@code fingerprint}; empty when none was, or the table does not exist. */
    public Optional<String> description(Connection connection, String fingerprint) throws SQLException {
        return query(connection, "SELECT description FROM " + table + " WHERE fingerprint = ?", fingerprint);
    }

    /** The fingerprint recorded most recently (without its description); empty when none was. */
    public Optional<String> latestFingerprint(Connection connection) throws SQLException {
        return query(connection, "SELECT fingerprint FROM " + table + " ORDER BY recorded_at DESC, fingerprint LIMIT 1", null);
    }

    /** The description recorded most recently; empty when none was. */
    public Optional<String> latestDescription(Connection connection) throws SQLException {
        return query(connection, "SELECT description FROM " + table + " ORDER BY recorded_at DESC, fingerprint LIMIT 1",
                null);
    }

    private Optional<String> query(Connection connection, String sql, String parameter) throws SQLException {
        if (!exists(connection)) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            check.setString(1, table);
            try (ResultSet row = check.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
