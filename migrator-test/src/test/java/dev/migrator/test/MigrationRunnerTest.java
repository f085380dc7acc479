package dev.migrator.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner for data-aware tests: one revision at a time, rows in between, templates for speed. */
@MigratorTest(locations = "classpath:sets/shop")
class MigrationRunnerTest {

    @Test
    void seedsRowsBeforeARevisionAndSeesWhatItDidToThem(MigrationRunner db) {
        db.migrateUpBefore("1a0000000004");
        assertThat(db.current()).containsExactly("1a0000000003");
        db.insert("users", Map.of("email", "ada@example.com"));
        db.execute("INSERT INTO orders (user_id, total_cents, state) SELECT id, 500, NULL FROM users");

        db.migrateUpOne();

        assertThat(db.current()).containsExactly("1a0000000004");
        assertThat(db.queryValue("SELECT state FROM orders")).isEqualTo("placed");
        db.migrateDownOne();
        assertThat(db.current()).containsExactly("1a0000000003");
        assertThat(db.queryValue("SELECT is_nullable FROM information_schema.columns"
                + " WHERE table_name = 'orders' AND column_name = 'state'")).isEqualTo("YES");
    }

    @Test
    void walksAcrossBranchesAndTheirMerge(MigrationRunner db) {
        db.migrateUpTo("heads");
        assertThat(db.current()).containsExactly("1a0000000009");

        db.migrateDownOne();
        assertThat(db.current()).containsExactlyInAnyOrder("1a0000000007", "1a0000000008");
        // two applied sibling branches: the labelled one goes alone (billing@-1)
        db.migrateDownOne();
        assertThat(db.current()).containsExactly("1a0000000007");
        db.migrateDownBefore("1a0000000005");
        assertThat(db.current()).containsExactly("1a0000000004");
        db.migrateDownTo("base");
        assertThat(db.applied()).isEmpty();
    }

    @Test
    void anUntouchedRunnerCopiesAStateAnotherRunnerReached(MigrationRunner first, MigrationRunner second) {
        first.migrateUpTo("1a0000000006");
        String secondsEmptyDatabase = second.databaseName();

        second.migrateUpTo("1a0000000006");

        assertThat(second.databaseName()).as("a copy of the template replaced the empty database")
                .isNotEqualTo(secondsEmptyDatabase);
        assertThat(second.current()).containsExactly("1a0000000006");
        assertThat(second.schema()).isEqualTo(first.schema());
    }

    @Test
    void refusesMovesThatMakeNoSense(MigrationRunner db) {
        assertThatThrownBy(() -> db.migrateUpTo("nope"))
                .hasMessageStartingWith("migrateUpTo(nope): No revision nope (an id, or a unique prefix of at least 4 characters)");
        db.migrateUpTo("1a0000000002");
        assertThatThrownBy(() -> db.migrateUpBefore("1a0000000002"))
                .hasMessage("migrateUpBefore(1a0000000002): 1a0000000002 is applied already (current: [1a0000000002])."
                        + " Use migrateDownBefore(\"1a0000000002\") to go back below it.");
        assertThatThrownBy(() -> db.migrateDownTo("1a0000000003"))
                .hasMessage("migrateDownTo(1a0000000003): 1a0000000003 is not applied (current: [1a0000000002])");
        assertThatThrownBy(() -> db.insert("orders; DROP TABLE users", Map.of("id", 1)))
                .hasMessageContaining("is not a plain SQL name");
    }
}
