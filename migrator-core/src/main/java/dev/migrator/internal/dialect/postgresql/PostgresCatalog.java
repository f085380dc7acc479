package dev.migrator.internal.dialect.postgresql;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What Migrator asks PostgreSQL's catalog, each question written once: which schema is current, which
 * indexes are INVALID (what a failed {@code CREATE INDEX CONCURRENTLY} leaves), and the key a batch update
 * walks.
 */
public final class PostgresCatalog {

    private PostgresCatalog() {}

    /** A column and its type as {@code format_type} writes it. */
    public record TypedColumn(String name, String type) {}

    /** An INVALID index, schema-qualified and quoted, with its table's name. */
    public record InvalidIndex(String name, String table) {}

    /** The connection's current schema: where Migrator's tables live when no schema is configured. */
    public static String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
            rs.next();
            String schema = rs.getString(1);
            if (schema == null) {
                throw noCurrentSchema();
            }
            return schema;
        }
    }

    /** The error of a connection whose search path names no existing schema, however the schema was asked for. */
    public static MigratorException noCurrentSchema() {
        return new MigratorException(ErrorCode.CONFIGURATION_INVALID, "The connection has no current schema (its "
                + "search_path names no existing schema): configure migrator's schema explicitly, or fix the search_path.");
    }

    /** Every INVALID index of the database, as {@code regclass} text (schema-qualified when needed). */
    public static Set<String> invalidIndexes(Connection connection) throws SQLException {
        return names(connection, "SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid");
    }

    /**
     * The INVALID indexes no other session is building right now: once our statements have returned, an index
     * another session's {@code CREATE INDEX CONCURRENTLY} is still building is INVALID but not ours to answer
     * for. (A role without {@code pg_read_all_stats} sees no index in other roles' build progress: such builds
     * still count.)
     */
    public static Set<String> invalidIndexesNotBeingBuilt(Connection connection) throws SQLException {
        return names(connection, "SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid"
                + " AND indexrelid NOT IN (SELECT index_relid FROM pg_stat_progress_create_index"
                + " WHERE pid <> pg_backend_pid() AND index_relid IS NOT NULL)");
    }

    /** Which of the indexes named {@code names} (as stored, unqualified) are INVALID, as {@code regclass} text. */
    public static Set<String> invalidIndexesNamed(Connection connection, Set<String> names) throws SQLException {
        Set<String> invalid = new LinkedHashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT i.indexrelid::regclass::text FROM pg_index i"
                + " JOIN pg_class c ON c.oid = i.indexrelid WHERE NOT i.indisvalid AND c.relname = ANY (?)")) {
            ps.setArray(1, connection.createArrayOf("text", names.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    invalid.add(rs.getString(1));
                }
            }
        }
        return invalid;
    }

    /** The INVALID indexes of every user schema, for the post-deploy check, ordered by name. */
    public static List<InvalidIndex> invalidIndexesInUserSchemas(Connection connection) throws SQLException {
        List<InvalidIndex> invalid = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT quote_ident(n.nspname) || '.' || quote_ident(ic.relname), t.relname"
                        + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid"
                        + " JOIN pg_namespace n ON n.oid = ic.relnamespace"
                        + " WHERE NOT i.indisvalid AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'"
                        + " ORDER BY 1")) {
            while (rows.next()) {
                invalid.add(new InvalidIndex(rows.getString(1), rows.getString(2)));
            }
        }
        return invalid;
    }

    /** True or false for an existing index's {@code indisvalid} ({@code quotedName} as SQL), null when there is none. */
    public static Boolean indexValidity(Connection connection, String quotedName) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass(?)")) {
            query.setString(1, quotedName);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    /** The type of {@code column} of {@code quotedTable} (as SQL), or null when the table has no such column. */
    public static String columnType(Connection connection, String quotedTable, String column) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                + "WHERE attrelid = CAST(? AS regclass) AND attname = ? AND NOT attisdropped")) {
            query.setString(1, quotedTable);
            query.setString(2, column);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The primary key's columns of {@code quotedTable} (as SQL) with their types; empty when it has none. */
    public static List<TypedColumn> primaryKey(Connection connection, String quotedTable) throws SQLException {
        List<TypedColumn> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_index i "
                        + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                        + "WHERE i.indrelid = CAST(? AS regclass) AND i.indisprimary")) {
            query.setString(1, quotedTable);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.add(new TypedColumn(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return columns;
    }

    private static Set<String> names(Connection connection, String query) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
