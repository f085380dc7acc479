package dev.migrator.check;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * No INVALID index in any user schema: the leftover of a failed {@code CREATE INDEX CONCURRENTLY},
 * which costs writes and serves no query.
 */
final class InvalidIndexCheck implements PostDeployCheck {

    private static final String SQL = "SELECT quote_ident(n.nspname) || '.' || quote_ident(ic.relname), t.relname"
            + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid"
            + " JOIN pg_namespace n ON n.oid = ic.relnamespace"
            + " WHERE NOT i.indisvalid AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'"
            + " ORDER BY 1";

    @Override
    public String name() {
        return "invalid-indexes";
    }

    @Override
    public CheckOutcome check(Connection connection) throws SQLException {
        List<String> invalid = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SQL)) {
            while (rows.next()) {
                invalid.add(rows.getString(1) + " on " + rows.getString(2));
                drops.add("DROP INDEX CONCURRENTLY " + rows.getString(1) + ";");
            }
        }
        if (invalid.isEmpty()) {
            return CheckOutcome.passed("no INVALID index");
        }
        return CheckOutcome.failed("INVALID indexes (a failed or running CREATE INDEX CONCURRENTLY): "
                + String.join(", ", invalid) + ". Unless a migration is building it right now, drop it ("
                + String.join(" ", drops) + ") and run upgrade again");
    }
}
