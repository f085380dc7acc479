package dev.migrator.internal.safety;

import dev.migrator.safety.ScratchConnector;

import dev.migrator.safety.SafetyReport.StatementMeasurement;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.RenderContext;
import dev.migrator.internal.dialect.postgresql.PostgresDialect;
import dev.migrator.internal.dialect.postgresql.PostgresErrors;
import dev.migrator.internal.dialect.postgresql.PostgresText;
import dev.migrator.internal.command.CommandContext;
import dev.migrator.operation.SafePattern.BatchUpdate;
import dev.migrator.operation.Operation.ExecuteSql;
import dev.migrator.internal.safety.StatementMeter.Measured;
import dev.migrator.internal.safety.StatementMeter.Sql;
import dev.migrator.internal.safety.StatementShape.AlterAction.DetachPartitionConcurrently;
import dev.migrator.internal.safety.StatementShape.AlterTable;
import dev.migrator.internal.safety.StatementShape.CreateIndex;
import dev.migrator.internal.safety.StatementShape.DropIndex;
import dev.migrator.internal.safety.StatementShape.Reindex;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The measured mode: applies the pending revisions on a {@link ScratchDatabase} and measures every statement
 * (or Java operation) with a {@link StatementMeter}, in the transactions the engine would use. The real
 * database is only read (its statistics, through {@link DatabaseFacts}); the scratch database is dropped at the end.
 */
final class Measurer {

    /** SQLSTATEs of a statement that cannot run inside a transaction block (25001), or ends one itself (2D000). */
    private static final Set<String> REFUSES_TRANSACTION = Set.of("25001", "2D000");

    private final CommandContext context;
    private final ScratchConnector connector;
    private final PostgresDialect dialect = new PostgresDialect();

    Measurer(CommandContext context, ScratchConnector connector) {
        this.context = context;
        this.connector = connector;
    }

    /** Measurements keyed by {@link Linter#key}, in plan order. */
    Map<String, StatementMeasurement> measure(Set<String> current, List<AnalysedRevision> pending, DatabaseFacts facts) {
        Map<String, StatementMeasurement> measured = new LinkedHashMap<>();
        try (Connection admin = context.source().open(); ScratchDatabase scratch = ScratchDatabase.create(admin, connector)) {
            scratch.build(context, current);
            try (Connection connection = scratch.connect(); Connection writer = scratch.connect()) {
                StatementMeter meter = new StatementMeter(connection, facts);
                for (AnalysedRevision revision : pending) {
                    measure(meter, writer, revision, measured);
                }
            }
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.CONNECTION_FAILED, "The measured analysis could not connect: "
                    + PostgresErrors.describe(e) + ". Nothing was changed.", e);
        }
        return measured;
    }

    private void measure(StatementMeter meter, Connection writer, AnalysedRevision revision,
            Map<String, StatementMeasurement> measured) {
        Connection connection = meter.connection();
        boolean transactional = revision.revision().transactional();
        Unit current = null;
        try {
            connection.setAutoCommit(!transactional);
            for (Unit unit : revision.units()) {
                current = unit;
                List<Sql> statements = statements(revision, unit);
                if (statements.isEmpty()) {
                    continue;
                }
                Measured result;
                if (transactional && !unit.outsideTransaction() && !refusesTransaction(unit)) {
                    result = meter.inTransaction(statements);
                } else {
                    if (transactional) {
                        connection.commit(); // as the engine does around an operation that runs outside the transaction
                        connection.setAutoCommit(true);
                    }
                    result = alone(meter, writer, unit, statements);
                    connection.setAutoCommit(!transactional);
                }
                measured.put(Linter.key(revision.id(), unit.index()), result.at(unit, revision));
            }
            if (transactional) {
                connection.commit();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            rollback(connection);
            String where = current == null ? revision.revision().source()
                    : current.line() > 0 ? revision.revision().source() + ":" + current.line()
                    : revision.revision().source() + " operation " + current.index();
            throw new MigratorException(ErrorCode.STATEMENT_FAILED, "The measured analysis applied revision " + revision.id()
                    + " on its scratch database, and it failed at " + where + ": " + PostgresErrors.describe(e)
                    + ". An upgrade would fail the same way on a database in this state; fix the "
                    + "revision. The real database was not touched.", e);
        }
    }

    /** A unit of a non-transactional revision: in a transaction of its own if it allows one, so its locks can be read. */
    private Measured alone(StatementMeter meter, Connection writer, Unit unit, List<Sql> statements) throws SQLException {
        Connection connection = meter.connection();
        if (!refusesTransaction(unit)) {
            connection.setAutoCommit(false);
            try {
                Measured result = meter.inTransaction(statements);
                connection.commit();
                connection.setAutoCommit(true);
                return result;
            } catch (SQLException e) {
                rollback(connection);
                connection.setAutoCommit(true);
                if (!REFUSES_TRANSACTION.contains(e.getSQLState())) {
                    throw e;
                }
            }
        }
        connection.setAutoCommit(true);
        Measured result = null;
        for (Sql sql : statements) {
            Measured one = meter.outsideTransaction(sql, tableToBlock(connection, unit), writer);
            result = result == null ? one : result.plus(one);
        }
        return result;
    }

    private List<Sql> statements(AnalysedRevision revision, Unit unit) {
        if (unit.operation() == null) {
            return List.of(new Sql(unit.sql(), List.of()));
        }
        if (unit.operation() instanceof ExecuteSql execute) {
            return List.of(new Sql(execute.sql(), execute.params()));
        }
        if (unit.operation() instanceof BatchUpdate) {
            return List.of(); // runs in batches of its own transactions: a single statement would misstate it
        }
        RenderContext context = new RenderContext(revision.revision().transactional() && !unit.outsideTransaction());
        List<Sql> statements = new ArrayList<>();
        dialect.render(unit.operation(), context).forEach(sql -> statements.add(new Sql(sql, List.of())));
        return statements;
    }

    private static boolean refusesTransaction(Unit unit) {
        return unit.shapes().stream().anyMatch(s -> s instanceof CreateIndex i && i.concurrently()
                || s instanceof DropIndex d && d.concurrently() || s instanceof Reindex r && r.concurrently()
                || s instanceof AlterTable a && a.actions().stream().anyMatch(x -> x instanceof DetachPartitionConcurrently));
    }

    /** The table a concurrent index build or drop works on (quoted), to hold a writer's lock on; or null. */
    private static String tableToBlock(Connection connection, Unit unit) throws SQLException {
        for (StatementShape shape : unit.shapes()) {
            if (shape instanceof CreateIndex index && index.concurrently()) {
                return quoted(index.table());
            }
            if (shape instanceof DropIndex drop && drop.concurrently() && drop.indexes().size() == 1) {
                try (PreparedStatement s = connection.prepareStatement(
                        "SELECT indrelid::regclass::text FROM pg_index WHERE indexrelid = to_regclass(?)")) {
                    s.setString(1, quoted(drop.indexes().get(0)));
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            }
        }
        return null;
    }

    private static String quoted(RelationName name) {
        String bare = PostgresText.alwaysQuoted(name.name());
        return name.schema() == null ? bare : PostgresText.alwaysQuoted(name.schema()) + "." + bare;
    }

    private static void rollback(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the failure being reported matters more than a failed rollback on a database about to be dropped
        }
    }
}
