package dev.migrator.autoconfigure.status;

import dev.migrator.result.MigratorStatus;

/**
 * Told the status an evaluation of the checks read first ({@link MigrationChecks#evaluateAfterStatus}), so that
 * the request that started it answers with that status, and decides whether the checks run.
 */
public interface StatusGate {

    /** The status as just read; true to go on and evaluate the checks with it on the same connection. */
    boolean read(MigratorStatus status);

    /** The status could not be read (the database is down or does not answer): no check runs. */
    void failed(RuntimeException failure);
}
