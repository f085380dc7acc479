package dev.migrator.internal.check;

import dev.migrator.result.MigratorStatus;

import java.util.List;
import java.util.Objects;

/**
 * What the built-in checks need from the engine, gathered by the facade just before they run.
 *
 * @param schema              where Migrator's tables live and the schema the fingerprint describes;
 *                            null means the connection's current schema
 * @param tablePrefix         Migrator's table prefix
 * @param status              version-table rows, the code's heads, pending revisions and which of
 *                            them the contract policy defers
 * @param applied             the code's revisions that are applied, with recorded checksums and verify queries
 * @param expectedFingerprint the schema fingerprint recorded at the end of the last successful run,
 *                            or null to take the latest one from the snapshot store
 */
public record CheckContext(
        String schema,
        String tablePrefix,
        MigratorStatus status,
        List<AppliedRevision> applied,
        String expectedFingerprint) {

    public CheckContext {
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        Objects.requireNonNull(status, "status");
        applied = List.copyOf(applied);
    }
}
