package dev.migrator.internal.schema;

import dev.migrator.schema.SchemaSnapshot;


import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.state.SchemaSnapshotTable;
import dev.migrator.internal.state.StateTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * Snapshots in Migrator's schema snapshot table: what a run left, found again by fingerprint, so a drift check
 * can say what changed and not only that something did. The table itself (its DDL, its reads and writes) is
 * {@link SchemaSnapshotTable}'s, like every table of Migrator's; this class turns snapshots into its rows and back.
 *
 * <pre>{@code
 * SchemaSnapshotStore store = new SchemaSnapshotStore(schema, tablePrefix);
 * SchemaSnapshot snapshot = SchemaReader.read(connection, schema, tablePrefix);
 * ServerFingerprint.record(connection, schema, tablePrefix, store, history, runId); // end of a run: computed
 *                                              // and stored on the server
 * store.save(connection, snapshot);            // or from a snapshot read into Java
 * store.load(connection, fingerprint);         // when a check finds a different fingerprint
 * }</pre>
 */
public final class SchemaSnapshotStore {

    private final SchemaSnapshotTable table;

    /** @param schema where Migrator's tables live; null means the connection's current schema */
    public SchemaSnapshotStore(String schema, String tablePrefix) {
        this.table = new StateTables(schema, Objects.requireNonNull(tablePrefix, "tablePrefix")).snapshots();
    }

    /** The table's name as SQL, schema-qualified when a schema is configured. */
    public String table() {
        return table.name();
    }

    /**
     * Creates the table if needed and records the snapshot (idempotent). Call it where no other run
     * can race it, i.e. while holding the advisory lock.
     */
    public void save(Connection connection, SchemaSnapshot snapshot) {
        try {
            table.save(connection, snapshot.fingerprint(), snapshot.text());
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.INTERNAL, "Could not record the schema snapshot in " + table() + ": " + e.getMessage()
                    + ". The migration itself succeeded; drift checks cannot name differences until a run records one.", e);
        }
    }

    /** Creates the table if it does not exist yet. */
    void createTable(Connection connection) throws SQLException {
        table.create(connection);
    }

    /** An {@code INSERT} of the {@code (fingerprint, description)} rows of {@code relation} (a CTE's name). */
    String insertFrom(String relation) {
        return table.insertFrom(relation);
    }

    /** The fingerprint recorded most recently (without its description), or empty when none was. */
    public Optional<String> latestFingerprint(Connection connection) {
        try {
            return table.latestFingerprint(connection);
        } catch (SQLException e) {
            throw readError(e);
        }
    }

    /** The snapshot recorded with {@code fingerprint}, or empty when none was (or the table does not exist). */
    public Optional<SchemaSnapshot> load(Connection connection, String fingerprint) {
        try {
            return table.description(connection, fingerprint).map(SchemaSnapshot::parse);
        } catch (SQLException e) {
            throw readError(e);
        }
    }

    /** The snapshot recorded most recently, or empty when none was. */
    public Optional<SchemaSnapshot> latest(Connection connection) {
        try {
            return table.latestDescription(connection).map(SchemaSnapshot::parse);
        } catch (SQLException e) {
            throw readError(e);
        }
    }

    private MigratorException readError(SQLException e) {
        return new MigratorException(ErrorCode.INTERNAL, "Could not read the schema snapshot from " + table() + ": " + e.getMessage(), e);
    }
}
