package dev.migrator.commands;

import dev.migrator.safety.SafetyOptions;

/**
 * {@code lint} and the safety gate of {@code check}: the engine's analysis of what an upgrade would apply. With a
 * database it reads what is pending and the real table sizes; without one it analyses every revision offline
 * (tables created by earlier revisions taken to be large, PostgreSQL 14 assumed).
 */
public final class Safety {

    private Safety() {}

    public static SafetyOptions options(Workspace workspace) {
        return workspace.hasDatabase() ? SafetyOptions.defaults() : SafetyOptions.offline();
    }
}
