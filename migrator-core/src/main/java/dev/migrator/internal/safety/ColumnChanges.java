package dev.migrator.internal.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What PostgreSQL does to existing rows when a column is added with a default, or its type changes. */
final class ColumnChanges {

    enum Volatility { NON_VOLATILE, VOLATILE, UNKNOWN }

    /** Built-in functions whose result differs per row: a default calling one is evaluated for every existing row. */
    private static final Set<String> VOLATILE = Set.of("random", "random_normal", "gen_random_uuid", "uuidv4", "uuidv7",
            "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval",
            "currval", "setval", "txid_current", "pg_current_xact_id");

    /** Built-ins that are stable or immutable: PostgreSQL 11+ stores such a default once, without a rewrite. */
    private static final Set<String> NON_VOLATILE = Set.of("now", "transaction_timestamp", "statement_timestamp",
            "current_date", "current_timestamp", "localtimestamp", "lower", "upper", "coalesce", "nullif", "greatest",
            "least", "concat", "concat_ws", "length", "cast", "to_char", "to_date", "to_timestamp", "to_number",
            "make_date", "make_time", "make_timestamp", "make_timestamptz", "make_interval", "date_trunc", "date_part",
            "extract", "timezone", "abs", "round", "floor", "ceil", "trunc", "md5", "replace", "substring", "substr",
            "trim", "btrim", "ltrim", "rtrim", "left", "right", "format", "array", "row", "json_build_object",
            "jsonb_build_object", "json_build_array", "jsonb_build_array", "to_json", "to_jsonb", "current_setting",
            "interval", "int2", "int4", "int8", "text", "numeric", "bool", "date", "time", "timestamp", "timestamptz");

    private ColumnChanges() {}

    /**
     * The names of the functions an expression calls: a word followed by {@code (}, except a type name after
     * {@code ::} or {@code AS} (a cast such as {@code 'x'::varchar(3)}).
     */
    static List<String> functions(List<SqlToken> expression) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k + 1 < expression.size(); k++) {
            SqlToken token = expression.get(k);
            boolean afterCast = k > 0 && (expression.get(k - 1).isOperator("::") || expression.get(k - 1).isWord("as"));
            if (token.isIdentifier() && expression.get(k + 1).isPunctuation('(') && !afterCast) {
                names.add(token.text());
            }
        }
        return names;
    }

    /** Whether a default expression is volatile, from the built-ins above and, when connected, the real catalog. */
    static Volatility volatility(List<SqlToken> expression, DatabaseFacts facts) {
        Volatility result = Volatility.NON_VOLATILE;
        for (String function : functions(expression)) {
            if (VOLATILE.contains(function)) {
                return Volatility.VOLATILE;
            }
            if (NON_VOLATILE.contains(function)) {
                continue;
            }
            String codes = facts.volatilityOf(function);
            if (codes != null && codes.contains("v")) {
                return Volatility.VOLATILE;
            }
            if (codes == null) {
                result = Volatility.UNKNOWN;
            }
        }
        return result;
    }

    static boolean isKnownFunction(String function) {
        return VOLATILE.contains(function) || NON_VOLATILE.contains(function);
    }

    /**
     * Whether {@code ALTER COLUMN ... TYPE to} rewrites the table when the column is {@code from} (null when
     * unknown: then it is taken to rewrite). PostgreSQL skips the rewrite for binary-coercible changes that
     * cannot fail: {@code varchar(n)} to {@code varchar(m >= n)}, unbounded {@code varchar} or {@code text},
     * {@code text} to unbounded {@code varchar}, a wider {@code numeric} precision at the same scale (or
     * unconstrained), a larger precision of {@code timestamp}, {@code timestamptz}, {@code time},
     * {@code interval} or {@code varbit}, {@code cidr} to {@code inet}, and no change at all. A {@code USING}
     * expression always rewrites.
     */
    static boolean rewrites(TypeName from, TypeName to, boolean using) {
        if (using || from == null || from.array() != to.array()) {
            return true;
        }
        String a = from.base();
        String b = to.base();
        if (a.equals(b) && from.modifiers().equals(to.modifiers())) {
            return false;
        }
        if ((a.equals("varchar") || a.equals("text")) && (b.equals("text") || b.equals("varchar"))) {
            return !(b.equals("text") || to.modifiers().isEmpty() || (a.equals("varchar") && widens(from, to, 0)));
        }
        if (a.equals("numeric") && b.equals("numeric")) {
            if (to.modifiers().isEmpty()) {
                return false;
            }
            return from.modifiers().isEmpty() || !(widens(from, to, 0) && scale(from) == scale(to));
        }
        if (a.equals(b) && Set.of("timestamp", "timestamptz", "time", "timetz", "interval", "varbit").contains(a)) {
            return !(to.modifiers().isEmpty() || widens(from, to, 0));
        }
        return !(a.equals("cidr") && b.equals("inet"));
    }

    private static boolean widens(TypeName from, TypeName to, int position) {
        if (from.modifiers().size() <= position) {
            return to.modifiers().size() <= position; // unbounded to unbounded
        }
        return to.modifiers().size() > position && to.modifiers().get(position) >= from.modifiers().get(position);
    }

    private static int scale(TypeName numeric) {
        return numeric.modifiers().size() > 1 ? numeric.modifiers().get(1) : 0;
    }
}
