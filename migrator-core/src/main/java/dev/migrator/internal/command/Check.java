package dev.migrator.internal.command;

import dev.migrator.internal.check.AppliedRevision;
import dev.migrator.internal.check.BuiltInChecks;
import dev.migrator.internal.check.CheckContext;
import dev.migrator.internal.check.CheckRunner;
import dev.migrator.check.PostDeployCheck;
import dev.migrator.internal.execute.EngineConnections;
import dev.migrator.result.HistoryEntry;
import dev.migrator.result.MigratorStatus;
import dev.migrator.result.VerifyResult;
import dev.migrator.internal.revision.RevisionNode;
import dev.migrator.internal.source.LoadedRevision;
import dev.migrator.internal.source.RevisionBody;
import dev.migrator.internal.source.SqlStatement;
import dev.migrator.internal.state.StateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code check} and {@code verify}: the post-deploy checks. What they compare the database with is read first
 * (the status, the recorded checksums, the last run's schema fingerprint), then the checks run one after
 * another on that same connection, each within {@code checkTimeout}. {@code verify} is the subset of
 * the built-in checks made of the applied revisions' {@code migrate:verify} queries.
 */
public final class Check {

    private final CommandContext context;

    public Check(CommandContext context) {
        this.context = context;
    }

    /**
     * The built-in checks (version table, checksums, INVALID indexes, schema drift, every applied revision's
     * verify query), then {@code userChecks}. A check that fails, throws or hangs is a FAILED result naming
     * the reason, never an exception.
     */
    public VerifyResult check(List<? extends PostDeployCheck> userChecks) {
        return gatherThenRun(true, status -> true, checksOf(userChecks)).orElseThrow();
    }

    /**
     * One status read, then, when {@code checkIf} accepts the status it read, {@link #check} on that same
     * connection, comparing with what was read in the same round trip as the status: one connection and one
     * read of the state for whoever needs both (the actuator's summary and health). {@code checkIf} is told
     * the status as soon as it is read, before any check runs.
     *
     * @return the checks' result; empty when {@code checkIf} declined (the connection is then closed at once)
     */
    public Optional<VerifyResult> statusThenCheck(List<? extends PostDeployCheck> userChecks, Predicate<MigratorStatus> checkIf) {
        return gatherThenRun(true, checkIf, checksOf(userChecks));
    }

    private static Function<CheckContext, List<PostDeployCheck>> checksOf(List<? extends PostDeployCheck> userChecks) {
        return gathered -> {
            List<PostDeployCheck> checks = new ArrayList<>(BuiltInChecks.all(gathered));
            checks.addAll(userChecks);
            return checks;
        };
    }

    /** Runs every applied revision's {@code verify} query, in a read-only transaction that is rolled back. */
    public VerifyResult verify() {
        return gatherThenRun(false, status -> true, BuiltInChecks::verifyQueries).orElseThrow();
    }

    /**
     * Reads what the checks compare the database with (the status, the recorded checksums, the last run's
     * schema fingerprint: one status read), then runs the checks on that same connection: one connection for
     * the whole evaluation (a check that times out has its connection replaced by the runner).
     *
     * @param statusRead a status read (never waits for the database; {@code check}) or a command's ({@code verify})
     * @param checkIf    told the status read; false ends there, without running the checks
     */
    private Optional<VerifyResult> gatherThenRun(boolean statusRead, Predicate<MigratorStatus> checkIf,
            Function<CheckContext, List<PostDeployCheck>> checksOf) {
        EngineConnections connections = context.connections();
        Connection connection;
        try {
            connection = statusRead ? connections.forStatusRead() : connections.forCommand();
        } catch (SQLException e) {
            throw connections.readError(e);
        }
        CheckContext gathered;
        try {
            gathered = connections.withReadTimeout(connection,
                    c -> gather(c, new StateStore(new StateRead(context).tables(c))));
            if (!checkIf.test(gathered.status())) {
                close(connection);
                return Optional.empty();
            }
        } catch (SQLException e) {
            close(connection);
            throw connections.readError(e);
        } catch (RuntimeException | Error e) {
            close(connection);
            throw e;
        }
        AtomicReference<Connection> handedOver = new AtomicReference<>(connection);
        CheckRunner runner = new CheckRunner(() -> {
            Connection first = handedOver.getAndSet(null);
            return first != null ? first : context.source().open();
        }, context.settings().checkTimeout());
        try {
            return Optional.of(new VerifyResult(runner.run(checksOf.apply(gathered))));
        } finally {
            close(handedOver.getAndSet(null)); // no check ran: the runner never took it
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // a connection that cannot be closed is gone already
            }
        }
    }

    /** What the built-in checks compare the database with: the code's revisions and the recorded history, in one status read. */
    private CheckContext gather(Connection connection, StateStore store) throws SQLException {
        Status.Reading reading = new Status(context).read(connection, store, true);
        MigratorStatus status = reading.status();
        Map<String, String> recorded = reading.rows().checksums();
        Set<String> applied = context.catalog().graph().appliedClosure(status.current());
        List<AppliedRevision> revisions = new ArrayList<>();
        for (RevisionNode node : context.catalog().graph().nodes()) {
            if (applied.contains(node.id())) {
                LoadedRevision revision = context.catalog().get(node.id());
                SqlStatement verify = revision.body() instanceof RevisionBody.Sql sql ? sql.verify() : null;
                revisions.add(new AppliedRevision(node.id(), revision.source(), revision.checksum(),
                        recorded.get(node.id()), verify == null ? null : verify.sql(), verify == null ? 0 : verify.line()));
            }
        }
        // the fingerprint the last successful run put on its last row (read with the status); older rows may hold none
        String fingerprint = reading.rows().latest().filter(HistoryEntry::success).map(HistoryEntry::schemaFingerprint)
                .orElse(null);
        return new CheckContext(store.tables().schema(), context.settings().tablePrefix(), status, revisions, fingerprint);
    }
}
