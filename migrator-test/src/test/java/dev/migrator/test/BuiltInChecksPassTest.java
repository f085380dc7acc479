package dev.migrator.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.test.jpa.shop.ShopOrder;
import dev.migrator.test.jpa.shop.ShopUser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A healthy history (types, enums, foreign keys, a non-transactional backfill and index, a view, a
 * trigger, a sequence, two branches and their merge) passes every built-in check, and its data hooks
 * run where they should with the data they seeded.
 */
class BuiltInChecksPassTest {

    @MigratorTest(locations = "classpath:sets/shop", entities = {ShopUser.class, ShopOrder.class})
    static class Shop implements BuiltInMigrationTests {

        static final List<String> LOG = Collections.synchronizedList(new ArrayList<>());

        /** Orders from before the state column existed: the backfill has rows to fill. */
        @BeforeUpgrade("1a0000000004")
        void ordersWithoutState(MigrationRunner db) {
            db.insert("users", Map.of("email", "ada@example.com", "status", "blocked"));
            Object user = db.queryValue("SELECT id FROM users WHERE email = 'ada@example.com'");
            db.execute("INSERT INTO orders (user_id, total_cents, state) VALUES (?, 1250, NULL), (?, 300, NULL)", user, user);
            LOG.add("seeded " + db.queryValue("SELECT count(*) FROM orders WHERE state IS NULL"));
        }

        @AfterUpgrade("1a0000000004")
        void backfillFilledEveryOrder(MigrationRunner db) {
            assertThat(db.queryValue("SELECT count(*) FROM orders WHERE state IS NULL")).isEqualTo(0L);
            LOG.add("backfilled " + db.queryValue("SELECT count(*) FROM orders WHERE state = 'placed'"));
        }

        @AfterDowngrade("1a0000000004")
        void downgradeKeepsOrdersAndTheirState(MigrationRunner db) {
            assertThat(db.query("SELECT total_cents, state FROM orders ORDER BY total_cents")).containsExactly(
                    Map.of("total_cents", 300L, "state", "placed"), Map.of("total_cents", 1250L, "state", "placed"));
            LOG.add("kept " + db.queryValue("SELECT count(*) FROM orders"));
        }
    }

    @Test
    void everyCheckPassesAndTheHooksSeeTheirData() {
        Shop.LOG.clear();

        SuiteResults results = SuiteResults.of(Shop.class);

        assertThat(results.failed()).isEmpty();
        assertThat(results.aborted()).isEmpty();
        assertThat(results.passed()).containsExactly(
                "single head",
                "every revision loads",
                "every revision passes the safety analysis",
                "upgrade base → heads",
                "verify queries are true after the upgrade",
                "offline script equals online upgrade",
                "JPA model matches migrations",
                "1a0000000001 create users",
                "1a0000000002 create orders",
                "1a0000000003 add orders.state, nullable",
                "1a0000000004 backfill orders.state",
                "1a0000000005 index orders.state concurrently",
                "1a0000000006 order totals view, updated_at trigger, invoice numbers",
                "1a0000000007 accounts: users.nickname",
                "1a0000000008 billing: orders.note",
                "1a0000000009 merge accounts and billing",
                "1a0000000004 backfill orders.state",
                "1a0000000005 index orders.state concurrently");
        assertThat(Shop.LOG).containsExactly(
                // upgrade base → heads
                "seeded 2", "backfilled 2",
                // the stairway's step of 1a0000000004
                "seeded 2", "backfilled 2", "kept 2",
                // its reruns after a failure after each of its 6 statements, from the stairway's state
                "backfilled 2", "backfilled 2", "backfilled 2", "backfilled 2", "backfilled 2", "backfilled 2");
    }
}
