package dev.migrator.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.test.AfterDowngrade;
import dev.migrator.test.AfterUpgrade;
import dev.migrator.test.BeforeUpgrade;
import dev.migrator.test.BuiltInMigrationTests;
import dev.migrator.test.MigrationRunner;
import dev.migrator.test.MigratorTest;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every revision of the sample, checked the way a team checks its own with migrator-test: single head,
 * upgrade, verify, offline script equals online upgrade, the stairway (upgrade, downgrade that leaves
 * no trace, upgrade again, for each revision, the Java revision bean included) and the
 * non-transactional revisions rerun after a failure. The data hooks put rows where the backfill and
 * the contract revision have something to do.
 */
@SpringBootTest
@MigratorTest
class MigrationsTest implements BuiltInMigrationTests {

    /** Orders from before orders.status existed, as a live database has them. */
    @BeforeUpgrade("8d4a3f2b5e74")
    void ordersWithoutStatus(MigrationRunner db) {
        db.insert("users", Map.of("email", "ada@example.com", "name", "Ada"));
        db.execute("INSERT INTO orders (user_id, total_cents, status) SELECT id, 1250, NULL FROM users");
    }

    @AfterUpgrade("8d4a3f2b5e74")
    void backfillFilledEveryOrder(MigrationRunner db) {
        assertThat(db.queryValue("SELECT count(*) FROM orders WHERE status IS NULL")).isEqualTo(0L);
        assertThat(db.queryValue("SELECT status FROM orders")).isEqualTo("placed");
    }

    /** Undoing the contract brings users.name back, filled from display_name. */
    @AfterDowngrade("c18e7d6f9cb8")
    void contractDowngradeRestoresNames(MigrationRunner db) {
        assertThat(db.query("SELECT name, display_name FROM users"))
                .containsExactly(Map.of("name", "Ada", "display_name", "Ada"));
    }
}
