package dev.migrator.check;

import dev.migrator.schema.SchemaDiff;
import dev.migrator.schema.SchemaSnapshot;
import dev.migrator.schema.SchemaSnapshotStore;

import java.sql.Connection;
import java.util.Optional;

/**
 * The schema is the one recorded at the end of the last successful run: a difference is a change
 * made outside migrations (a hotfix in psql, a tool, another application). The detail names what
 * differs, from the recorded description in the snapshot store.
 */
final class SchemaDriftCheck implements PostDeployCheck {

    private final CheckContext context;

    SchemaDriftCheck(CheckContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "schema-drift";
    }

    @Override
    public CheckOutcome check(Connection connection) {
        SchemaSnapshotStore store = new SchemaSnapshotStore(context.schema(), context.tablePrefix());
        SchemaSnapshot now = SchemaSnapshot.read(connection, context.schema(), context.tablePrefix());
        String expected = context.expectedFingerprint();
        Optional<SchemaSnapshot> recorded;
        if (isSnapshotFingerprint(expected)) {
            recorded = store.load(connection, expected);
        } else {
            // no fingerprint of ours on the history row: the latest snapshot a run recorded is the reference
            recorded = store.latest(connection);
            expected = recorded.map(SchemaSnapshot::fingerprint).orElse(null);
        }
        if (expected == null) {
            return CheckOutcome.passed("no schema fingerprint recorded yet (the next successful run records one)");
        }
        if (expected.equals(now.fingerprint())) {
            return CheckOutcome.passed("schema matches the one recorded after the last migration (" + abbreviate(expected) + ")");
        }
        if (recorded.isEmpty()) {
            return CheckOutcome.failed("schema changed outside migrations: fingerprint " + abbreviate(now.fingerprint())
                    + " differs from the recorded " + abbreviate(expected) + " (no recorded description to name the"
                    + " difference). Put the change in a migration or revert it");
        }
        SchemaDiff diff = recorded.get().diff(now);
        return CheckOutcome.failed("schema changed outside migrations: " + diff.describe() + ". Put the change in a"
                + " migration (or revert it); the next successful run records the schema again");
    }

    private static boolean isSnapshotFingerprint(String fingerprint) {
        return fingerprint != null && fingerprint.matches("[0-9a-f]{64}");
    }

    private static String abbreviate(String fingerprint) {
        return fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }
}
