package dev.migrator.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sample after its contract revision ({@code migrator.contract=apply}): the old column is gone and
 * the code, which only uses the new one, still works. Every revision also goes down to base and up again.
 */
@SpringBootTest(properties = "migrator.contract=apply")
class ContractAppliedTest {

    @Autowired
    Migrator migrator;

    @Autowired
    UserRepository users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCodeWorksAfterTheContractRevisionDroppedTheOldColumn() {
        assertThat(migrator.current()).containsExactly("c18e7d6f9cb8");
        assertThat(migrator.pending()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'name'")
                .query(Long.class).single()).isZero();

        User grace = users.create("grace@example.com", "Grace");

        assertThat(users.findById(grace.id())).contains(grace);
        assertThat(grace.emailVerified()).isFalse();
    }

    @Test
    void everyRevisionDowngradesToBaseAndUpgradesAgain() {
        migrator.downgrade("base");
        assertThat(migrator.current()).isEmpty();
        assertThat(jdbc.sql("SELECT to_regclass('users') IS NULL").query(Boolean.class).single()).isTrue();

        migrator.upgrade("heads");
        assertThat(migrator.current()).containsExactly("c18e7d6f9cb8");
    }
}
