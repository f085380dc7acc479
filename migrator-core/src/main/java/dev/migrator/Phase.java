package dev.migrator;

/**
 * The expand/contract phase of a revision. Expand revisions only add (old and new application
 * versions both work afterwards); contract revisions remove what the old version still needs, so
 * they may be deferred until every instance runs the new code.
 */
public enum Phase {
    EXPAND,
    CONTRACT;

    /** The lower-case name used in SQL headers, JSON and the history table. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
