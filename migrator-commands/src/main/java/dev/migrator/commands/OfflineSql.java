package dev.migrator.commands;

import dev.migrator.Direction;
import dev.migrator.Migrator;

/**
 * {@code upgrade --sql}, {@code downgrade --sql}, {@code stamp --sql}: the engine's offline script, untouched.
 * The starting point is {@code from}, or the left side of Alembic's {@code from:to} form; by default
 * {@code base} for an upgrade and a stamp, {@code heads} for a downgrade. No database is read.
 */
public final class OfflineSql {

    private OfflineSql() {}

    public static String render(Migrator migrator, Direction direction, String target, String from) {
        String to = target;
        String start = from;
        int colon = target.indexOf(':');
        if (colon >= 0) {
            start = target.substring(0, colon).strip();
            to = target.substring(colon + 1).strip();
        }
        if (start == null || start.isBlank()) {
            start = direction == Direction.DOWNGRADE ? "heads" : "base";
        }
        return switch (direction) {
            case UPGRADE -> migrator.upgradeSql(start, to);
            case DOWNGRADE -> migrator.downgradeSql(start, to);
            case STAMP -> migrator.stampSql(start, to);
        };
    }
}
