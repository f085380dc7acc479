package dev.migrator.execute;

import dev.migrator.ContractPolicy;
import dev.migrator.UnknownRevisionPolicy;
import dev.migrator.event.MigrationListener;
import java.time.Duration;
import java.util.List;

/** The configuration the engine runs with, validated by the facade. Holds no credentials. */
public record EngineSettings(
        String schema,
        String tablePrefix,
        Duration lockTimeout,
        Duration statementTimeout,
        int lockRetries,
        Duration advisoryLockWait,
        boolean validateChecksums,
        UnknownRevisionPolicy onUnknownRevision,
        ContractPolicy contract,
        List<MigrationListener> listeners) {

    public EngineSettings {
        listeners = List.copyOf(listeners);
    }
}
