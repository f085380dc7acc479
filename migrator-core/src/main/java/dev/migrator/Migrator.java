package dev.migrator;

import java.util.List;
import java.util.Set;

/**
 * The engine. Create it with {@link #configure()}:
 *
 * <pre>{@code
 * Migrator migrator = Migrator.configure()
 *         .dataSource(dataSource)
 *         .locations("classpath:db/migrations")
 *         .load();
 * migrator.upgrade("heads");
 * }</pre>
 *
 * Every command returns a typed result; every failure is a {@link MigratorException}.
 * Instances are immutable and safe to share between threads.
 */
public final class Migrator {

    private Migrator() {}

    public static MigratorConfiguration configure() {
        return new MigratorConfiguration();
    }

    static Migrator load(MigratorConfiguration configuration) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Applies what {@code target} needs (see the targets chapter of the guide). */
    public MigrationResult upgrade(String target) {
        throw new UnsupportedOperationException("TODO");
    }

    public MigrationResult downgrade(String target) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Sets the version table to {@code target} without running any revision. */
    public StampResult stamp(String target) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The version-table rows (empty when the table does not exist). */
    public Set<String> current() {
        throw new UnsupportedOperationException("TODO");
    }

    public List<RevisionInfo> heads() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Revisions with more than one child. */
    public List<RevisionInfo> branches() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The code's revisions in a range {@code [from]:[to]} ({@code ""} for all), newest first. */
    public List<RevisionInfo> history(String range) {
        throw new UnsupportedOperationException("TODO");
    }

    public RevisionDetails show(String revision) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Revisions an {@code upgrade("heads")} would apply, in order (contract ones included). */
    public List<RevisionInfo> pending() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Fails on a changed checksum (or unknown revisions under {@code FAIL}); reports pending and unknown ones. */
    public ValidationResult validate() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Runs every applied revision's {@code verify} query. */
    public VerifyResult verify() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Executed steps from {@code migrator_history}, newest first. */
    public List<HistoryEntry> log(int limit) {
        throw new UnsupportedOperationException("TODO");
    }

    public MigratorStatus status() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The complete SQL script an upgrade from {@code from} to {@code to} would run; touches no database. */
    public String upgradeSql(String from, String to) {
        throw new UnsupportedOperationException("TODO");
    }

    public String downgradeSql(String from, String to) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Every revision of the code, parents first. */
    public List<RevisionInfo> revisions() {
        throw new UnsupportedOperationException("TODO");
    }
}
