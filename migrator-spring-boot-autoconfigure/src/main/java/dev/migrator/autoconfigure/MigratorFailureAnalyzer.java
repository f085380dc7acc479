package dev.migrator.autoconfigure;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Ends a start that Migrator failed with Boot's "APPLICATION FAILED TO START" report: the description is
 * Migrator's message (revision, file and line, statement, SQLSTATE), the action what to do about that
 * class of failure. The action is chosen by {@link MigratorException#code()}, never by message text.
 * Without it, Migrator's message is the fifth {@code Caused by} under an error about the bean that
 * happened to need the database first.
 */
class MigratorFailureAnalyzer extends AbstractFailureAnalyzer<MigratorException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigratorException cause) {
        return new FailureAnalysis(cause.getMessage() + "\n\n(Migrator error code " + cause.code() + ")",
                action(cause.code()), cause);
    }

    /** For a code added after this analyzer: a test keeps every code off it. */
    static final String GENERIC_ACTION = "Act on the description above; see the Migrator guide for this error code.";

    static String action(ErrorCode code) {
        return switch (code) {
            case CONFIGURATION_INVALID -> "Correct the Migrator configuration named above (the migrator.* properties,"
                    + " a MigratorCustomizer, or the DataSource Migrator should use).";
            case LOCATION_INVALID -> "Check migrator.locations: each entry is a classpath: or filesystem: directory"
                    + " that holds the application's revisions. While the application has no revision yet, set"
                    + " migrator.fail-on-missing-locations=false.";
            case REVISION_MALFORMED -> "Fix the revision named above (file and line); nothing was applied.";
            case REVISION_INDEX_STALE -> "The revision index built with the application no longer matches its migration"
                    + " files: rebuild the application (the migrator:index goal writes the index at process-classes;"
                    + " an IDE that only copies resources does not), or delete the migrator.index named above to load"
                    + " the files without an index.";
            case GRAPH_INVALID -> "Fix the revisions' Revises/Depends-On headers or ids named above so that they form"
                    + " one graph; nothing was applied.";
            case TARGET_INVALID -> "Check migrator.target and migrator.baseline against the application's revisions"
                    + " ('heads', a revision id or unique prefix, '<label>@head').";
            case CHECKSUM_MISMATCH -> "Restore the applied revision's file as it was applied and put the change in a"
                    + " new revision. If the edit is intended and leaves the schema as the revision made it, start once"
                    + " with migrator.accept-checksum-change=<revision>: <reason> to record the new checksum with an"
                    + " audited history row, then remove the setting.";
            case DATABASE_AHEAD -> "The database was migrated by a newer release: deploy that release, or set"
                    + " migrator.on-unknown-revision=warn to run this one against the newer schema.";
            case PENDING_REVISIONS -> "Apply the pending revisions first (the migration job, the CLI, or one start with"
                    + " migrator.startup.action=upgrade), or deploy the release that matches the database.";
            case IRREVERSIBLE -> "Choose a target above the irreversible revision, or restore the database from a backup.";
            case STATEMENT_FAILED -> "Fix the statement of the revision named above (file and line), or the data it"
                    + " trips over, and restart. The failed revision was rolled back if it was transactional; the"
                    + " revisions before it stay applied.";
            case LOCK_RETRIES_EXHAUSTED -> "Another session held a lock the revision needs through every retry. Find it"
                    + " in pg_stat_activity and pg_locks (a long or idle-in-transaction session) and restart, or raise"
                    + " migrator.lock-timeout or migrator.lock-retries.";
            case STATEMENT_TIMEOUT -> "A statement ran longer than migrator.statement-timeout (or the revision's own"
                    + " limit): raise the limit, or make the statement cheaper (batches, CONCURRENTLY).";
            case MIGRATION_LOCK_TIMEOUT -> "Another instance held the migration lock longer than"
                    + " migrator.advisory-lock-wait. Check whether its run still progresses (its application_name in"
                    + " pg_stat_activity names host and pid); raise the wait if runs take that long.";
            case INVALID_INDEX_LEFT -> "Drop the INVALID index named above (DROP INDEX CONCURRENTLY) and restart: the"
                    + " revision that builds it runs again.";
            case STATE_TABLES_INCONSISTENT -> "Migrator's tables were changed outside a run. Inspect the version and"
                    + " history tables and set the version table right with a stamp (CLI: migrator stamp <revision>).";
            case PERMISSION_DENIED -> "Grant the migration user the privilege named above, or give migrations a user of"
                    + " their own (migrator.user and migrator.password, or a @MigratorDataSource bean).";
            case CONNECTION_FAILED -> "Check that the database is up and reachable from this host and that the"
                    + " credentials are right. If the application may start before its database, set"
                    + " migrator.connect-retries (and migrator.connect-retries-interval).";
            case CONNECTION_LOST -> "The connection was lost during the run (restart, failover, network). Restart the"
                    + " application: finished revisions are recorded, a transactional revision in progress was rolled"
                    + " back, and a non-transactional one is repaired and run again.";
            case SAFETY_VIOLATION -> "Change the revision as the finding says, or allow the statement with"
                    + " '-- migrator:allow <rule>: <reason>'.";
            case INTERRUPTED -> "The run was interrupted (the application was shutting down). Start it again.";
            case INTERNAL -> "This is an unexpected database error or a bug in Migrator: start again with"
                    + " logging.level.dev.migrator=DEBUG and report the log.";
            default -> GENERIC_ACTION;
        };
    }
}
