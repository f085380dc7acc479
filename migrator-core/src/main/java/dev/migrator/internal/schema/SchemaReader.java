package dev.migrator.internal.schema;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.postgresql.PostgresCatalog;
import dev.migrator.internal.dialect.postgresql.PostgresText;
import dev.migrator.schema.SchemaSnapshot;
import dev.migrator.schema.SchemaSnapshot.SchemaObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a {@link SchemaSnapshot} of the live database from the catalog ({@link SchemaQuery}), the
 * description {@link ServerFingerprint} computes on the server.
 */
public final class SchemaReader {

    private SchemaReader() {}

    /**
     * Reads the schema in one catalog query.
     *
     * @param schema      the schema to describe; null means the connection's current schema
     * @param tablePrefix Migrator's table prefix: relations named with it are left out
     */
    public static SchemaSnapshot read(Connection connection, String schema, String tablePrefix) {
        Objects.requireNonNull(tablePrefix, "tablePrefix");
        try {
            String resolved = schema != null ? schema : PostgresCatalog.currentSchema(connection);
            // Expressions (defaults, views, index definitions) are printed relative to the search path;
            // pin it to the described schema so two sessions with different paths read the same text.
            String previousPath = setSearchPath(connection, PostgresText.alwaysQuoted(resolved) + ", pg_catalog");
            try {
                return SchemaSnapshot.of(readObjects(connection, resolved, tablePrefix));
            } finally {
                setSearchPath(connection, previousPath);
            }
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.INTERNAL, "Could not read the schema " + (schema == null ? "(current schema)" : schema)
                    + " from pg_catalog: " + e.getMessage() + ". Check that the migration user may read the catalog.", e);
        }
    }

    private static List<SchemaObject> readObjects(Connection connection, String schema, String tablePrefix) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(SchemaQuery.SQL)) {
            query.setString(1, schema);
            query.setString(2, tablePrefix);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String[] names = (String[]) rows.getArray(3).getArray();
                    String[] values = (String[]) rows.getArray(4).getArray();
                    Map<String, String> attributes = new HashMap<>(); // SchemaObject sorts them
                    for (int i = 0; i < names.length; i++) {
                        attributes.put(names[i], values[i] == null ? "" : values[i]);
                    }
                    // objects whose keys collide are settled by SchemaSnapshot.of, as the server-side fingerprint settles them
                    objects.add(new SchemaObject(rows.getString(1), rows.getString(2), attributes));
                }
            }
        }
        return objects;
    }

    /** Sets the session's search_path and returns the previous one, in one round trip. */
    private static String setSearchPath(Connection connection, String path) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT current_setting('search_path'), set_config('search_path', ?, false)")) {
            statement.setString(1, path);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
