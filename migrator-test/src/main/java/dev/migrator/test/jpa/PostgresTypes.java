package dev.migrator.test.jpa;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Type names as PostgreSQL spells them, and when a model's type and a column's type are the same for
 * the application. Hibernate writes {@code varchar(255)} or {@code timestamp(6) with time zone}; the
 * catalog says {@code character varying(255)} and {@code timestamp with time zone}. Rather than keep a
 * table of aliases, the server is asked: each model type is declared on a temporary table (in a
 * transaction that is rolled back) and read back with {@code format_type}.
 */
final class PostgresTypes {

    private static final Pattern MODIFIER = Pattern.compile("\\(([^)]*)\\)");

    private PostgresTypes() {}

    /** Each type as the catalog spells it; a type the server does not know maps to null. */
    static Map<String, String> canonical(Connection connection, Collection<String> types) throws SQLException {
        Map<String, String> result = new HashMap<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String type : types) {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    statement.execute("CREATE TEMP TABLE migrator_model_type (c " + type + ")");
                    try (ResultSet row = statement.executeQuery("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                            + " WHERE attrelid = 'pg_temp.migrator_model_type'::regclass AND attname = 'c'")) {
                        row.next();
                        result.put(type, row.getString(1));
                    }
                    statement.execute("DROP TABLE pg_temp.migrator_model_type");
                    connection.releaseSavepoint(savepoint);
                } catch (SQLException unknown) {
                    connection.rollback(savepoint);
                    result.put(type, null);
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        return result;
    }

    /**
     * Whether a column of type {@code database} serves a model of type {@code model} (both canonical):
     * the same base type with a modifier that holds the model's values (a longer or unbounded
     * varchar, an unconstrained numeric; a timestamp without precision is precision 6), or text for a
     * model's varchar. Anything else (integer for bigint, varchar for an enum type...) is a difference.
     */
    static boolean serves(String database, String model) {
        if (database.equals(model)) {
            return true;
        }
        String databaseBase = base(database);
        String modelBase = base(model);
        if (modelBase.equals("character varying") && databaseBase.equals("text")) {
            return true;
        }
        if (!databaseBase.equals(modelBase)) {
            return false;
        }
        String databaseModifier = modifier(database);
        String modelModifier = modifier(model);
        return switch (databaseBase) {
            case "character varying", "bit varying" -> databaseModifier == null
                    || (modelModifier != null && Long.parseLong(databaseModifier) >= Long.parseLong(modelModifier));
            case "numeric" -> databaseModifier == null;
            case "timestamp without time zone", "timestamp with time zone", "time without time zone",
                    "time with time zone" -> orSix(databaseModifier).equals(orSix(modelModifier));
            default -> false;
        };
    }

    private static String base(String type) {
        return MODIFIER.matcher(type).replaceAll("").replaceAll("\\s+", " ").strip();
    }

    private static String modifier(String type) {
        Matcher matcher = MODIFIER.matcher(type);
        return matcher.find() ? matcher.group(1).strip() : null;
    }

    private static String orSix(String precision) {
        return precision == null ? "6" : precision;
    }
}
