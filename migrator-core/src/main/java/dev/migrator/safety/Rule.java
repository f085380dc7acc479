package dev.migrator.safety;

import java.util.Locale;

/**
 * The safety rules. Each has a stable {@linkplain #id() id} (used in {@code -- migrator:allow <id>: <reason>}
 * and {@link AllowUnsafe}), a default {@link Level}, and a page section in {@code docs/safety-rules.md}
 * explaining it and the safe alternative.
 */
public enum Rule {

    ADDING_NOT_NULL_COLUMN("adding a NOT NULL column without a default to an existing table"),
    VOLATILE_DEFAULT("adding a column whose value is computed for every existing row (a volatile default): a rewrite"),
    CREATE_INDEX_NON_CONCURRENTLY("CREATE INDEX without CONCURRENTLY on a table that existed before the revision"),
    DROP_INDEX_NON_CONCURRENTLY("DROP INDEX without CONCURRENTLY"),
    CONCURRENTLY_IN_TRANSACTION("a CONCURRENTLY operation in a transactional revision"),
    CONSTRAINT_WITHOUT_NOT_VALID("a foreign key or check constraint validated under a lock that blocks writes"),
    SET_NOT_NULL("SET NOT NULL on an existing column without a validated CHECK (col IS NOT NULL) first"),
    COLUMN_TYPE_CHANGE("changing a column's type in a way that rewrites the table"),
    UNIQUE_CONSTRAINT_BUILDS_INDEX("a UNIQUE or PRIMARY KEY constraint that builds its index under lock"),
    BREAKING_CHANGE_IN_EXPAND("renaming or dropping a column or table in an expand-phase revision"),
    UNBOUNDED_DATA_CHANGE("UPDATE or DELETE of a whole table inside a transactional revision"),
    PREFER_JSONB("a json column (prefer jsonb)"),
    INT_PRIMARY_KEY("a serial or 32-bit integer primary key (prefer bigint identity)", Level.WARNING),
    CHAR_TYPE("a char(n) column (prefer text or varchar)", Level.WARNING),
    TIMESTAMP_WITHOUT_TIME_ZONE("a timestamp without time zone column (prefer timestamptz)", Level.WARNING),
    ENUM_VALUE_IN_TRANSACTION("ALTER TYPE ... ADD VALUE where the transaction forbids it"),
    DROP_CASCADE("DROP ... CASCADE: drops whatever depends on the object too"),
    TRUNCATE("TRUNCATE of a table that existed before the revision"),
    MISSING_DOWNGRADE("an empty downgrade on a revision not declared irreversible"),
    INVALID_SUPPRESSION("a migrator:allow comment or @AllowUnsafe naming an unknown rule or giving no reason");

    private final String summary;
    private final Level defaultLevel;

    Rule(String summary) {
        this(summary, Level.ERROR);
    }

    Rule(String summary, Level defaultLevel) {
        this.summary = summary;
        this.defaultLevel = defaultLevel;
    }

    /** The stable id, e.g. {@code create-index-non-concurrently}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String summary() {
        return summary;
    }

    /** Errors, except the style rules (integer keys, char(n), timestamp without time zone), which are warnings. */
    public Level defaultLevel() {
        return defaultLevel;
    }

    /** The rule with this id (case-insensitive), or null. */
    public static Rule byId(String id) {
        for (Rule rule : values()) {
            if (rule.id().equalsIgnoreCase(id.strip())) {
                return rule;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id();
    }

    /** How serious a finding is. An unsuppressed {@link #ERROR} fails {@code migrator.safety=fail} and {@code migrator lint}. */
    public enum Level {
        ERROR,
        WARNING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
