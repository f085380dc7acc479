package dev.migrator;

/**
 * The class of a failure, carried by every {@link MigratorException}. Codes are stable: the Spring
 * failure analyzer, the CLI's exit codes, the actuator endpoint and users' own code match on them,
 * never on message text (which is written for people and may improve between releases).
 *
 * <p>Each class has its own advice ({@link #advice()}): a lost connection or an exhausted lock wait is not
 * "fix the revision", so only {@link #STATEMENT_FAILED} blames the revision's SQL.
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

    /**
     * Every attempt waited longer than {@code lock_timeout} for a lock another session holds, or was rolled back
     * as a deadlock's victim.
     */
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
    INTERNAL;

    /**
     * What to do about a failure of this class: the one table of advice. Messages end with it (after what
     * happened and what it left in the database), so a lost connection or a lock held by another session never
     * reads "fix the revision"; a failure analyzer or a CLI shows it as the action without parsing any message.
     * Settings are named as in {@code MigratorConfiguration} and, in parentheses, as Spring Boot properties;
     * {@code docs/operating.md} ("When a run fails") lists the same table.
     */
    public String advice() {
        return switch (this) {
            case CONFIGURATION_INVALID -> "Fix the setting named above and start again.";
            case LOCATION_INVALID -> "Check the locations (migrator.locations: classpath: or filesystem: prefix, path, "
                    + "that the revisions are packaged) and start again. While the application has no revision yet, set "
                    + "migrator.fail-on-missing-locations=false.";
            case REVISION_MALFORMED -> "Fix the revision at the file and line named above; nothing was run.";
            case REVISION_INDEX_STALE -> "Rebuild the revision index with the build (the migrator:index goal at "
                    + "process-classes, or the IndexGenerator main; an IDE that only copies resources does not), or "
                    + "delete the migrator.index named above to load the files without it; nothing was run.";
            case GRAPH_INVALID -> "Fix the Revises / Depends-On (or @Revision) of the revisions named above; nothing was run.";
            case TARGET_INVALID -> "Choose a target that names one revision (see heads, history and current).";
            case CHECKSUM_MISMATCH -> "Restore the applied file as it was applied and put the change into a new revision. If "
                    + "the edit is intended and leaves the schema as the revision made it, record the new checksum with "
                    + "an audited history row: acceptChecksum(revision, reason) (one start with "
                    + "migrator.accept-checksum-change=<revision>: <reason>, or migrator accept-checksum).";
            case DATABASE_AHEAD -> "Deploy the release that defines those revisions, or let this release run against "
                    + "the newer schema (onUnknownRevision WARN).";
            case PENDING_REVISIONS -> "Run upgrade (or start with the startup action upgrade) to apply them.";
            case IRREVERSIBLE -> "Choose a downgrade target above the irreversible revision, or restore from a backup.";
            case STATEMENT_FAILED -> "Fix the failing statement (or the data it needs) in the revision, then run again.";
            case LOCK_RETRIES_EXHAUSTED -> "The revision is not at fault: another session held a lock it needs through "
                    + "every attempt. End that session's transaction (commit or roll it back in its application, or "
                    + "SELECT pg_terminate_backend(<pid>)) or wait until it ends, then run again; or run when traffic is "
                    + "lower, or raise lockTimeout / lockRetries (migrator.lock-timeout, migrator.lock-retries).";
            case STATEMENT_TIMEOUT -> "The statement ran longer than statementTimeout (migrator.statement-timeout). If it "
                    + "was waiting for another session, end that session and run again; if the work itself takes that "
                    + "long (rewriting or scanning a large table), raise the timeout for this deploy or make the revision "
                    + "cheaper (batchUpdate, CREATE INDEX CONCURRENTLY, NOT VALID then VALIDATE).";
            case MIGRATION_LOCK_TIMEOUT -> "Wait for that run to finish, or end its session if it is stuck "
                    + "(SELECT pg_terminate_backend(<pid>)), or raise advisoryLockWait (migrator.advisory-lock-wait).";
            case INVALID_INDEX_LEFT -> "The next run drops the INVALID index the revision creates and builds it again; "
                    + "or drop it yourself with DROP INDEX CONCURRENTLY.";
            case STATE_TABLES_INCONSISTENT -> "Check the version table with current and correct it with stamp; do not "
                    + "edit Migrator's tables by hand.";
            case PERMISSION_DENIED -> "Grant the missing privilege (the message names the object) to the user Migrator "
                    + "connects as, or migrate as a user that has it (migrator.user / migrator.password, or a "
                    + "@MigratorDataSource); Migrator's own tables need CREATE on their schema the first time.";
            case CONNECTION_FAILED -> "Check the URL, user and password, that the server is up and accepts connections "
                    + "from this host, then start again. If the application may start before its database, configure "
                    + "connectRetries (migrator.connect-retries, migrator.connect-retries-interval).";
            case CONNECTION_LOST -> "The revision is not at fault: the database session ended under the run (terminated "
                    + "by an administrator, a server restart or shutdown, a network failure). See the server log for "
                    + "why; once the database accepts connections again, run again: it starts with the revision that "
                    + "did not finish.";
            case SAFETY_VIOLATION -> "Rewrite the revision the safe way the finding describes, or suppress the rule with "
                    + "'-- migrator:allow <rule>: <reason>' if the risk is understood.";
            case INTERRUPTED -> "The run was stopped from this process (shutdown or interrupt); run again.";
            case INTERNAL -> "This was not expected: the message carries the database's own words. Run again; if it "
                    + "happens again, report it with this message.";
        };
    }
}
