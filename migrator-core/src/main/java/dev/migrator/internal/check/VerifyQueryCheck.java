package dev.migrator.internal.check;

import dev.migrator.check.PostDeployCheck.CheckOutcome;
import dev.migrator.check.PostDeployCheck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A revision's {@code migrate:verify} query: one statement returning one boolean. It runs in a
 * read-only transaction that is rolled back, so a check never changes anything.
 */
final class VerifyQueryCheck implements PostDeployCheck {

    private final AppliedRevision revision;

    VerifyQueryCheck(AppliedRevision revision) {
        this.revision = revision;
    }

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String revision() {
        return revision.revision();
    }

    @Override
    public CheckOutcome check(Connection connection) throws SQLException {
        String where = "verify query of revision " + revision.revision() + " (" + revision.source()
                + (revision.verifyLine() > 0 ? ":" + revision.verifyLine() : "") + ")";
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // the setting and the query in one execute: the driver sends them (after its BEGIN) in one round trip
            statement.execute("SET TRANSACTION READ ONLY;\n" + revision.verify());
            if (!statement.getMoreResults()) {
                throw new SQLException("No results were returned by the query.");
            }
            try (ResultSet rows = statement.getResultSet()) {
                if (!rows.next()) {
                    return CheckOutcome.failed(where + " returned no row; it must return one boolean");
                }
                Object value = rows.getObject(1);
                if (!(value instanceof Boolean result)) {
                    return CheckOutcome.failed(where + " returned " + value + " instead of true or false");
                }
                return result
                        ? CheckOutcome.passed(where + " returned true")
                        : CheckOutcome.failed(where + " returned false: the data does not satisfy what the revision"
                                + " promises. Query: " + revision.verify().strip());
            }
        } catch (SQLException e) {
            return CheckOutcome.failed(where + " failed: " + e.getMessage() + ". Query: " + revision.verify().strip());
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }
}
