package dev.migrator.internal.execute;

import dev.migrator.ErrorCode;
import dev.migrator.Direction;
import dev.migrator.Migration;
import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.Dialect;
import dev.migrator.internal.dialect.RenderContext;
import dev.migrator.internal.dialect.postgresql.PostgresText;
import dev.migrator.operation.Operation.ExecuteSql;
import dev.migrator.operation.Operation;
import dev.migrator.operation.Operations;
import dev.migrator.internal.source.LoadedRevision;
import dev.migrator.internal.source.RevisionBody;
import dev.migrator.internal.source.SqlStatement;
import dev.migrator.internal.source.TransactionControl;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a revision body into the statements to send: a SQL file's statements as written, a Java
 * revision's recorded {@link Operation}s rendered by the dialect ({@link ExecuteSql} keeps its JDBC
 * parameters). The one place that knows how operations become SQL for both online and offline runs.
 */
final class RevisionStatements {

    private final Dialect dialect;

    RevisionStatements(Dialect dialect) {
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    List<ExecutableStatement> statements(LoadedRevision revision, Direction direction) {
        List<ExecutableStatement> statements = new ArrayList<>();
        if (revision.body() instanceof RevisionBody.Sql sql) {
            List<SqlStatement> section = direction == Direction.DOWNGRADE ? sql.downgrade() : sql.upgrade();
            for (SqlStatement statement : section) {
                statements.add(new ExecutableStatement(statement.sql(), List.of(), revision.source(), statement.line(), -1));
            }
        } else if (revision.body() instanceof RevisionBody.Java) {
            RenderContext context = revision.transactional() ? RenderContext.TRANSACTIONAL : RenderContext.NON_TRANSACTIONAL;
            for (Operation operation : operations(revision, direction)) {
                if (operation instanceof ExecuteSql sql) {
                    statements.add(new ExecutableStatement(sql.sql(), sql.params(), revision.source(), 0, -1));
                } else {
                    for (String rendered : dialect.render(operation, context)) {
                        statements.add(new ExecutableStatement(rendered, List.of(), revision.source(), 0, -1));
                    }
                }
            }
        }
        return statements;
    }

    /**
     * The operations a Java revision records for {@code direction}. Operations that must run outside a
     * transaction (batch updates, concurrent index builds, autocommit blocks) are refused in a
     * transactional revision before anything of it runs: they would commit half of it. So is a
     * transaction-control statement in {@code op.execute(sql)} (COMMIT, BEGIN, ...).
     */
    static List<Operation> operations(LoadedRevision revision, Direction direction) {
        Migration migration = ((RevisionBody.Java) revision.body()).migration();
        List<Operation> operations = Operations.record(
                direction == Direction.DOWNGRADE ? migration::downgrade : migration::upgrade);
        if (revision.transactional()) {
            for (Operation operation : operations) {
                if (operation.runsOutsideTransaction()) {
                    throw new MigratorException(ErrorCode.REVISION_MALFORMED, "Revision " + revision.id() + " (" + revision.source() + ") uses "
                            + operation.describe() + ", which cannot run inside the revision's transaction. Declare it "
                            + "@Revision(transactional = false) and keep it idempotent (batch updates resume, INVALID "
                            + "indexes are dropped on a rerun).");
                }
                String control = operation instanceof ExecuteSql sql ? TransactionControl.firstIn(sql.sql()) : null;
                if (control != null) {
                    // The same rule as for SQL files: the revision and its version row commit together or not at all.
                    throw new MigratorException(ErrorCode.REVISION_MALFORMED, "Revision " + revision.id() + " ("
                            + revision.source() + ") runs \"" + control + "\" through op.execute(...), but it is "
                            + "transactional: Migrator runs it and its version-table row in one transaction of its "
                            + "own, which this would end or reopen. Remove it, or declare @Revision(transactional = "
                            + "false) to run the statements as written in autocommit mode (then keep it idempotent).");
                }
            }
        }
        return operations;
    }

    /**
     * The operations a non-transactional Java revision must run through the {@link OperationExecutor}
     * (it has runtime operations), recorded once for all attempts; null when its statements suffice.
     */
    static List<Operation> forOperationExecutor(LoadedRevision revision, Direction direction) {
        if (!(revision.body() instanceof RevisionBody.Java) || revision.transactional()) {
            return null;
        }
        List<Operation> operations = operations(revision, direction);
        for (Operation operation : operations) {
            if (operation.runsOutsideTransaction()) {
                return operations;
            }
        }
        return null;
    }

    /** The statement as a script line: parameters inlined as literals, ending in a semicolon. */
    String offline(ExecutableStatement statement) {
        String sql = statement.params().isEmpty() ? statement.sql() : inline(statement.sql(), statement.params());
        return terminated(sql);
    }

    static String terminated(String sql) {
        String body = sql.strip();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).stripTrailing();
        }
        int lastLine = body.lastIndexOf('\n');
        // A trailing line comment would swallow the semicolon.
        return body.substring(lastLine + 1).contains("--") ? body + "\n;" : body + ";";
    }

    /** Replaces {@code ?} placeholders outside quotes with literals. */
    private String inline(String sql, List<Object> params) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                out.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (c == '?' && next < params.size()) {
                out.append(PostgresText.literal(params.get(next++)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
