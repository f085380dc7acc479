package dev.migrator.safety;

/** How serious a finding is. An unsuppressed {@link #ERROR} fails {@code migrator.safety=fail} and {@code migrator lint}. */
public enum Level {
    ERROR,
    WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
