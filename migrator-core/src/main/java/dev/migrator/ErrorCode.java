package dev.migrator;

/**
 * The class of a failure, carried by every {@link MigratorException}. Codes are stable: the Spring
 * failure analyzer, the CLI's exit codes, the actuator endpoint and users' own code match on them,
 * never on message text (which is written for people and may improve between releases).
 *
 * <p>Each class has its own advice: a lost connection or an exhausted lock wait is not "fix the
 * revision", so only {@link #STATEMENT_FAILED} blames the revision's SQL.
 */
public enum ErrorCode {

    /** Migrator is configured wrongly (no database, a negative timeout, an invalid table prefix...). */
    CONFIGURATION_INVALID,

    /** A location cannot be read, or holds no revision where revisions are expected. */
    LOCATION_INVALID,

    /** A revision file or class cannot be loaded: header, sections, statements, annotation. */
    REVISION_MALFORMED,

    /**
     * A build-time revision index does not match the files it describes (a file added, removed or edited
     * since the index was built), or cannot be read: rebuild the index, or delete it to load the files.
     */
    REVISION_INDEX_STALE,

    /** The revisions do not form a valid graph: duplicate id, unknown parent, cycle, label used twice. */
    GRAPH_INVALID,

    /** A target (upgrade, downgrade, stamp, show, history range) is unknown, ambiguous or goes the wrong way. */
    TARGET_INVALID,

    /** An applied revision's file changed since it was applied. */
    CHECKSUM_MISMATCH,

    /** The database holds revisions this code does not define (a newer release migrated it). */
    DATABASE_AHEAD,

    /** Revisions are pending where none may be (startup action {@code validate}, a CI gate). */
    PENDING_REVISIONS,

    /** A downgrade would cross a revision declared irreversible. */
    IRREVERSIBLE,

    /** A statement of the revision itself failed: its SQL (or its data) is what needs fixing. */
    STATEMENT_FAILED,

    /** Every attempt waited longer than {@code lock_timeout} for a lock another session holds. */
    LOCK_RETRIES_EXHAUSTED,

    /** A statement ran longer than {@code statement_timeout}. */
    STATEMENT_TIMEOUT,

    /** Another instance held the migration lock longer than the configured advisory-lock wait. */
    MIGRATION_LOCK_TIMEOUT,

    /** A non-transactional revision left an INVALID index (an interrupted concurrent build). */
    INVALID_INDEX_LEFT,

    /** Migrator's own tables were changed outside a run, or their layout is not one Migrator knows. */
    STATE_TABLES_INCONSISTENT,

    /** The database user lacks a privilege Migrator or the revision needs. */
    PERMISSION_DENIED,

    /** No connection could be opened (refused, unknown host, authentication failed, server starting up). */
    CONNECTION_FAILED,

    /** The connection was lost during the run (session terminated, server restarted or shut down). */
    CONNECTION_LOST,

    /** The safety analysis found an unsuppressed error-level finding and the policy is to fail. */
    SAFETY_VIOLATION,

    /** The run was interrupted (thread interrupt, shutdown) between steps or while waiting. */
    INTERRUPTED,

    /** A database error outside the classes above, or a failure of Migrator itself. */
    INTERNAL
}
