package dev.migrator.internal.command;

import dev.migrator.MigratorException;
import dev.migrator.internal.schema.SchemaSnapshotStore;
import dev.migrator.internal.schema.ServerFingerprint;
import dev.migrator.internal.state.StateStore;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a run that changed something leaves for the drift check: the schema as it left it. */
final class SchemaRecord {

    private static final Logger log = LoggerFactory.getLogger(SchemaRecord.class);

    private SchemaRecord() {}

    /**
     * Records the schema as this run left it, once per run (not per step), in one statement the server
     * evaluates on its own ({@link ServerFingerprint#record}): the fingerprint and description are computed
     * there, the description stored in the snapshot table, and the fingerprint put on the run's last history
     * row; only the fingerprint comes back. The drift check can later name what was changed outside
     * migrations. A failure here only costs drift detection its reference.
     */
    static void afterRun(Connection connection, StateStore store) {
        String schema = store.tables().schema();
        String prefix = store.tables().prefix();
        try {
            ServerFingerprint.record(connection, schema, prefix, new SchemaSnapshotStore(schema, prefix),
                    store.tables().historyTable(), store.tables().runId());
        } catch (MigratorException | SQLException e) {
            // the revisions are applied and recorded; only drift detection loses its reference
            log.warn("Could not record the schema after the run (drift checks compare with an older one): {}",
                    e.getMessage());
        }
    }
}
