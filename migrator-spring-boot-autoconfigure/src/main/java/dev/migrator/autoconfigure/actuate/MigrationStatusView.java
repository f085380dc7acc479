package dev.migrator.autoconfigure.actuate;

import dev.migrator.MigrationState;
import dev.migrator.Migrator;
import dev.migrator.MigratorStatus;
import dev.migrator.autoconfigure.MigratorStartupStatus;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The database state as the engine reads it, corrected by what this process knows of its own
 * startup run: a run in progress is MIGRATING, a failed startup run is FAILED even when the failure
 * left no trace in the history table (a changed checksum, an unreachable database).
 */
public class MigrationStatusView {

    private final ObjectProvider<Migrator> migrator;
    private final ObjectProvider<MigratorStartupStatus> startup;

    public MigrationStatusView(ObjectProvider<Migrator> migrator, ObjectProvider<MigratorStartupStatus> startup) {
        this.migrator = migrator;
        this.startup = startup;
    }

    public MigratorStatus status() {
        MigratorStatus status = migrator.getObject().status();
        MigratorStartupStatus startupStatus = startup.getIfAvailable();
        if (startupStatus == null) {
            return status;
        }
        MigratorStartupStatus.State state = startupStatus.state();
        if (state == MigratorStartupStatus.State.FAILED && status.state() != MigrationState.MIGRATING) {
            return with(status, MigrationState.FAILED);
        }
        if (state == MigratorStartupStatus.State.RUNNING) {
            return with(status, MigrationState.MIGRATING);
        }
        return status;
    }

    private static MigratorStatus with(MigratorStatus status, MigrationState state) {
        return new MigratorStatus(state, status.current(), status.heads(), status.pending(), status.applied(),
                status.deferred());
    }
}
