package dev.migrator.internal.execute;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.Dialect;
import dev.migrator.internal.dialect.RenderContext;
import dev.migrator.internal.dialect.postgresql.PostgresErrors;
import dev.migrator.operation.Operation.AutocommitBlock;
import dev.migrator.operation.SafePattern.BatchUpdate;
import dev.migrator.operation.IndexOperation.CreateIndex;
import dev.migrator.operation.Operation.ExecuteSql;
import dev.migrator.operation.Operation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs recorded operations on one connection: plain ones as the statements {@link Dialect#render} gives,
 * the runtime ones ({@link BatchUpdate}, {@code createIndex(...).concurrently()}, {@link AutocommitBlock})
 * with the transaction handling they need.
 *
 * <p><b>Transactions.</b> For a transactional revision the caller opens the transaction
 * ({@code setAutoCommit(false)}) and commits it together with the version-table row; the executor runs
 * plain operations inside it. An operation that cannot run in a transaction ends that transaction first,
 * the way Alembic's {@code autocommit_block} does: the executor commits what ran so far, runs the operation
 * in its own transactions (one per batch) or in autocommit, and leaves the connection as it found it, so
 * the rest of the revision runs in a new transaction the caller commits. A revision using such operations is
 * therefore not atomic; declare it {@code transactional = false} and keep it idempotent (non-transactional
 * rendering adds {@code IF [NOT] EXISTS} where PostgreSQL has it, and a rerun resumes batch updates and
 * drops INVALID indexes left by a failed concurrent build).
 *
 * <p>The same objects rendered by the offline writer run here, so offline SQL is what runs online, except
 * that a batch update is written offline as one statement.
 */
final class OperationExecutor {

    private static final Logger log = LoggerFactory.getLogger(OperationExecutor.class);

    private final Connection connection;
    private final Dialect dialect;
    private final BiConsumer<Operation, String> notices;

    OperationExecutor(Connection connection, Dialect dialect) {
        this(connection, dialect, (operation, notice) -> log.info("{}: {}", operation.describe(), notice));
    }

    /**
     * @param notices receives the server's notices per operation (e.g. "already exists, skipping" on a guarded
     *     rerun); the default logs them
     */
    OperationExecutor(Connection connection, Dialect dialect, BiConsumer<Operation, String> notices) {
        this.connection = connection;
        this.dialect = dialect;
        this.notices = notices;
    }

    /** Runs {@code operations} in order; a failure is a {@link MigratorException} naming the operation. */
    void execute(List<Operation> operations, ExecutionContext context) {
        for (int i = 0; i < operations.size(); i++) {
            run(operations.get(i), String.valueOf(i + 1), context, false);
        }
    }

    /**
     * The one dispatch of execution: a composite runs its parts (an autocommit block in autocommit), a batch
     * update and a concurrent index build run through their runners, any other operation that
     * {@linkplain Operation#runsOutsideTransaction() runs outside a transaction} runs in autocommit, and the
     * rest as the statements the dialect renders, in the caller's transaction.
     */
    private void run(Operation operation, String position, ExecutionContext context, boolean inAutocommitBlock) {
        List<Operation> parts = dialect.parts(operation);
        if (operation instanceof AutocommitBlock) {
            inAutocommit(context, () -> runParts(parts, position, context, true));
        } else if (!parts.isEmpty()) {
            runParts(parts, position, context, inAutocommitBlock);
        } else if (operation instanceof BatchUpdate batch) {
            new BatchUpdateRunner(connection, dialect, context, position).run(batch);
        } else if (operation instanceof CreateIndex index && index.concurrently()) {
            inAutocommit(context, () -> new ConcurrentIndexBuilder(connection, dialect).create(index,
                    RenderContext.NON_TRANSACTIONAL));
        } else if (operation.runsOutsideTransaction()) {
            inAutocommit(context, () -> statements(operation, RenderContext.NON_TRANSACTIONAL));
        } else {
            boolean transactional = context.transactional() && !inAutocommitBlock;
            statements(operation, transactional ? RenderContext.TRANSACTIONAL : RenderContext.NON_TRANSACTIONAL);
        }
    }

    private void runParts(List<Operation> parts, String position, ExecutionContext context, boolean inAutocommitBlock) {
        for (int j = 0; j < parts.size(); j++) {
            run(parts.get(j), position + "." + (j + 1), context, inAutocommitBlock);
        }
    }

    private void statements(Operation operation, RenderContext renderContext) {
        try {
            if (operation instanceof ExecuteSql sql && !sql.params().isEmpty()) {
                try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
                    for (int p = 0; p < sql.params().size(); p++) {
                        statement.setObject(p + 1, sql.params().get(p));
                    }
                    statement.execute();
                }
                return;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : dialect.render(operation, renderContext)) {
                    statement.execute(sql);
                    logNotices(operation, statement.getWarnings());
                    statement.clearWarnings();
                }
            }
        } catch (SQLException e) {
            throw new MigratorException(PostgresErrors.classify(e, ErrorCode.STATEMENT_FAILED), operation.describe() + " failed: "
                    + PostgresErrors.describe(e), e);
        }
    }

    private void logNotices(Operation operation, SQLWarning warning) {
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            notices.accept(operation, w.getMessage());
        }
    }

    /**
     * The revision's {@code SET LOCAL lock_timeout} ended with the transaction the executor committed; the new
     * transaction gets the context's timeout again.
     */
    static void reapplyLockTimeout(Connection connection, ExecutionContext context) throws SQLException {
        if (context.lockTimeout() != null) {
            Sessions.setLockTimeout(connection, context.lockTimeout());
        }
    }

    /**
     * Commits the open transaction (if any), runs {@code body} with autocommit on and the context's lock
     * timeout as a session setting, then restores the connection's transaction mode and setting.
     */
    private void inAutocommit(ExecutionContext context, Runnable body) {
        boolean wasAutoCommit;
        String previousLockTimeout = null;
        try {
            wasAutoCommit = connection.getAutoCommit();
            if (!wasAutoCommit) {
                log.info("Committing the revision's work so far: the next operation runs outside a transaction");
                connection.commit();
                connection.setAutoCommit(true);
            }
            if (context.lockTimeout() != null) {
                previousLockTimeout = Sessions.setLockTimeout(connection, context.lockTimeout());
            }
        } catch (SQLException e) {
            throw new MigratorException(PostgresErrors.classify(e, ErrorCode.INTERNAL), "Could not leave the revision's transaction: "
                    + PostgresErrors.describe(e), e);
        }
        try {
            body.run();
        } finally {
            try {
                if (previousLockTimeout != null) {
                    Sessions.setting(connection, "lock_timeout", previousLockTimeout);
                }
                if (!wasAutoCommit) {
                    connection.setAutoCommit(false);
                    reapplyLockTimeout(connection, context);
                }
            } catch (SQLException e) {
                log.warn("Could not restore the connection's transaction mode: {}", e.getMessage());
            }
        }
    }
}
