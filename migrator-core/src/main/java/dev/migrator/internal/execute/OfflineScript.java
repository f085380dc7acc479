package dev.migrator.internal.execute;

import dev.migrator.ErrorCode;
import dev.migrator.Direction;
import dev.migrator.MigratorException;
import dev.migrator.internal.state.BookkeepingStatement;
import dev.migrator.internal.state.HistoryLayout;
import dev.migrator.internal.state.HistoryRow;
import dev.migrator.internal.state.StateTables;
import dev.migrator.internal.dialect.postgresql.PostgresDialect;
import dev.migrator.internal.revision.Plan;
import dev.migrator.internal.revision.Step;
import dev.migrator.internal.source.LoadedRevision;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Renders the complete SQL script of an upgrade or downgrade without any database access: the
 * same statements, lock settings and bookkeeping an online run sends, for review or for a DBA
 * to run with {@code psql -v ON_ERROR_STOP=1 -f}.
 */
public final class OfflineScript {

    private final EngineSettings settings;
    private final Catalog catalog;
    private final StateTables tables;
    private final RevisionStatements statements;
    private final String appliedBy;

    /** @param appliedBy who the history rows of the script name */
    public OfflineScript(EngineSettings settings, Catalog catalog, String appliedBy) {
        this.settings = settings;
        this.catalog = catalog;
        this.tables = new StateTables(settings.schema(), settings.tablePrefix());
        this.statements = new RevisionStatements(new PostgresDialect());
        this.appliedBy = appliedBy;
    }

    /**
     * The version rows a script starts from: {@code base} (or empty) for none, comma-separated ids,
     * or any target, meaning the rows an upgrade from base to it would leave.
     */
    public Set<String> rowsOf(String from) {
        String spec = from == null ? "" : from.strip();
        if (spec.isEmpty() || spec.equals("base")) {
            return Set.of();
        }
        if (spec.contains(",")) {
            Set<String> rows = new LinkedHashSet<>();
            for (String id : spec.split(",")) {
                rows.add(catalog.graph().resolveId(id.strip()));
            }
            return rows;
        }
        return catalog.graph().upgrade(Set.of(), spec).after();
    }

    public String upgrade(String from, String to) {
        Set<String> rows = rowsOf(from);
        return render(Direction.UPGRADE, from, to, catalog.graph().upgrade(rows, to));
    }

    public String downgrade(String from, String to) {
        Set<String> rows = rowsOf(from);
        Plan plan = catalog.graph().downgrade(rows, to);
        for (Step step : plan.steps()) {
            LoadedRevision revision = catalog.get(step.revision());
            if (revision.irreversible() != null) {
                throw new MigratorException(ErrorCode.IRREVERSIBLE, "Cannot render a downgrade across revision " + revision.id() + " ("
                        + revision.source() + "): it is irreversible: \"" + revision.irreversible() + "\"");
            }
        }
        return render(Direction.DOWNGRADE, from, to, plan);
    }

    /**
     * The script of a stamp from {@code from} to {@code to}: the version-table changes and the stamp history
     * rows an online stamp writes, in one transaction; no revision's statements.
     */
    public String stamp(String from, String to) {
        Plan plan = catalog.graph().stamp(rowsOf(from), to);
        StringBuilder sql = header(Direction.STAMP, from, to, plan);
        if (!plan.steps().isEmpty()) {
            StateTables run = tables.forRun(HistoryLayout.offlineRunId());
            sql.append("\nBEGIN;\n");
            for (Step step : plan.steps()) {
                bookkeeping(sql, run, step, catalog.stampRow(step, appliedBy));
            }
            sql.append("COMMIT;\n");
        }
        return sql.toString();
    }

    /** The comment lines, the state tables' creation and the script's run id, shared by every kind of script. */
    private StringBuilder header(Direction direction, String from, String to, Plan plan) {
        StringBuilder sql = new StringBuilder();
        sql.append("-- Migrator offline script: ").append(direction.label()).append(" from ")
                .append(from == null || from.isBlank() ? "base" : from).append(" to ").append(to).append('\n');
        sql.append("-- Generated ").append(Instant.now()).append(" by ").append(appliedBy).append("; ")
                .append(plan.steps().size()).append(direction == Direction.STAMP ? " version-table change(s)\n" : " revision(s)\n");
        sql.append("-- Version table before: ").append(plan.before().isEmpty() ? "(empty)" : plan.before())
                .append(", after: ").append(plan.after().isEmpty() ? "(empty)" : plan.after()).append('\n');
        sql.append("-- Run with: psql -v ON_ERROR_STOP=1 -f <this file>\n\n");
        for (String ddl : tables.createStatements()) {
            sql.append(ddl).append(";\n");
        }
        // the script's run id, as an online run draws one: every history row below carries it
        sql.append(HistoryLayout.offlineRunIdSetup()).append(";\n");
        return sql;
    }

    private String render(Direction direction, String from, String to, Plan plan) {
        StringBuilder sql = header(direction, from, to, plan);
        StateTables run = tables.forRun(HistoryLayout.offlineRunId());
        for (int i = 0; i < plan.steps().size(); i++) {
            Step step = plan.steps().get(i);
            LoadedRevision revision = catalog.get(step.revision());
            sql.append("\n-- ").append(direction.label()).append(' ').append(revision.id()).append(": ")
                    .append(revision.message()).append(" (").append(revision.source()).append(")\n");
            HistoryRow row = new HistoryRow(revision.id(), revision.node().revises(), direction, revision.message(),
                    revision.phase(), revision.checksum(), "now()", true, null, appliedBy);
            Duration lockTimeout = revision.lockTimeout() != null ? revision.lockTimeout() : settings.lockTimeout();
            if (revision.transactional()) {
                sql.append("BEGIN;\n");
                sql.append("SET LOCAL lock_timeout = '").append(lockTimeout.toMillis()).append("ms';\n");
                if (!settings.statementTimeout().isZero()) {
                    sql.append("SET LOCAL statement_timeout = '").append(settings.statementTimeout().toMillis()).append("ms';\n");
                }
                body(sql, revision, direction);
                bookkeeping(sql, run, step, row);
                sql.append("COMMIT;\n");
            } else {
                sql.append("-- non-transactional: runs in autocommit\n");
                sql.append("SET lock_timeout = '").append(lockTimeout.toMillis()).append("ms';\n");
                sql.append("SET statement_timeout = '").append(settings.statementTimeout().toMillis()).append("ms';\n");
                body(sql, revision, direction);
                sql.append("RESET lock_timeout;\nRESET statement_timeout;\n");
                sql.append("BEGIN;\n");
                bookkeeping(sql, run, step, row);
                sql.append("COMMIT;\n");
            }
        }
        return sql.toString();
    }

    private void body(StringBuilder sql, LoadedRevision revision, Direction direction) {
        for (ExecutableStatement statement : statements.statements(revision, direction)) {
            sql.append(statements.offline(statement)).append('\n');
        }
    }

    private static void bookkeeping(StringBuilder sql, StateTables run, Step step, HistoryRow row) {
        for (BookkeepingStatement statement : run.versionChange(step.removedRows(), step.addedRows())) {
            sql.append(statement.sql()).append(";\n");
        }
        sql.append(run.historyInsert(row)).append(";\n");
    }
}
