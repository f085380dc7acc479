package dev.migrator.check;

import dev.migrator.MigratorStatus;

import java.util.List;
import java.util.Objects;

/**
 * What the built-in checks need from the engine, gathered by the facade just before they run.
 *
 * @param schema              where Migrator's tables live and the schema the fingerprint describes;
 *                            null means the connection's current schema
 * @param tablePrefix         Migrator's table prefix
 * @param status              version-table rows, the code's heads and pending revisions
 * @param contractDeferred    true when contract-phase revisions are deferred ({@code migrator.contract=defer})
 * @param applied             the code's revisions that are applied, with recorded checksums and verify queries
 * @param expectedFingerprint the schema fingerprint recorded at the end of the last successful run,
 *                            or null to take the latest one from the snapshot store
 */
public record CheckContext(
        String schema,
        String tablePrefix,
        MigratorStatus status,
        boolean contractDeferred,
        List<AppliedRevision> applied,
        String expectedFingerprint) {

    public CheckContext {
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        Objects.requireNonNull(status, "status");
        applied = List.copyOf(applied);
    }
}
