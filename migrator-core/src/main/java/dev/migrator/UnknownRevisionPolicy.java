package dev.migrator;

/** What to do when the database holds revisions the code does not know (state {@code AHEAD}). */
public enum UnknownRevisionPolicy {
    /** Log a warning and carry on: an older release running against a newer schema during a rolling deploy. */
    WARN,
    /** Fail with a {@link MigratorException}. */
    FAIL
}
