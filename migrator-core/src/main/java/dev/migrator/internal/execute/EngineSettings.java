package dev.migrator.internal.execute;

import dev.migrator.ContractPolicy;
import dev.migrator.UnknownRevisionPolicy;
import dev.migrator.event.MigrationListener;
import java.time.Duration;
import java.util.List;

/**
 * The configuration the engine runs with, validated by the facade. Holds no credentials.
 *
 * @param baseline the target stamped before an upgrade of a schema with tables but no Migrator state, or null
 * @param checkTimeout the time limit of each post-deploy check
 */
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
        List<MigrationListener> listeners,
        ConnectSettings connect,
        String baseline,
        Duration checkTimeout) {

    public EngineSettings {
        listeners = List.copyOf(listeners);
    }

    /**
     * How the engine reaches the database.
     *
     * @param database where it connects, for log lines: host, port and database, never credentials
     * @param retries connection attempts a command repeats while the database is not reachable
     * @param retriesInterval the longest wait between two attempts
     * @param readTimeout the bound of each network read of a status read; zero for none
     */
    public record ConnectSettings(String database, int retries, Duration retriesInterval, Duration readTimeout) {
    }
}
