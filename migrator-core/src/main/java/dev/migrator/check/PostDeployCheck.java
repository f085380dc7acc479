package dev.migrator.check;

import java.util.Objects;
import java.sql.Connection;

/**
 * A check that the deployed database is what the code expects, run after migrations and on demand
 * (the {@code /actuator/migrations/checks} endpoint, {@code verify}). Users implement it (under
 * Spring as beans) next to Migrator's built-in checks.
 *
 * <pre>{@code
 * class NoOrphanOrders implements PostDeployCheck {
 *     public String name() { return "no-orphan-orders"; }
 *     public CheckOutcome check(Connection connection) throws SQLException {
 *         try (var st = connection.createStatement();
 *              var rs = st.executeQuery("SELECT count(*) FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE c.id IS NULL")) {
 *             rs.next();
 *             long orphans = rs.getLong(1);
 *             return orphans == 0 ? CheckOutcome.passed("no orphan orders") : CheckOutcome.failed(orphans + " orders without customer");
 *         }
 *     }
 * }
 * }</pre>
 *
 * A check should only read. The checks of one evaluation share one connection (a transaction a check
 * leaves open is rolled back before the next one starts; a check that changes a session setting should
 * put it back); a check that throws, or runs longer than the runner's time limit (its query is then
 * cancelled, and the next check gets a new connection), is reported as FAILED with the reason, never as
 * an exception.
 */
public interface PostDeployCheck {

    /** Short, stable name shown to operators, e.g. {@code schema-drift}. */
    String name();

    CheckOutcome check(Connection connection) throws Exception;

    /** The revision this check belongs to (a revision's {@code verify} query), or null. */
    default String revision() {
        return null;
    }

    /**
     * What a {@link PostDeployCheck} found.
     *
     * @param detail why it failed and what to do, or a short confirmation when it passed
     */
    public record CheckOutcome(boolean passed, String detail) {

        public CheckOutcome {
            Objects.requireNonNull(detail, "detail");
        }

        public static CheckOutcome passed(String detail) {
            return new CheckOutcome(true, detail);
        }

        public static CheckOutcome failed(String detail) {
            return new CheckOutcome(false, detail);
        }
    }
}
