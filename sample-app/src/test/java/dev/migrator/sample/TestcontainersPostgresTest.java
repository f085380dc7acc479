package dev.migrator.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The sample against a PostgreSQL in Docker, the way many teams test: {@code @ServiceConnection}
 * supplies the DataSource, the starter migrates it. Skipped (not failed) where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = "sample.embedded-database.enabled=false")
class TestcontainersPostgresTest {

    @Container
    @ServiceConnection
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

    @Autowired
    Migrator migrator;

    @Test
    void migratesTheContainerDatabaseAtStartup() {
        assertThat(migrator.current()).containsExactly("a5c2b1d03f12");
    }
}
