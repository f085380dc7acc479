package dev.migrator.dialect.postgresql;

import dev.migrator.dialect.Dialect;
import dev.migrator.operation.ExecuteSql;
import dev.migrator.operation.Operation;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** PostgreSQL rendering. Operations other than {@link ExecuteSql} are added as the op API grows. */
public final class PostgresDialect implements Dialect {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    // Reserved key words of PostgreSQL (appendix C, "reserved" and "reserved (can be function or type)").
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable",
            "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze",
            "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect",
            "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
            "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order",
            "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
            "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then",
            "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when",
            "where", "window", "with");

    @Override
    public String quote(String identifier) {
        if (PLAIN.matcher(identifier).matches() && !RESERVED.contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public List<String> render(Operation operation) {
        if (operation instanceof ExecuteSql sql) {
            if (!sql.params().isEmpty()) {
                throw new IllegalArgumentException(operation.describe()
                        + " has JDBC parameters: render it with literal(...) for offline SQL");
            }
            return List.of(sql.sql());
        }
        throw new UnsupportedOperationException("PostgreSQL cannot render " + operation.describe() + " yet");
    }
}
