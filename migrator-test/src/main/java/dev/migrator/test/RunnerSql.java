package dev.migrator.test;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** The plain-JDBC side of a {@link MigrationRunner}: inserts, statements and queries, each in its own session. */
final class RunnerSql {

    /** A name as written unquoted in SQL ({@code orders}, {@code billing.orders}); anything else is refused, not quoted. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    private final DataSource dataSource;
    private final Runnable onChange;

    RunnerSql(DataSource dataSource, Runnable onChange) {
        this.dataSource = dataSource;
        this.onChange = onChange;
    }

    int insert(String table, Map<String, ?>[] rows) {
        requireName("table", table);
        onChange.run();
        int inserted = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (Map<String, ?> row : rows) {
                if (row.isEmpty()) {
                    throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "insert(" + table + "): a row without columns");
                }
                List<String> columns = new ArrayList<>(row.keySet());
                columns.forEach(column -> requireName("column", column));
                String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    for (int i = 0; i < columns.size(); i++) {
                        bind(insert, i + 1, row.get(columns.get(i)));
                    }
                    inserted += insert.executeUpdate();
                } catch (SQLException e) {
                    connection.rollback();
                    throw failed("insert into " + table + " of row " + row, e);
                }
            }
            connection.commit();
            return inserted;
        } catch (SQLException e) {
            throw failed("insert into " + table, e);
        }
    }

    int execute(String statement, Object[] params) {
        onChange.run();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement prepared = prepare(connection, statement, params)) {
            prepared.execute();
            return Math.max(prepared.getUpdateCount(), 0);
        } catch (SQLException e) {
            throw failed(statement, e);
        }
    }

    List<Map<String, Object>> query(String query, Object[] params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement prepared = prepare(connection, query, params);
             ResultSet rows = prepared.executeQuery()) {
            ResultSetMetaData meta = rows.getMetaData();
            List<Map<String, Object>> result = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw failed(query, e);
        }
    }

    Object queryValue(String query, Object[] params) {
        List<Map<String, Object>> rows = query(query, params);
        return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            bind(statement, i + 1, params[i]);
        }
        return statement;
    }

    /** Strings untyped ({@code Types.OTHER}): the server reads them as the column's type, as a literal would be. */
    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof String || value instanceof Character) {
            statement.setObject(index, value.toString(), Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    private static void requireName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "insert: " + what + " name '" + name + "' is not a plain SQL name"
                    + " (letters, digits, _ and $, optionally schema-qualified); use execute(sql, params) for others");
        }
    }

    private static MigratorException failed(String what, SQLException e) {
        return new MigratorException(ErrorCode.STATEMENT_FAILED, what + " failed: " + e.getMessage() + " [SQLSTATE " + e.getSQLState() + "]", e);
    }
}
