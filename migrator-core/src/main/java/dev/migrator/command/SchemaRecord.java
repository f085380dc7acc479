package dev.migrator.command;

import dev.migrator.MigratorException;
import dev.migrator.schema.SchemaSnapshot;
import dev.migrator.schema.SchemaSnapshotStore;
import dev.migrator.state.StateStore;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a run that changed something leaves for the drift check: the schema as it left it. */
final class SchemaRecord {

    private static final Logger log = LoggerFactory.getLogger(SchemaRecord.class);

    private SchemaRecord() {}

    /**
     * Records the schema as this run left it (one catalog query, once per run, not per step) and puts
     * its fingerprint on the run's last history row, so the drift check can later name what was
     * changed outside migrations. A failure here only costs drift detection its reference.
     */
    static void afterRun(Connection connection, StateStore store) {
        String schema = store.tables().schema();
        String prefix = store.tables().prefix();
        try {
            SchemaSnapshot snapshot = SchemaSnapshot.read(connection, schema, prefix);
            new SchemaSnapshotStore(schema, prefix).save(connection, snapshot);
            store.markFingerprint(connection, snapshot.fingerprint());
        } catch (MigratorException | SQLException e) {
            // the revisions are applied and recorded; only drift detection loses its reference
            log.warn("Could not record the schema after the run (drift checks compare with an older one): {}",
                    e.getMessage());
        }
    }
}
