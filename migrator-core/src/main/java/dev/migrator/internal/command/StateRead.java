package dev.migrator.internal.command;

import dev.migrator.internal.dialect.postgresql.PostgresCatalog;
import dev.migrator.internal.revision.Step;
import dev.migrator.internal.state.StateStore;
import dev.migrator.internal.state.StateTables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The primitive of the reading verbs: one connection, Migrator's tables found (never created), no lock.
 * A command's read waits for the database as {@code connectRetries} allows; a status read never waits and
 * its network reads are bounded by {@code readTimeout}.
 */
public final class StateRead {

    /** A read of Migrator's state. */
    @FunctionalInterface
    public interface Query<T> {
        T run(Connection connection, StateStore store) throws SQLException;
    }

    private final CommandContext context;

    public StateRead(CommandContext context) {
        this.context = context;
    }

    /** Runs a read-only command on a fresh connection, waiting for the database as {@code connectRetries} allows. */
    public <T> T read(Query<T> query) {
        try (Connection connection = context.connections().forCommand()) {
            return query.run(connection, new StateStore(tables(connection)));
        } catch (SQLException e) {
            throw context.connections().readError(e);
        }
    }

    /**
     * Runs a status read: never waits for the database to come up, and every network read is bounded by
     * {@code readTimeout} (when set), so a database that stopped answering fails the read instead of
     * holding it until TCP gives up.
     */
    public <T> T readState(Query<T> query) {
        try (Connection connection = context.connections().forStatusRead()) {
            return context.connections().withReadTimeout(connection, c -> query.run(c, new StateStore(tables(c))));
        } catch (SQLException e) {
            throw context.connections().readError(e);
        }
    }

    /**
     * The version rows an upgrade plans from, read without changing anything: the table's rows or, when a
     * configured baseline would be stamped first, the rows that stamp writes. For analyses of what an upgrade
     * would run.
     */
    public Set<String> plannedFrom(Connection connection, StateStore store) throws SQLException {
        String baseline = context.settings().baseline();
        if (baseline != null && Baseline.wouldApply(connection, store, context.settings().tablePrefix())) {
            Set<String> rows = new TreeSet<>();
            for (Step step : context.catalog().graph().stamp(Set.of(), baseline).steps()) {
                rows.removeAll(step.removedRows());
                rows.addAll(step.addedRows());
            }
            return rows;
        }
        return store.exists(connection) ? store.versionRows(connection) : Set.of();
    }

    /** Migrator's tables in the configured schema, or in the connection's current schema. */
    StateTables tables(Connection connection) throws SQLException {
        String schema = context.settings().schema();
        return new StateTables(schema != null ? schema : PostgresCatalog.currentSchema(connection),
                context.settings().tablePrefix());
    }
}
