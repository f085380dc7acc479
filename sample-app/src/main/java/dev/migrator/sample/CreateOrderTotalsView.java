package dev.migrator.sample;

import dev.migrator.Migration;
import dev.migrator.Revision;
import dev.migrator.operation.Operations;
import org.springframework.stereotype.Component;

/**
 * A Java revision. As a Spring bean it is picked up by the starter (no location scanning needed) and
 * could use other beans; it sits on the merged graph, before the contract revision.
 */
@Component
@Revision(id = "a5c2b1d03f12", revises = "f4b1a09c2fe1", message = "create user_order_totals view")
public class CreateOrderTotalsView implements Migration {

    @Override
    public void upgrade(Operations op) {
        op.execute("""
                CREATE VIEW user_order_totals AS
                SELECT u.id AS user_id, u.display_name, count(o.id) AS orders, coalesce(sum(o.total_cents), 0) AS total_cents
                FROM users u LEFT JOIN orders o ON o.user_id = u.id
                GROUP BY u.id, u.display_name""");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP VIEW user_order_totals");
    }
}
