package dev.migrator.autoconfigure;

/** What the application does with its database at startup ({@code migrator.startup.action}). */
public enum StartupAction {
    /** Apply pending revisions up to {@code migrator.target}. */
    UPGRADE,
    /** Fail startup when revisions are pending; the database is not touched. */
    VALIDATE,
    /** Do nothing (migrations are run by a separate job or the CLI). */
    NONE
}
