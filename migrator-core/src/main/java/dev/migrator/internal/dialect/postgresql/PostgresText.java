package dev.migrator.internal.dialect.postgresql;

import dev.migrator.internal.support.Concat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL text: identifiers (what can be written bare, how to quote the rest) and literals. The one
 * place either is written: operations, Migrator's own tables, offline scripts and the analyses all
 * quote and escape through here.
 */
public final class PostgresText {


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

    private PostgresText() {}

    /** An identifier, quoted only when it must be (upper case, reserved words, other characters). */
    public static String quote(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("An identifier cannot be empty");
        }
        if (isName(identifier, false) && !RESERVED.contains(identifier)) {
            return identifier;
        }
        return alwaysQuoted(identifier);
    }

    /**
     * An identifier always in double quotes, whatever it is: how names are written inside SQL fragments the
     * engine composes (a backfill's {@code SET}, a check's expression), where the exact spelling counts.
     */
    public static String alwaysQuoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code "schema.name"} quoted part by part (split at the first dot). */
    public static String qualified(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? quote(name) : quote(name.substring(0, dot)) + "." + quote(name.substring(dot + 1));
    }

    /** Whether an index element is a plain column name (quoted) rather than an expression (written as given). */
    static boolean isPlainName(String element) {
        return isName(element, true);
    }

    /** {@code [a-z_][a-z0-9_$]*}, or with {@code upperCase} also A-Z (loops, not patterns: this runs in every start). */
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

    /**
     * A string literal, or {@code NULL}. Written for {@code standard_conforming_strings} (the default since
     * PostgreSQL 9.1). A NUL character cannot be stored in PostgreSQL text, and a statement holding one is
     * refused whole: it is left out, so an error message with a stray NUL is still recorded.
     */
    public static String literal(String value) {
        return value == null ? "NULL" : Concat.of("'", value.replace("\u0000", "").replace("'", "''"), "'");
    }

    /** A literal for a JDBC parameter value: numbers and booleans as written, anything else as a string. */
    public static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return literal(value.toString());
    }

    /**
     * The name (as PostgreSQL stores it) of the index a {@code CREATE [UNIQUE] INDEX CONCURRENTLY} statement
     * builds, or null for any other statement. For SQL as written; leading line comments are skipped.
     */
    public static String indexBuiltConcurrently(String sql) {
        Matcher m = ConcurrentIndex.PATTERN.matcher(stripLeadingComments(sql));
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
                : name.toLowerCase(Locale.ROOT);
    }

    private static String stripLeadingComments(String sql) {
        String s = sql.stripLeading();
        while (s.startsWith("--")) {
            int end = s.indexOf('\n');
            s = end < 0 ? "" : s.substring(end + 1).stripLeading();
        }
        return s;
    }

    /** Compiled on first use: only a non-transactional revision's statements are asked, never a no-op start's. */
    private static final class ConcurrentIndex {
        static final Pattern PATTERN = Pattern.compile(
                "(?is)^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                        + "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)");
    }
}
