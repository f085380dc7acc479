package dev.migrator.internal.execute;

import dev.migrator.internal.source.LoadedRevision;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timeouts one revision runs under: its {@code Lock-Timeout} (else the configured one) and the
 * configured {@code statement_timeout}. Inside a transaction they are {@code SET LOCAL}; for autocommit
 * work they are session settings, set before every attempt (Migrator's own repairs included) and reset
 * after it.
 */
record StepTimeouts(Duration lockTimeout, Duration statementTimeout) {

    private static final Logger log = LoggerFactory.getLogger(StepTimeouts.class);

    static StepTimeouts of(LoadedRevision revision, EngineSettings settings) {
        return new StepTimeouts(revision.lockTimeout() != null ? revision.lockTimeout() : settings.lockTimeout(),
                settings.statementTimeout());
    }

    /** The first statements of the revision's transaction. */
    List<ExecutableStatement> local() {
        List<ExecutableStatement> sql = new ArrayList<>();
        sql.add(ExecutableStatement.engine("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'"));
        if (!statementTimeout.isZero()) {
            sql.add(ExecutableStatement.engine("SET LOCAL statement_timeout = '" + statementTimeout.toMillis() + "ms'"));
        }
        return sql;
    }

    /**
     * Sets both for the session, in one round trip ({@code statement_timeout} even when off, so that a role's
     * or database's default does not apply to only some of the revision's statements).
     */
    void setForSession(Connection connection) throws StatementRunner.StatementFailure {
        String sql = "SET lock_timeout = '" + lockTimeout.toMillis() + "ms'; SET statement_timeout = '"
                + statementTimeout.toMillis() + "ms'";
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new StatementRunner.StatementFailure(ExecutableStatement.engine(sql), e);
        }
    }

    static void resetForSession(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET lock_timeout; RESET statement_timeout");
        } catch (SQLException e) {
            log.debug("Could not reset timeouts", e);
        }
    }
}
