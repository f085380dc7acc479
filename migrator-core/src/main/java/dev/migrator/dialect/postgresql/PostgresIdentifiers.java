package dev.migrator.dialect.postgresql;

import java.util.Set;

/**
 * PostgreSQL's identifier rules: what can be written bare, and how to quote the rest. The character
 * classes are tested with plain loops, not regular expressions: Migrator's own table names are quoted
 * in every start, and compiling a pattern is a measurable part of a fresh JVM's no-op start.
 */
final class PostgresIdentifiers {

    /**
     * Reserved key words (PostgreSQL 16 appendix C, "reserved" and "reserved, can be function or type"),
     * plus the non-reserved ones that cannot be column names. Quoting a word that did not need it is
     * harmless; not quoting one that did is a syntax error.
     */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check",
            "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
            "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct",
            "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
            "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
            "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull",
            "join", "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp",
            "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
            "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position",
            "precision", "primary", "real", "references", "returning", "right", "row", "select", "session_user",
            "setof", "similar", "smallint", "some", "substring", "symmetric", "system_user", "table",
            "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union",
            "unique", "user", "using", "values", "varchar", "variadic", "verbose", "when", "where", "window",
            "with");

    private PostgresIdentifiers() {}

    static String quote(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("An identifier cannot be empty");
        }
        if (isName(identifier, false) && !RESERVED.contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code "schema.name"} quoted part by part (split at the first dot). */
    static String qualified(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? quote(name) : quote(name.substring(0, dot)) + "." + quote(name.substring(dot + 1));
    }

    /** Whether an index element is a plain column name (quoted) rather than an expression (written as given). */
    static boolean isPlainName(String element) {
        return isName(element, true);
    }

    /** {@code [a-z_][a-z0-9_$]*}, or with {@code upperCase} also A-Z. */
    private static boolean isName(String text, boolean upperCase) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || c == '_' || (upperCase && c >= 'A' && c <= 'Z');
            if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '$'))) {
                return false;
            }
        }
        return true;
    }

    static String literal(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }
}
