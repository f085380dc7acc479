package dev.migrator;

/** What a step did to the version table; also the {@code direction} column of the history table. */
public enum Direction {
    UPGRADE,
    DOWNGRADE,
    STAMP;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
