package dev.migrator.internal.command;

import dev.migrator.Direction;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.postgresql.PostgresErrors;
import dev.migrator.result.StampResult;
import dev.migrator.internal.revision.Plan;
import dev.migrator.internal.revision.Step;
import dev.migrator.internal.state.BookkeepingStatement;
import dev.migrator.internal.state.StateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code stamp}: sets the version table to a target without running any revision (Alembic's {@code stamp}). */
public final class Stamp {

    private final CommandContext context;

    public Stamp(CommandContext context) {
        this.context = context;
    }

    /** Writes the version rows of {@code target} and a stamp history row per changed row set; runs no revision. */
    public StampResult stamp(String target) {
        return LockedRun.run(context, Direction.STAMP, target,
                (connection, store, lockWait) -> underLock(connection, store, target), result -> { });
    }

    /** The stamp itself, in one transaction: the caller holds the advisory lock. */
    StampResult underLock(Connection connection, StateStore store, String target) throws SQLException {
        Set<String> before = store.versionRows(connection);
        Plan plan = context.catalog().graph().stamp(before, target);
        List<BookkeepingStatement> writes = new ArrayList<>();
        for (Step step : plan.steps()) {
            writes.addAll(store.tables().versionChange(step.removedRows(), step.addedRows()));
            writes.add(BookkeepingStatement.unchecked(store.tables().historyInsert(
                    context.catalog().stampRow(step, CommandContext.appliedBy()))));
        }
        if (writes.isEmpty()) {
            return new StampResult(before, before);
        }
        try {
            store.commitChecked(connection, writes);
        } catch (StateStore.RowCountMismatch e) {
            throw new MigratorException(ErrorCode.STATE_TABLES_INCONSISTENT, "Stamping " + target + " was rolled back: "
                    + e.getMessage() + ". The version table was changed outside this run; check it with 'current'.");
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.INTERNAL, "Stamping " + target + " failed: " + PostgresErrors.describe(e)
                    + ". The version table is unchanged.", e);
        }
        SchemaRecord.afterRun(connection, store);
        return new StampResult(before, store.versionRows(connection));
    }
}
