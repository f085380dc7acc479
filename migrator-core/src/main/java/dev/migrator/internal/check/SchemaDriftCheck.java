package dev.migrator.internal.check;

import dev.migrator.internal.schema.SchemaReader;

import dev.migrator.check.PostDeployCheck.CheckOutcome;
import dev.migrator.check.PostDeployCheck;

import dev.migrator.schema.SchemaDiff;
import dev.migrator.schema.SchemaSnapshot;
import dev.migrator.internal.schema.SchemaSnapshotStore;
import dev.migrator.internal.schema.ServerFingerprint;

import java.sql.Connection;
import java.util.Optional;

/**
 * The schema is the one recorded at the end of the last successful run: a difference is a change
 * made outside migrations (a hotfix in psql, a tool, another application). The server computes the
 * current fingerprint ({@link ServerFingerprint}); only when it differs is the full description read,
 * and compared with the recorded one from the snapshot store to name what differs.
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
        String now = ServerFingerprint.compute(connection, context.schema(), context.tablePrefix());
        String expected = context.expectedFingerprint();
        if (!isSnapshotFingerprint(expected)) {
            // no fingerprint of ours on the history row: the latest snapshot a run recorded is the reference
            expected = store.latestFingerprint(connection).orElse(null);
        }
        if (expected == null) {
            return CheckOutcome.passed("no schema fingerprint recorded yet (the next successful run records one)");
        }
        if (expected.equals(now)) {
            return CheckOutcome.passed("schema matches the one recorded after the last migration (" + abbreviate(expected) + ")");
        }
        Optional<SchemaSnapshot> recorded = store.load(connection, expected);
        if (recorded.isEmpty()) {
            return CheckOutcome.failed("schema changed outside migrations: fingerprint " + abbreviate(now)
                    + " differs from the recorded " + abbreviate(expected) + " (no recorded description to name the"
                    + " difference). Put the change in a migration or revert it");
        }
        // the difference must be named: now (and only now) the full description is worth reading
        SchemaDiff diff = recorded.get().diff(SchemaReader.read(connection, context.schema(), context.tablePrefix()));
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
