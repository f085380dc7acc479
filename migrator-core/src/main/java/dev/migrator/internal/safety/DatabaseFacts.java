package dev.migrator.internal.safety;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the analysis reads from the real database, read-only, in a few catalog queries: the server
 * version, every table's and index's size ({@code reltuples}, {@code pg_total_relation_size}), which table
 * each index belongs to, the columns already proven not null (a validated {@code CHECK (col IS NOT NULL)}
 * or {@code attnotnull}), column types, and the volatility of functions used in defaults. Offline, it is
 * {@link #none(int)}: nothing is known.
 */
final class DatabaseFacts {

    /** A relation's statistics. @param rows null when unknown (never analysed and not empty) */
    record Stats(String schema, String name, char kind, Long rows, long bytes) {}

    private final boolean connected;
    private final int serverVersion;
    private final List<String> searchPath;
    private final Map<String, Stats> relations = new HashMap<>();          // schema.name
    private final Map<String, String> indexTables = new HashMap<>();       // schema.index -> schema.table
    private final List<String[]> notNullColumns = new ArrayList<>();       // {schema, table, column}
    private final Map<String, TypeName> columnTypes = new HashMap<>();     // schema.table.column
    private final Map<String, String> volatility = new HashMap<>();        // function name -> 'v','s','i' codes

    private DatabaseFacts(boolean connected, int serverVersion, List<String> searchPath) {
        this.connected = connected;
        this.serverVersion = serverVersion;
        this.searchPath = searchPath;
    }

    static DatabaseFacts none(int serverVersion) {
        return new DatabaseFacts(false, serverVersion, List.of());
    }

    static DatabaseFacts read(Connection connection, Integer configuredVersion, Collection<String> functions)
            throws SQLException {
        List<String> path = new ArrayList<>();
        int version;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int, current_schemas(false)")) {
            rs.next();
            version = rs.getInt(1);
            Array schemas = rs.getArray(2);
            for (Object schema : (Object[]) schemas.getArray()) {
                path.add((String) schema);
            }
        }
        DatabaseFacts facts = new DatabaseFacts(true, configuredVersion != null ? configuredVersion : version, path);
        facts.readRelations(connection);
        facts.readNotNull(connection);
        facts.readVolatility(connection, functions);
        return facts;
    }

    private static final String USER_SCHEMAS = " n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' ";

    private void readRelations(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT n.nspname, c.relname, c.relkind, c.reltuples::bigint, pg_total_relation_size(c.oid), "
                        + "pg_relation_size(c.oid), t.nspname, t.relname FROM pg_class c "
                        + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "LEFT JOIN pg_index i ON i.indexrelid = c.oid "
                        + "LEFT JOIN (SELECT tc.oid, tn.nspname, tc.relname FROM pg_class tc "
                        + "JOIN pg_namespace tn ON tn.oid = tc.relnamespace) t ON t.oid = i.indrelid "
                        + "WHERE c.relkind IN ('r', 'p', 'm', 'i') AND" + USER_SCHEMAS)) {
            while (rs.next()) {
                long reltuples = rs.getLong(4);
                // reltuples is -1 until the table is first vacuumed or analysed: known empty only if it has no page
                Long rows = reltuples >= 0 ? Long.valueOf(reltuples) : rs.getLong(6) == 0 && rs.getString(3).charAt(0) != 'p' ? 0L : null;
                Stats stats = new Stats(rs.getString(1), rs.getString(2), rs.getString(3).charAt(0), rows, rs.getLong(5));
                relations.put(stats.schema() + "." + stats.name(), stats);
                if (rs.getString(7) != null) {
                    indexTables.put(stats.schema() + "." + stats.name(), rs.getString(7) + "." + rs.getString(8));
                }
            }
        }
    }

    private void readNotNull(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT n.nspname, c.relname, pg_get_constraintdef(k.oid) FROM pg_constraint k "
                        + "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE k.contype = 'c' AND k.convalidated AND" + USER_SCHEMAS)) {
            while (rs.next()) {
                List<SqlToken> tokens = SqlTokenizer.tokenize(rs.getString(3));
                String column = tokens.isEmpty() ? null : AlterTableParser.notNullColumn(tokens.subList(1, tokens.size()));
                if (column != null) {
                    notNullColumns.add(new String[] {rs.getString(1), rs.getString(2), column});
                }
            }
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT n.nspname, c.relname, a.attname, a.attnotnull, format_type(a.atttypid, a.atttypmod) "
                        + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                        + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND" + USER_SCHEMAS)) {
            while (rs.next()) {
                if (rs.getBoolean(4)) {
                    notNullColumns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
                columnTypes.put(rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(3), TypeName.parse(rs.getString(5)));
            }
        }
    }

    private void readVolatility(Connection connection, Collection<String> functions) throws SQLException {
        if (functions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT proname, string_agg(DISTINCT provolatile::text, '') FROM pg_proc WHERE proname = ANY (?) GROUP BY proname")) {
            ps.setArray(1, connection.createArrayOf("text", functions.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    volatility.put(rs.getString(1), rs.getString(2));
                }
            }
        }
    }

    boolean connected() {
        return connected;
    }

    int serverVersion() {
        return serverVersion;
    }

    /** The statistics of {@code name}, resolved along the search path when it is not schema-qualified; or null. */
    Stats stats(RelationName name) {
        if (name.schema() != null) {
            return relations.get(name.schema() + "." + name.name());
        }
        for (String schema : searchPath) {
            Stats stats = relations.get(schema + "." + name.name());
            if (stats != null) {
                return stats;
            }
        }
        return null;
    }

    /** The table an existing index belongs to, or null. */
    RelationName tableOf(RelationName index) {
        Stats stats = stats(index);
        String table = stats == null ? null : indexTables.get(stats.schema() + "." + stats.name());
        return table == null ? null : RelationName.literal(table);
    }

    /** Whether the real database already proves {@code column} of {@code table} not null. */
    boolean provenNotNull(RelationName table, String column) {
        Stats stats = stats(table);
        return stats != null && notNullColumns.stream()
                .anyMatch(c -> c[0].equals(stats.schema()) && c[1].equals(stats.name()) && c[2].equals(column));
    }

    TypeName columnType(RelationName table, String column) {
        Stats stats = stats(table);
        return stats == null ? null : columnTypes.get(stats.schema() + "." + stats.name() + "." + column);
    }

    /** The volatility codes of the functions of that name ({@code v}, {@code s}, {@code i}), or null when unknown. */
    String volatilityOf(String function) {
        return volatility.get(function);
    }
}
