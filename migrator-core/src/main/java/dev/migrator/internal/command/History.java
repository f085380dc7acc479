package dev.migrator.internal.command;

import dev.migrator.result.HistoryEntry;
import dev.migrator.result.RevisionDetails;
import dev.migrator.result.RevisionInfo;
import dev.migrator.result.MigratorStatus.RunSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reading verbs of the recorded state (Alembic's {@code current}, {@code show}; Flyway's {@code info}
 * rows): the version rows, the history, the newest run, one revision with whether and when it was applied.
 * Each is one status read: it never waits for the database and never creates Migrator's tables.
 */
public final class History {

    private final CommandContext context;

    public History(CommandContext context) {
        this.context = context;
    }

    /** The version-table rows (empty when the table does not exist). */
    public Set<String> current() {
        return new StateRead(context).readState((connection, store) -> store.exists(connection)
                ? store.versionRows(connection) : Set.of());
    }

    /** Executed steps from the history table, newest first. */
    public List<HistoryEntry> log(int limit) {
        return new StateRead(context).readState((connection, store) -> store.exists(connection)
                ? store.history(connection, limit) : List.of());
    }

    /** The newest run: the history rows of one run id; empty before the first run that wrote a row. */
    public Optional<RunSummary> lastRun() {
        return new StateRead(context).read((connection, store) -> store.exists(connection)
                ? store.lastRun(connection) : Optional.empty());
    }

    /** One revision of the code, with whether and when it was applied. */
    public RevisionDetails show(String revision) {
        String id = context.catalog().graph().resolveId(revision);
        RevisionInfo info = context.catalog().info(id);
        return new StateRead(context).readState((connection, store) -> {
            if (!store.exists(connection)) {
                return new RevisionDetails(info, false, null);
            }
            boolean applied = context.catalog().graph().appliedClosure(store.versionRows(connection)).contains(id);
            Instant appliedAt = applied ? store.appliedAt(connection, id) : null;
            return new RevisionDetails(info, applied, appliedAt);
        });
    }
}
