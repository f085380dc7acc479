package dev.migrator.internal.schema;

import dev.migrator.schema.SchemaSnapshot;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.state.StateTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The schema fingerprint computed by the server in one statement: the very text
 * {@link SchemaSnapshot#text()} would be (same catalog projection, same escaping, same order) and its
 * SHA-256, so the result equals {@code SchemaReader.read(...).fingerprint()} while only 64 characters
 * cross the network. A run records it (and stores the description server-side, for a later drift
 * check to name differences); a drift check compares it and reads the full snapshot only when it
 * differs.
 *
 * <p>Expressions print relative to the search path, so the statement pins it (to the described schema,
 * then {@code pg_catalog}, as {@link SchemaReader#read} does) for the statement's own transaction:
 * {@code set_config(..., true)} in a subquery the projection depends on laterally, which the executor
 * evaluates before the projection; the previous value is set back at the end for a caller inside a
 * transaction.
 */
public final class ServerFingerprint {

    private ServerFingerprint() {}

    /**
     * The fingerprint of the schema as {@link SchemaReader#read} would compute it.
     *
     * @param schema      the schema to describe; null means the connection's current schema
     * @param tablePrefix Migrator's table prefix: relations named with it are left out
     */
    public static String compute(Connection connection, String schema, String tablePrefix) {
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        try (PreparedStatement query = connection.prepareStatement("SELECT fingerprint FROM (" + computed(false) + ") c")) {
            bind(query, schema, tablePrefix);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.INTERNAL, "Could not compute the schema fingerprint of "
                    + (schema == null ? "the current schema" : schema) + " on the server: " + e.getMessage()
                    + ". Check that the migration user may read the catalog.", e);
        }
    }

    /**
     * Records the schema as it is now, in one statement: its description in the snapshot store (computed
     * and kept on the server; a description seen before only has its time refreshed) and its fingerprint
     * on the run's newest row of {@code historyTable}. Call it under the migration lock, outside a transaction.
     *
     * @param snapshotTable the store's table as SQL ({@link SchemaSnapshotStore#table()}); created when missing
     * @param historyTable  the history table as SQL, schema-qualified
     * @param runIdSql      the run's id as SQL (a number): the run's newest history row is marked
     * @return the fingerprint recorded
     */
    public static String record(Connection connection, String schema, String tablePrefix, SchemaSnapshotStore store,
            String historyTable, String runIdSql) throws SQLException {
        String sql = "WITH c AS MATERIALIZED (" + computed(true) + "),"
                // the writes are the tables' owner's (state): this statement only computes what they store
                + " saved AS (" + store.insertFrom("c") + "),"
                + " marked AS (" + StateTables.fingerprintMark(historyTable, runIdSql, "(SELECT fingerprint FROM c)") + ")"
                + " SELECT fingerprint FROM c";
        try {
            return runRecord(connection, sql, schema, tablePrefix);
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) { // undefined_table: the store's table, on a database's first run
                throw e;
            }
            store.createTable(connection);
            return runRecord(connection, sql, schema, tablePrefix);
        }
    }

    private static String runRecord(Connection connection, String sql, String schema, String tablePrefix) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, schema, tablePrefix);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** Parameters: the schema (null for the current one) twice, the table prefix. */
    private static void bind(PreparedStatement statement, String schema, String tablePrefix) throws SQLException {
        statement.setString(1, schema);
        statement.setString(2, schema);
        statement.setString(3, tablePrefix);
    }

    /**
     * One row {@code (fingerprint[, description])}. The outer row {@code s} pins the search path; the
     * projection refers to it laterally (its gate), so it is computed after {@code s}, and the final
     * {@code set_config} puts the previous path back. Each object's line is built from the fixed
     * positions of its attribute arrays (written in code point order in {@link SchemaQuery}), so nothing is
     * sorted but the lines; of two objects with the same key the greater line is kept, as in
     * {@link SchemaSnapshot}.
     */
    private static String computed(boolean withDescription) {
        StringBuilder escapedAttributes = new StringBuilder();
        StringBuilder plainAttributes = new StringBuilder();
        for (int i = 1; i <= SchemaQuery.MAX_ATTRIBUTES; i++) {
            // past the end of the arrays the name is NULL, so the whole term is, and coalesce drops it
            escapedAttributes.append(" || coalesce(E'\\t' || r.attrs[").append(i).append("] || '=' || ")
                    .append(escaped("coalesce(r.vals[" + i + "], '')")).append(", '')");
            plainAttributes.append(" || coalesce(E'\\t' || r.attrs[").append(i).append("] || '=' || coalesce(r.vals[")
                    .append(i).append("], ''), '')");
        }
        // Escaping every field costs more than the rest of the text: only a row that has a character to
        // escape (one regular expression over its fields) is escaped field by field.
        String line = "CASE WHEN r.name || array_to_string(r.vals, '') ~ E'[\\\\\\\\\\t\\n\\r]'"
                + " THEN r.kind || E'\\t' || " + escaped("r.name") + escapedAttributes
                + " ELSE r.kind || E'\\t' || r.name" + plainAttributes + " END";
        String text = "t.text";
        return "SELECT encode(sha256(convert_to(" + text + ", 'UTF8')), 'hex') AS fingerprint"
                + (withDescription ? ", " + text + " AS description" : "")
                + ", set_config('search_path', s.previous, true) AS restored"
                + " FROM (SELECT current_setting('search_path') AS previous,"
                + "   set_config('search_path', quote_ident(coalesce(?::text, current_schema())) || ', pg_catalog', true) AS pinned"
                + "   OFFSET 0) s"
                + " CROSS JOIN LATERAL (SELECT " + literal(SchemaSnapshot.HEADER + "\n")
                + "   || coalesce(string_agg(o.line || E'\\n', '' ORDER BY o.sort_key), '') AS text FROM ("
                + "   SELECT DISTINCT ON (k.sort_key) k.sort_key, k.line FROM ("
                // kinds and attribute names are Migrator's own words: nothing in them needs escaping
                + "     SELECT convert_to(r.kind || ' ' || r.name, 'UTF8') AS sort_key,"
                + "       " + line + " AS line"
                + "     FROM (" + SchemaQuery.SQL.replace("SELECT ?::text AS schema",
                        "SELECT coalesce(?::text, current_schema()) AS schema") + ") r(kind, name, attrs, vals)"
                + "     WHERE s.pinned IS NOT NULL) k"
                + "   ORDER BY k.sort_key, convert_to(k.line, 'UTF8') DESC) o) t";
    }

    /** Backslash first, then the characters it introduces: SchemaSnapshot's escape, in SQL. */
    private static String escaped(String expression) {
        return "replace(replace(replace(replace(" + expression + ", E'\\\\', E'\\\\\\\\'), E'\\t', E'\\\\t'),"
                + " E'\\n', E'\\\\n'), E'\\r', E'\\\\r')";
    }

    private static String literal(String text) {
        return "E'" + text.replace("\\", "\\\\").replace("'", "''").replace("\n", "\\n") + "'";
    }
}
