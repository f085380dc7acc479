package dev.migrator;

/** The state of a database relative to the code's revision graph (the {@code state} of the actuator endpoint). */
public enum MigrationState {
    /** No version table yet. */
    NOT_INITIALIZED,
    /** Revisions of the code are not applied yet. */
    PENDING,
    /** A run is in progress. */
    MIGRATING,
    /** Every pending revision is a deferred contract-phase revision or needs one. */
    CONTRACT_PENDING,
    UP_TO_DATE,
    /** The database holds revisions the code does not know (an older release against a newer schema). */
    AHEAD,
    /** The last run failed. */
    FAILED
}
