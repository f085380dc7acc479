package dev.migrator.autoconfigure.slices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code @JdbcTest} migrates the test database before the test runs, as Boot's Flyway integration does. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(SliceDatabase.class)
class JdbcTestSliceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTestsOwnQueryFindsTheMigratedTable() {
        jdbc.update("INSERT INTO items (name) VALUES ('from @JdbcTest')");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM items", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT revision FROM migrator_version", String.class)).containsExactly("a1b2c3d4e5f6");
    }
}
