package dev.migrator.internal.command;

import dev.migrator.Direction;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.execute.Catalog;
import dev.migrator.result.AcceptedChecksum;
import dev.migrator.internal.source.LoadedRevision;
import dev.migrator.internal.state.AppliedState;
import dev.migrator.internal.state.HistoryRow;
import dev.migrator.internal.state.StateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audited way through an intentional edit of an applied revision: the file's current checksum is
 * recorded in a stamp history row whose message gives the reason, with who and when, so later runs and
 * the checksum check compare with it. Only revisions whose file really differs are recorded, each named
 * in the log; a reason is required, and a revision that is not applied or has no checksum is an error
 * rather than a silent no-op.
 */
public final class AcceptChecksum {

    static final String ALL = "all";
    /** How the history row's message starts; the reason follows. */
    static final String MESSAGE_PREFIX = "checksum accepted: ";

    private static final Logger log = LoggerFactory.getLogger(AcceptChecksum.class);

    private final CommandContext context;

    public AcceptChecksum(CommandContext context) {
        this.context = context;
    }

    /**
     * Records the current checksum of changed applied revisions ({@code revisionOrAll}: an id, a prefix, or
     * {@code all}), one stamp history row each that says who and why, under the lock.
     */
    public List<AcceptedChecksum> accept(String revisionOrAll, String reason) {
        Acceptance acceptance = new Acceptance(context.catalog(), revisionOrAll, reason, CommandContext.appliedBy());
        return LockedRun.run(context, Direction.STAMP, "accept-checksum " + revisionOrAll,
                (connection, store, lockWait) -> acceptance.run(connection, store), result -> { });
    }

    /** One acceptance: what to accept and why, checked before the lock is taken. */
    private static final class Acceptance {

        private final Catalog catalog;
        private final String revision;
        private final String reason;
        private final String appliedBy;

        /** @param revisionOrAll a revision id or unique prefix, or {@code all} */
        Acceptance(Catalog catalog, String revisionOrAll, String reason, String appliedBy) {
            if (reason == null || reason.isBlank()) {
                throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "Accepting a changed checksum needs a reason: it is "
                        + "recorded in the history with who accepted it and when (for example \"comment typo fixed, "
                        + "reviewed in PR 123\").");
            }
            this.catalog = catalog;
            this.revision = revisionOrAll == null || ALL.equals(revisionOrAll.strip().toLowerCase(Locale.ROOT))
                    ? null : catalog.graph().resolveId(revisionOrAll);
            this.reason = reason.strip();
            this.appliedBy = appliedBy;
        }

        /** Under the advisory lock: records every accepted checksum in one transaction. */
        List<AcceptedChecksum> run(Connection connection, StateStore store) throws SQLException {
            AppliedState state = store.appliedState(connection, true);
            Set<String> applied = catalog.graph().appliedClosure(state.versionRows());
            Map<String, String> recorded = new TreeMap<>();
            state.checksums().forEach(c -> recorded.put(c.revision(), c.checksum()));
            if (revision != null) {
                requireAcceptable(revision, applied);
            }
            List<AcceptedChecksum> accepted = new ArrayList<>();
            for (Map.Entry<String, String> entry : recorded.entrySet()) {
                String id = entry.getKey();
                if ((revision == null || revision.equals(id)) && applied.contains(id) && catalog.contains(id)) {
                    String now = catalog.get(id).checksum();
                    if (now != null && !now.equals(entry.getValue())) {
                        accepted.add(new AcceptedChecksum(id, catalog.get(id).source(), entry.getValue(), now));
                    }
                }
            }
            if (accepted.isEmpty()) {
                log.info("No changed checksum to accept{}: every applied revision's file matches its recorded checksum",
                        revision == null ? "" : " for revision " + revision);
                return List.of();
            }
            write(connection, store, accepted);
            for (AcceptedChecksum a : accepted) {
                log.warn("Accepted the edited file of applied revision {} ({}): checksum {} recorded instead of {} by {}; reason: {}",
                        a.revision(), a.source(), a.accepted(), a.previous(), appliedBy, reason);
            }
            return accepted;
        }

        private void requireAcceptable(String id, Set<String> applied) {
            LoadedRevision loaded = catalog.get(id);
            if (!applied.contains(id)) {
                throw new MigratorException(ErrorCode.TARGET_INVALID, "Revision " + id + " (" + loaded.source() + ") is not "
                        + "applied: there is no recorded checksum to replace. Edit it freely until it runs.");
            }
            if (loaded.checksum() == null) {
                throw new MigratorException(ErrorCode.TARGET_INVALID, "Revision " + id + " (" + loaded.source() + ") is a Java "
                        + "revision: it has no checksum to accept.");
            }
        }

        private void write(Connection connection, StateStore store, List<AcceptedChecksum> accepted) throws SQLException {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (AcceptedChecksum a : accepted) {
                    LoadedRevision loaded = catalog.get(a.revision());
                    statement.addBatch(store.tables().historyInsert(new HistoryRow(a.revision(), loaded.node().revises(),
                            Direction.STAMP, MESSAGE_PREFIX + reason, loaded.phase(), a.accepted(), "now()", true, null,
                            appliedBy)));
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
