package dev.migrator.test.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.test.MigrationRunner;
import dev.migrator.test.MigratorTest;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** A Testcontainers PostgreSQL held by the class is where runners get their databases. Skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
@MigratorTest(locations = "classpath:sets/shop")
class ContainerDatabaseTest {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17-alpine");

    @Test
    void runnersGetDatabasesInTheContainer(MigrationRunner db) {
        db.migrateUpTo("heads");

        assertThat(db.queryValue("SELECT inet_server_port()")).isEqualTo(5432);
        assertThat(db.queryValue("SELECT count(*) FROM pg_database WHERE datname = ?", POSTGRES.getDatabaseName())).isEqualTo(1L);
        assertThat(db.current()).containsExactly("1a0000000009");
    }
}
