package dev.migrator.internal.safety;

import dev.migrator.ErrorCode;
import dev.migrator.Migration;
import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.postgresql.PostgresDialect;
import dev.migrator.operation.Operation.AutocommitBlock;
import dev.migrator.operation.Operation.ExecuteSql;
import dev.migrator.operation.Operation;
import dev.migrator.operation.Operations;
import dev.migrator.internal.source.LoadedRevision;
import dev.migrator.internal.source.RevisionBody;
import dev.migrator.internal.source.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * A revision as the linter sees it: its upgrade's units, in order, each with its transaction, shapes and
 * suppressions, and whether its downgrade is missing.
 *
 * @param invalidAllows suppressions that name no rule or give no reason (each becomes a finding)
 */
record AnalysedRevision(LoadedRevision revision, List<Unit> units, boolean downgradeEmpty, List<Suppression> invalidAllows) {

    static AnalysedRevision of(LoadedRevision revision) {
        return revision.body() instanceof RevisionBody.Sql sql ? ofSql(revision, sql)
                : ofJava(revision, ((RevisionBody.Java) revision.body()).migration());
    }

    String id() {
        return revision.id();
    }

    private static AnalysedRevision ofSql(LoadedRevision revision, RevisionBody.Sql sql) {
        String[] lines = sql.sourceText().split("\n", -1);
        List<Unit> units = new ArrayList<>();
        List<Suppression> invalid = new ArrayList<>();
        List<SqlStatement> statements = sql.upgrade();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement statement = statements.get(i);
            List<Suppression> allows = Suppression.above(lines, statement.line());
            allows.stream().filter(s -> !s.isValid()).forEach(invalid::add);
            int transaction = revision.transactional() ? 0 : i + 1;
            units.add(new Unit(i + 1, statement.line(), statement.sql(), StatementClassifier.classify(statement.sql()),
                    transaction, false, null, allows));
        }
        boolean downgradeEmpty = revision.irreversible() == null && needsUndo(units) && sql.downgrade().isEmpty();
        return new AnalysedRevision(revision, units, downgradeEmpty, invalid);
    }

    private static AnalysedRevision ofJava(LoadedRevision revision, Migration migration) {
        List<Suppression> allows = Suppression.of(annotatedClass(migration.getClass()));
        List<Operation> upgrade;
        try {
            upgrade = Operations.record(migration::upgrade);
        } catch (RuntimeException e) {
            throw new MigratorException(ErrorCode.REVISION_MALFORMED, "Revision " + revision.id() + " ("
                    + revision.source() + "): upgrade(op) threw " + e + " while its operations were recorded for the "
                    + "safety analysis (no database is touched then). Fix the revision.", e);
        }
        List<Unit> units = new ArrayList<>();
        new Flattener(revision.transactional(), units, allows).walk(upgrade, false);
        boolean downgradeEmpty = false;
        if (revision.irreversible() == null && needsUndo(units)) {
            try {
                downgradeEmpty = Operations.record(migration::downgrade).isEmpty();
            } catch (RuntimeException e) {
                downgradeEmpty = false; // a downgrade that needs the database to decide is not empty
            }
        }
        return new AnalysedRevision(revision, units, downgradeEmpty, allows.stream().filter(s -> !s.isValid()).toList());
    }

    /** Statements whose effect needs no undo: validations, statistics, queries. */
    private static final java.util.Set<String> NOTHING_TO_UNDO = java.util.Set.of("analyze", "select", "vacuum", "refresh");

    /** Whether the upgrade does anything a downgrade would have to undo. */
    private static boolean needsUndo(List<Unit> units) {
        for (Unit unit : units) {
            if (unit.operation() != null && !(unit.operation() instanceof ExecuteSql)) {
                if (!(unit.operation().reverse().orElse(null) instanceof dev.migrator.operation.Operation.NoOperation)) {
                    return true;
                }
                continue;
            }
            for (StatementShape shape : unit.shapes()) {
                boolean validation = shape instanceof StatementShape.AlterTable alter && alter.actions().stream()
                        .allMatch(a -> a instanceof StatementShape.AlterAction.ValidateConstraint);
                boolean harmless = shape instanceof StatementShape.Unknown unknown
                        && NOTHING_TO_UNDO.contains(unknown.kind().split(" ")[0]);
                if (!validation && !harmless) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Class<?> annotatedClass(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(dev.migrator.Revision.class)) {
                return c;
            }
        }
        return type;
    }

    /**
     * Walks a Java revision's operations down to the leaves, numbering them and giving each its transaction as
     * the {@code OperationExecutor} runs it: in a transactional revision, leaves share the revision's transaction
     * until one must run outside it (a concurrent index build, a batch update, an autocommit block), which runs
     * on its own and is followed by a new transaction; in a non-transactional revision each leaf commits alone.
     */
    private static final class Flattener {
        /** What composite operations are made of: as the executor runs them. */
        private static final PostgresDialect POSTGRES = new PostgresDialect();

        private final boolean transactional;
        private final List<Unit> units;
        private final List<Suppression> allows;
        private int transaction;

        Flattener(boolean transactional, List<Unit> units, List<Suppression> allows) {
            this.transactional = transactional;
            this.units = units;
            this.allows = allows;
        }

        void walk(List<Operation> operations, boolean autocommit) {
            for (Operation operation : operations) {
                List<Operation> parts = POSTGRES.parts(operation);
                if (operation instanceof AutocommitBlock) {
                    walk(parts, true);
                    transaction++;
                } else if (!parts.isEmpty()) {
                    walk(parts, autocommit);
                } else {
                    boolean outside = autocommit || operation.runsOutsideTransaction();
                    boolean alone = !transactional || outside;
                    if (alone) {
                        transaction++;
                    }
                    String sql = operation instanceof ExecuteSql execute ? execute.sql() : operation.describe();
                    units.add(new Unit(units.size() + 1, 0, sql, OperationShapes.of(operation), transaction, outside, operation,
                            allows));
                    if (alone) {
                        transaction++;
                    }
                }
            }
        }
    }
}
