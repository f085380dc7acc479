package dev.migrator.autoconfigure;

/** {@code migrator.safety}: what the safety analysis does before the startup upgrade. */
public enum SafetyMode {
    /** Logs one WARN per finding, then migrates. */
    WARN,
    /** Fails startup, before anything is migrated, when an unsuppressed error-level finding remains. */
    FAIL,
    /** No analysis. */
    OFF
}
