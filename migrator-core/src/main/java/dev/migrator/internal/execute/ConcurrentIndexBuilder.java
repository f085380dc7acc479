package dev.migrator.internal.execute;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.Dialect;
import dev.migrator.internal.dialect.RenderContext;
import dev.migrator.internal.dialect.postgresql.PostgresCatalog;
import dev.migrator.internal.dialect.postgresql.PostgresErrors;
import dev.migrator.internal.dialect.postgresql.PostgresText;
import dev.migrator.operation.IndexOperation.CreateIndex;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code CREATE INDEX CONCURRENTLY} with its failure mode handled: a failed build (duplicate keys for a
 * unique index, a deadlock, a cancelled or killed session) leaves an INVALID index that still slows every
 * write and makes {@code IF NOT EXISTS} report success. The builder drops such a leftover before building
 * and after a failure, so a rerun starts clean. Needs a connection in autocommit mode.
 */
final class ConcurrentIndexBuilder {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentIndexBuilder.class);

    private final Connection connection;
    private final Dialect dialect;

    ConcurrentIndexBuilder(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    void create(CreateIndex index, RenderContext context) {
        String name = quotedName(index);
        try {
            if (Boolean.FALSE.equals(PostgresCatalog.indexValidity(connection, name))) {
                log.warn("Index {} exists but is INVALID (left by a failed concurrent build); dropping it before building",
                        name);
                dropConcurrently(name);
            }
        } catch (SQLException e) {
            // the drop waits for every transaction holding a lock on the table, as the build does: under the
            // session's lock_timeout it fails like the build would (and is retried the same way)
            throw new MigratorException(PostgresErrors.classify(e, ErrorCode.INTERNAL), "Could not drop the INVALID leftover of "
                    + "index " + name + " before building it: " + PostgresErrors.describe(e), e);
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : dialect.render(index, context)) {
                statement.execute(sql);
            }
        } catch (SQLException failure) {
            ErrorCode code = PostgresErrors.classify(failure, ErrorCode.STATEMENT_FAILED);
            throw new MigratorException(code, index.describe() + " CONCURRENTLY failed: " + PostgresErrors.describe(failure)
                    + ". " + cleanUpAfter(name, code) + (code == ErrorCode.STATEMENT_FAILED ? "Fix the cause (for a unique "
                    + "index: remove the duplicate rows) and run the migration again." : ""), failure);
        }
    }

    private String cleanUpAfter(String name, ErrorCode code) {
        if (code == ErrorCode.CONNECTION_LOST) {
            return "The next run drops the INVALID index " + name + " it may have left before building it again. ";
        }
        try {
            if (Boolean.FALSE.equals(PostgresCatalog.indexValidity(connection, name))) {
                dropConcurrently(name);
                return "The INVALID index " + name + " the failed build left was dropped, so a rerun starts clean. ";
            }
            return "";
        } catch (SQLException e) {
            return "The INVALID index " + name + " it left could not be dropped yet (" + PostgresErrors.describe(e)
                    + "): the next attempt or run drops it first, or drop it with DROP INDEX CONCURRENTLY " + name + ". ";
        }
    }

    private void dropConcurrently(String quotedName) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP INDEX CONCURRENTLY IF EXISTS " + quotedName);
        }
    }

    private static String quotedName(CreateIndex index) {
        return PostgresText.qualified(index.qualifiedName());
    }
}
