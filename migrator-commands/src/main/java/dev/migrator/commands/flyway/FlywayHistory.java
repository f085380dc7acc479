package dev.migrator.commands.flyway;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.dialect.postgresql.PostgresErrors;
import dev.migrator.commands.config.Setting;
import dev.migrator.commands.config.ToolConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What Flyway's history table says is applied: the versions of its successful versioned rows, and the highest.
 * Read-only; the table is found in the configured schema, else through the connection's search path.
 */
record FlywayHistory(Set<String> succeeded, String highest) {

    static FlywayHistory read(ToolConfig config, String table) {
        if (!table.matches("[A-Za-z0-9_]+")) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "Invalid Flyway history table name \"" + table + "\".");
        }
        String schema = config.get(Setting.SCHEMA).orElse(null);
        String qualified = schema == null ? table : "\"" + schema.replace("\"", "\"\"") + "\"." + table;
        try (Connection connection = config.connect()) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                exists.setString(1, qualified);
                try (ResultSet rs = exists.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "Flyway's history table " + qualified
                                + " does not exist in " + config.displayUrl() + ": this database was not migrated by Flyway "
                                + "(or uses another table: --flyway-table), so nothing can be stamped.");
                    }
                }
            }
            List<String> versions = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT version FROM " + qualified
                    + " WHERE success AND version IS NOT NULL ORDER BY installed_rank");
                    ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
            Set<String> normalised = new LinkedHashSet<>();
            String highest = null;
            for (String version : versions) {
                String text = String.join(".", FlywayScript.parseVersion(version).stream().map(Object::toString).toList());
                normalised.add(text);
                if (highest == null || FlywayScript.compare(FlywayScript.parseVersion(version), FlywayScript.parseVersion(highest)) > 0) {
                    highest = text;
                }
            }
            return new FlywayHistory(normalised, highest);
        } catch (SQLException e) {
            ErrorCode code = PostgresErrors.classify(e, ErrorCode.INTERNAL);
            throw new MigratorException(code, "Reading Flyway's history table " + qualified + " in "
                    + config.displayUrl() + " failed: " + PostgresErrors.describe(e) + "\n  What to do: " + code.advice(), e);
        }
    }
}
