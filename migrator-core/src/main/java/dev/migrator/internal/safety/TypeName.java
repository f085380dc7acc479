package dev.migrator.internal.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A column type as PostgreSQL resolves its spelling: {@code character varying(20)} and
 * {@code pg_catalog.varchar(20)} are both {@code varchar} with modifier 20, {@code int} is {@code int4},
 * {@code timestamp(3) with time zone} is {@code timestamptz}. A quoted name stays quoted ({@code "char"}
 * is not {@code char(1)}); a type PostgreSQL does not spell specially (a domain, an enum) keeps its name.
 *
 * @param base the canonical name, e.g. {@code varchar}, {@code int4}, {@code timestamptz}, {@code my_enum}
 * @param modifiers the numbers in parentheses, e.g. {@code [20]} or {@code [10, 2]}
 */
record TypeName(String base, List<Integer> modifiers, boolean array, String written) {

    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("smallint", "int2"), Map.entry("int2", "int2"),
            Map.entry("int", "int4"), Map.entry("integer", "int4"), Map.entry("int4", "int4"),
            Map.entry("bigint", "int8"), Map.entry("int8", "int8"),
            Map.entry("smallserial", "serial2"), Map.entry("serial2", "serial2"),
            Map.entry("serial", "serial4"), Map.entry("serial4", "serial4"),
            Map.entry("bigserial", "serial8"), Map.entry("serial8", "serial8"),
            Map.entry("varchar", "varchar"), Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"),
            Map.entry("char", "bpchar"), Map.entry("character", "bpchar"), Map.entry("bpchar", "bpchar"),
            Map.entry("nchar", "bpchar"), Map.entry("national character", "bpchar"), Map.entry("national char", "bpchar"),
            Map.entry("national character varying", "varchar"), Map.entry("national char varying", "varchar"),
            Map.entry("timestamp", "timestamp"), Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamptz", "timestamptz"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time", "time"), Map.entry("time without time zone", "time"),
            Map.entry("timetz", "timetz"), Map.entry("time with time zone", "timetz"),
            Map.entry("numeric", "numeric"), Map.entry("decimal", "numeric"), Map.entry("dec", "numeric"),
            Map.entry("double precision", "float8"), Map.entry("float8", "float8"), Map.entry("float", "float8"),
            Map.entry("real", "float4"), Map.entry("float4", "float4"),
            Map.entry("boolean", "bool"), Map.entry("bool", "bool"),
            Map.entry("bit varying", "varbit"), Map.entry("varbit", "varbit"));

    /** Parses the tokens of a type as written in a column definition or {@code ALTER COLUMN ... TYPE}. */
    static TypeName of(List<SqlToken> tokens) {
        List<String> words = new ArrayList<>();
        List<Integer> modifiers = new ArrayList<>();
        boolean array = false;
        boolean quoted = false;
        StringBuilder written = new StringBuilder();
        int depth = 0;
        for (int k = 0; k < tokens.size(); k++) {
            SqlToken token = tokens.get(k);
            boolean spaced = k > 0 && token.isIdentifier() && tokens.get(k - 1).isIdentifier();
            written.append(spaced ? " " : "").append(token.kind() == SqlToken.Kind.QUOTED ? "\"" + token.text() + "\"" : token.text());
            if (token.isPunctuation(',')) {
                written.append(' ');
            }
            if (token.isPunctuation('(')) {
                depth++;
            } else if (token.isPunctuation(')')) {
                depth--;
            } else if (token.isPunctuation('[')) {
                array = true;
            } else if (depth > 0 && token.kind() == SqlToken.Kind.NUMBER) {
                modifiers.add(parseInt(token.text()));
            } else if (depth == 0 && token.isWord("array")) {
                array = true;
            } else if (depth == 0 && token.isIdentifier()) {
                boolean schemaPrefix = k + 1 < tokens.size() && tokens.get(k + 1).isPunctuation('.');
                if (schemaPrefix) {
                    if (!token.isWord("pg_catalog")) {
                        words.add(token.text() + ".");
                    }
                } else {
                    quoted |= token.kind() == SqlToken.Kind.QUOTED;
                    words.add(token.kind() == SqlToken.Kind.QUOTED ? "\"" + token.text() + "\"" : token.text());
                }
            }
        }
        String joined = String.join(" ", words).replace(". ", ".");
        // "timestamp(3) with time zone": the precision sits between the words
        String base = quoted ? joined : CANONICAL.getOrDefault(joined, joined);
        return new TypeName(base, List.copyOf(modifiers), array, written.toString());
    }

    /** Parses a type written as text (the {@code op} API's {@code Type.sql()}). */
    static TypeName parse(String sql) {
        return of(SqlTokenizer.tokenize(sql));
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    boolean isJson() {
        return base.equals("json");
    }

    /** {@code char(n)}, {@code character(n)}, {@code char}: blank-padded. */
    boolean isBlankPaddedChar() {
        return base.equals("bpchar");
    }

    boolean isTimestampWithoutTimeZone() {
        return base.equals("timestamp");
    }

    /** A 16- or 32-bit integer, or a serial over one. */
    boolean isNarrowInteger() {
        return !array && (base.equals("int2") || base.equals("int4") || base.equals("serial2") || base.equals("serial4"));
    }

    /** {@code serial}, {@code bigserial}, {@code smallserial}: a column filled from a sequence ({@code nextval}). */
    boolean isSerial() {
        return !array && base.startsWith("serial");
    }

    @Override
    public String toString() {
        return written;
    }
}
