package dev.migrator.cli;

import dev.migrator.ErrorCode;

/**
 * The exit status of {@code migrator}, one per {@link ErrorCode} so scripts can react to the class of a failure
 * without reading messages. The table is part of the product (docs/cli.md) and stable: a new error code gets a
 * new number, an existing number never changes. The switch has no default so that a new {@link ErrorCode}
 * cannot be added without choosing its exit code here.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** The command ran and its answer is "no": a post-deploy check failed ({@code verify}). */
    public static final int CHECK_FAILED = 1;
    /** Invalid command line: unknown option, missing argument (picocli's usage error). */
    public static final int USAGE = 2;
    /** A failure that is not a {@code MigratorException}: a bug, or the JVM ran out of something. */
    public static final int UNEXPECTED = 70;

    private ExitCodes() {}

    public static int of(ErrorCode code) {
        return switch (code) {
            case CONFIGURATION_INVALID -> 3;
            case LOCATION_INVALID -> 4;
            case REVISION_MALFORMED -> 5;
            case GRAPH_INVALID -> 6;
            case TARGET_INVALID -> 7;
            case CHECKSUM_MISMATCH -> 8;
            case DATABASE_AHEAD -> 9;
            case PENDING_REVISIONS -> 10;
            case IRREVERSIBLE -> 11;
            case STATEMENT_FAILED -> 12;
            case LOCK_RETRIES_EXHAUSTED -> 13;
            case STATEMENT_TIMEOUT -> 14;
            case MIGRATION_LOCK_TIMEOUT -> 15;
            case INVALID_INDEX_LEFT -> 16;
            case STATE_TABLES_INCONSISTENT -> 17;
            case PERMISSION_DENIED -> 18;
            case CONNECTION_FAILED -> 19;
            case CONNECTION_LOST -> 20;
            case SAFETY_VIOLATION -> 21;
            case REVISION_INDEX_STALE -> 22;
            case INTERNAL -> 70;
            case INTERRUPTED -> 130;
        };
    }
}
