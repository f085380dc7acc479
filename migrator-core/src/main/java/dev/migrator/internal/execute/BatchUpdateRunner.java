package dev.migrator.internal.execute;

import dev.migrator.internal.support.DurationText;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.Dialect;
import dev.migrator.internal.dialect.postgresql.PostgresCatalog;
import dev.migrator.internal.dialect.postgresql.PostgresErrors;
import dev.migrator.internal.dialect.postgresql.PostgresText;
import dev.migrator.operation.BatchProgress;
import dev.migrator.operation.SafePattern.BatchUpdate;
import dev.migrator.internal.state.BatchProgressTable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link BatchUpdate}: walks the key in ranges of {@code batchSize} rows ({@code key > cursor ORDER BY
 * key LIMIT n}, then {@code UPDATE ... WHERE key > cursor AND key <= upper AND (predicate)}), one commit per
 * batch, saving the cursor in the same transaction as the batch, in the {@link BatchProgressTable} keyed by
 * revision and operation position. A rerun after a crash resumes after the saved cursor; the row is deleted
 * when the update completes.
 *
 * <p>Batches are ranges of the key, not of the predicate's rows, so rows leaving the predicate as they are
 * updated (or through concurrent writes) never shift a window, which is how an OFFSET loop skips rows.
 * The predicate is re-checked by the {@code UPDATE} itself, after waiting for concurrent writers of a row.
 */
final class BatchUpdateRunner {

    private static final Logger log = LoggerFactory.getLogger(BatchUpdateRunner.class);
    private static final Set<String> NUMERIC_TYPES = Set.of("smallint", "integer", "bigint", "numeric");

    private final Connection connection;
    private final Dialect dialect;
    private final ExecutionContext context;
    private final String position;
    private final BatchProgressTable progress;

    BatchUpdateRunner(Connection connection, Dialect dialect, ExecutionContext context, String position) {
        this.connection = connection;
        this.dialect = dialect;
        this.context = context;
        this.position = position;
        this.progress = context.progressTable();
    }

    void run(BatchUpdate update) {
        boolean wasAutoCommit;
        String previousLockTimeout = null;
        try {
            wasAutoCommit = connection.getAutoCommit();
            if (!wasAutoCommit) {
                // batches commit one by one: first end the revision's open transaction
                connection.commit();
            }
            connection.setAutoCommit(true);
            progress.create(connection);
            if (context.lockTimeout() != null) {
                // a session setting, set once: per batch it would cost round trips inside every batch
                previousLockTimeout = Sessions.setLockTimeout(connection, context.lockTimeout());
            }
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new MigratorException(PostgresErrors.classify(e, ErrorCode.INTERNAL), update.describe() + ": could not prepare the "
                    + "batch progress table " + progress.name() + ": " + PostgresErrors.describe(e), e);
        }
        try {
            walk(update);
        } finally {
            try {
                rollbackQuietly(); // a failed batch is rolled back already; this only ends an idle transaction
                connection.setAutoCommit(true);
                if (previousLockTimeout != null) {
                    Sessions.setting(connection, "lock_timeout", previousLockTimeout);
                }
                connection.setAutoCommit(wasAutoCommit);
                if (!wasAutoCommit) {
                    OperationExecutor.reapplyLockTimeout(connection, context);
                }
            } catch (SQLException e) {
                log.warn("Could not restore the connection's transaction mode: {}", e.getMessage());
            }
        }
    }

    private void walk(BatchUpdate update) {
        String table = qualified(update.table());
        Key key;
        String cursor;
        long[] bounds;
        try {
            key = key(update, table);
            cursor = progress.cursor(connection, context.revisionId(), position);
            bounds = NUMERIC_TYPES.contains(key.type()) ? numericBounds(table, key) : null;
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new MigratorException(PostgresErrors.classify(e, ErrorCode.INTERNAL), update.describe() + ": could not read the "
                    + "table's key: " + PostgresErrors.describe(e), e);
        }
        if (cursor != null) {
            log.info("batchUpdate {}: resuming after {} = {} (saved by an interrupted run)", update.table(), key.name(), cursor);
        }
        String column = dialect.quote(key.name());
        // the upper key of the next batch: the last of the next batchSize keys (an index range scan)
        String upperFirst = "SELECT s.k::text AS upper_key FROM (SELECT " + column + " AS k FROM " + table
                + " ORDER BY " + column + " LIMIT ?) s ORDER BY s.k DESC LIMIT 1";
        String upperNext = "SELECT s.k::text AS upper_key FROM (SELECT " + column + " AS k FROM " + table + " WHERE "
                + column + " > CAST(? AS " + key.type() + ") ORDER BY " + column + " LIMIT ?) s ORDER BY s.k DESC LIMIT 1";
        String predicate = update.whereSql() == null ? "" : " AND (" + update.whereSql() + ")";
        String updateFirst = "UPDATE " + table + " SET " + update.setSql() + " WHERE " + column + " <= CAST(? AS "
                + key.type() + ")" + predicate;
        String updateNext = "UPDATE " + table + " SET " + update.setSql() + " WHERE " + column + " > CAST(? AS "
                + key.type() + ") AND " + column + " <= CAST(? AS " + key.type() + ")" + predicate;

        long started = System.nanoTime();
        long rows = 0;
        int batch = 0;
        while (true) {
            String upper;
            int updated;
            try {
                try (PreparedStatement select = connection.prepareStatement(cursor == null ? upperFirst : upperNext)) {
                    int p = 1;
                    if (cursor != null) {
                        select.setString(p++, cursor);
                    }
                    select.setInt(p, update.batchSize());
                    try (ResultSet rs = select.executeQuery()) {
                        upper = rs.next() ? rs.getString(1) : null;
                    }
                }
                if (upper == null) {
                    progress.clear(connection, context.revisionId(), position);
                    connection.commit();
                    break;
                }
                try (PreparedStatement change = connection.prepareStatement(cursor == null ? updateFirst : updateNext)) {
                    int p = 1;
                    if (cursor != null) {
                        change.setString(p++, cursor);
                    }
                    change.setString(p, upper);
                    updated = change.executeUpdate();
                }
                progress.save(connection, context.revisionId(), position, update.table(), upper, updated);
                connection.commit();
            } catch (SQLException e) {
                rollbackQuietly();
                String where = cursor == null ? "at the start" : "after " + key.name() + " = " + cursor;
                throw new MigratorException(PostgresErrors.classify(e, ErrorCode.STATEMENT_FAILED), update.describe() + " failed in batch "
                        + (batch + 1) + " " + where + ": "
                        + PostgresErrors.describe(e) + ". " + (cursor == null ? "No batch was committed. "
                                : "Batches up to " + key.name() + " = " + cursor + " are committed; ")
                        + "running the migration again resumes after it.", e);
            }
            cursor = upper;
            batch++;
            rows += updated;
            report(update, batch, cursor, rows, started, bounds);
            pause(update.pause());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("batchUpdate {}: done, {} rows in {} batches, {}", update.table(), rows, batch, DurationText.rounded(took));
    }

    private void report(BatchUpdate update, int batch, String cursor, long rows, long started, long[] bounds) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        double rate = rows / seconds;
        double fraction = -1;
        Duration eta = null;
        if (bounds != null && bounds[1] > bounds[0]) {
            fraction = Math.min(1.0, Math.max(0.0,
                    (new BigDecimal(cursor).doubleValue() - bounds[0]) / (double) (bounds[1] - bounds[0])));
            if (fraction > 0) {
                eta = Duration.ofMillis((long) (elapsed.toMillis() * (1 - fraction) / fraction));
            }
        }
        BatchProgress progress = new BatchProgress(update.table(), batch, cursor, rows, elapsed, rate, fraction, eta);
        log.info("batchUpdate {}: batch {}, {} rows done, {} rows/s{}", update.table(), batch, rows, Math.round(rate),
                fraction < 0 ? "" : String.format(", %.1f%% of key range, ETA %s", fraction * 100,
                        DurationText.rounded(eta == null ? Duration.ZERO : eta)));
        if (update.listener() != null) {
            update.listener().onBatch(progress);
        }
        if (context.batchProgress() != null) {
            context.batchProgress().onBatch(progress);
        }
    }

    private static void pause(Duration pause) {
        if (pause.isZero() || pause.isNegative()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis()); // throttling between batches, deliberately: lets replicas and vacuum keep up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigratorException(ErrorCode.INTERRUPTED, "batchUpdate interrupted; running the migration again resumes where it stopped");
        }
    }

    private record Key(String name, String type) {}

    private Key key(BatchUpdate update, String table) throws SQLException {
        if (update.keyColumn() != null) {
            String type = PostgresCatalog.columnType(connection, table, update.keyColumn());
            if (type == null) {
                throw new MigratorException(ErrorCode.STATEMENT_FAILED, update.describe() + ": table " + update.table()
                        + " has no column " + update.keyColumn());
            }
            return new Key(update.keyColumn(), type);
        }
        List<PostgresCatalog.TypedColumn> primaryKey = PostgresCatalog.primaryKey(connection, table);
        if (primaryKey.isEmpty()) {
            throw new MigratorException(ErrorCode.STATEMENT_FAILED, update.describe() + ": table " + update.table()
                    + " has no primary key; name a unique, indexed column with keyColumn(...)");
        }
        if (primaryKey.size() > 1) {
            throw new MigratorException(ErrorCode.STATEMENT_FAILED, update.describe() + ": the primary key of " + update.table()
                    + " has several columns; name one unique, indexed column with keyColumn(...)");
        }
        return new Key(primaryKey.get(0).name(), primaryKey.get(0).type());
    }

    private long[] numericBounds(String table, Key key) throws SQLException {
        String column = dialect.quote(key.name());
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT min(" + column + ")::float8, max(" + column + ")::float8 FROM " + table)) {
            rs.next();
            return rs.getObject(1) == null ? null : new long[] {(long) rs.getDouble(1), (long) rs.getDouble(2)};
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("Rollback after a failed batch failed too: {}", e.getMessage());
        }
    }

    private static String qualified(String name) {
        return PostgresText.qualified(name);
    }
}
