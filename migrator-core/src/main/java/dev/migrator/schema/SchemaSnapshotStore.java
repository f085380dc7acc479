package dev.migrator.schema;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the full description behind each recorded fingerprint, so a drift check can say what
 * changed and not only that something did. Table {@code <prefix>schema_snapshot}, content-addressed
 * by fingerprint: saving a schema that was seen before only refreshes {@code recorded_at}.
 *
 * <pre>{@code
 * SchemaSnapshotStore store = new SchemaSnapshotStore(schema, tablePrefix);
 * ServerFingerprint.record(connection, schema, tablePrefix, store, history); // end of a run: stored server-side
 * store.save(connection, snapshot);            // or from a snapshot read into Java
 * store.load(connection, fingerprint);         // when a check finds a different fingerprint
 * }</pre>
 */
public final class SchemaSnapshotStore {

    private final String schema;
    private final String tablePrefix;

    /** @param schema where Migrator's tables live; null means the connection's current schema */
    public SchemaSnapshotStore(String schema, String tablePrefix) {
        this.schema = schema;
        this.tablePrefix = Objects.requireNonNull(tablePrefix, "tablePrefix");
    }

    /** The table's name as SQL, schema-qualified when a schema is configured. */
    public String table() {
        String table = SchemaSnapshot.quoteIdent(tablePrefix + "schema_snapshot");
        return schema == null ? table : SchemaSnapshot.quoteIdent(schema) + "." + table;
    }

    /**
     * Creates the table if needed and records the snapshot (idempotent). Call it where no other run
     * can race it, i.e. while holding the advisory lock.
     */
    public void save(Connection connection, SchemaSnapshot snapshot) {
        try {
            createTable(connection);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table()
                    + " (fingerprint, description, recorded_at) VALUES (?, ?, now())"
                    + " ON CONFLICT (fingerprint) DO UPDATE SET recorded_at = excluded.recorded_at")) {
                insert.setString(1, snapshot.fingerprint());
                insert.setString(2, snapshot.text());
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.INTERNAL, "Could not record the schema snapshot in " + table() + ": " + e.getMessage()
                    + ". The migration itself succeeded; drift checks cannot name differences until a run records one.", e);
        }
    }

    /** Creates the table if it does not exist yet. */
    void createTable(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS " + table() + " (fingerprint varchar(64) PRIMARY KEY,"
                    + " description text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())");
        }
    }

    /** The snapshot recorded with {@code fingerprint}, or empty when none was (or the table does not exist). */
    public Optional<SchemaSnapshot> load(Connection connection, String fingerprint) {
        return query(connection, "SELECT description FROM " + table() + " WHERE fingerprint = ?", fingerprint);
    }

    /** The fingerprint recorded most recently (without its description), or empty when none was. */
    public Optional<String> latestFingerprint(Connection connection) {
        try {
            if (!tableExists(connection)) {
                return Optional.empty();
            }
            try (Statement select = connection.createStatement();
                    ResultSet row = select.executeQuery("SELECT fingerprint FROM " + table()
                            + " ORDER BY recorded_at DESC, fingerprint LIMIT 1")) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.INTERNAL, "Could not read the schema snapshot from " + table() + ": " + e.getMessage(), e);
        }
    }

    /** The snapshot recorded most recently, or empty when none was. */
    public Optional<SchemaSnapshot> latest(Connection connection) {
        return query(connection, "SELECT description FROM " + table() + " ORDER BY recorded_at DESC, fingerprint LIMIT 1", null);
    }

    private Optional<SchemaSnapshot> query(Connection connection, String sql, String parameter) {
        try {
            if (!tableExists(connection)) {
                return Optional.empty();
            }
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (parameter != null) {
                    select.setString(1, parameter);
                }
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(SchemaSnapshot.parse(row.getString(1))) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.INTERNAL, "Could not read the schema snapshot from " + table() + ": " + e.getMessage(), e);
        }
    }

    private boolean tableExists(Connection connection) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            check.setString(1, table());
            try (ResultSet row = check.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
