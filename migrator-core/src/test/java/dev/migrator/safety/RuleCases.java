package dev.migrator.safety;

import dev.migrator.Migrator;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The revisions of {@code src/test/resources/safety/cases}: per rule, a setup (a table with 200 rows, analysed),
 * revisions that break the rule ({@code <code>_unsafe*}) and the safe rewrites ({@code <code>_safe*}).
 */
final class RuleCases {

    static final String LOCATION = "filesystem:" + Path.of("src/test/resources/safety/cases").toAbsolutePath();

    /** The id prefix of each rule's case. */
    static final Map<Rule, String> CODES = new EnumMap<>(Rule.class);

    static {
        CODES.put(Rule.ADDING_NOT_NULL_COLUMN, "nn");
        CODES.put(Rule.VOLATILE_DEFAULT, "vd");
        CODES.put(Rule.CREATE_INDEX_NON_CONCURRENTLY, "ci");
        CODES.put(Rule.DROP_INDEX_NON_CONCURRENTLY, "di");
        CODES.put(Rule.CONCURRENTLY_IN_TRANSACTION, "cc");
        CODES.put(Rule.CONSTRAINT_WITHOUT_NOT_VALID, "nv");
        CODES.put(Rule.SET_NOT_NULL, "sn");
        CODES.put(Rule.COLUMN_TYPE_CHANGE, "tc");
        CODES.put(Rule.UNIQUE_CONSTRAINT_BUILDS_INDEX, "uq");
        CODES.put(Rule.BREAKING_CHANGE_IN_EXPAND, "bc");
        CODES.put(Rule.UNBOUNDED_DATA_CHANGE, "ud");
        CODES.put(Rule.PREFER_JSONB, "js");
        CODES.put(Rule.INT_PRIMARY_KEY, "ik");
        CODES.put(Rule.CHAR_TYPE, "ch");
        CODES.put(Rule.TIMESTAMP_WITHOUT_TIME_ZONE, "ts");
        CODES.put(Rule.ENUM_VALUE_IN_TRANSACTION, "ev");
        CODES.put(Rule.DROP_CASCADE, "dc");
        CODES.put(Rule.TRUNCATE, "tr");
        CODES.put(Rule.MISSING_DOWNGRADE, "md");
        CODES.put(Rule.INVALID_SUPPRESSION, "is");
    }

    private RuleCases() {}

    /** Loaded without touching a database: the URL is never connected to by an offline analysis. */
    static Migrator offline() {
        return Migrator.configure().url("jdbc:postgresql://localhost:1/not_used", null, null).locations(LOCATION).load();
    }

    static Rule ruleOf(String revision) {
        String code = revision.substring(0, revision.indexOf('_'));
        return CODES.entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }

    static boolean isUnsafe(String revision) {
        return revision.contains("_unsafe");
    }

    static boolean isSafe(String revision) {
        return revision.contains("_safe");
    }
}
