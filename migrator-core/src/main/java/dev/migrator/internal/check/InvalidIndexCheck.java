package dev.migrator.internal.check;

import dev.migrator.check.PostDeployCheck.CheckOutcome;
import dev.migrator.check.PostDeployCheck;

import dev.migrator.internal.dialect.postgresql.PostgresCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * No INVALID index in any user schema: the leftover of a failed {@code CREATE INDEX CONCURRENTLY},
 * which costs writes and serves no query.
 */
final class InvalidIndexCheck implements PostDeployCheck {

    @Override
    public String name() {
        return "invalid-indexes";
    }

    @Override
    public CheckOutcome check(Connection connection) throws SQLException {
        List<String> invalid = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        for (PostgresCatalog.InvalidIndex index : PostgresCatalog.invalidIndexesInUserSchemas(connection)) {
            invalid.add(index.name() + " on " + index.table());
            drops.add("DROP INDEX CONCURRENTLY " + index.name() + ";");
        }
        if (invalid.isEmpty()) {
            return CheckOutcome.passed("no INVALID index");
        }
        return CheckOutcome.failed("INVALID indexes (a failed or running CREATE INDEX CONCURRENTLY): "
                + String.join(", ", invalid) + ". Unless a migration is building it right now, drop it ("
                + String.join(" ", drops) + ") and run upgrade again");
    }
}
