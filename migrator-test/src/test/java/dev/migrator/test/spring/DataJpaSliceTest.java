package dev.migrator.test.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.test.BuiltInCheck;
import dev.migrator.test.BuiltInMigrationTests;
import dev.migrator.test.MigrationRunner;
import dev.migrator.test.MigratorTest;
import dev.migrator.test.database.JdbcServer;
import dev.migrator.test.database.ScratchDatabase;
import dev.migrator.test.database.TestServers;
import dev.migrator.test.jpa.JpaModel;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The built-in checks inside a Spring test slice: revisions from {@code migrator.locations}, databases
 * next to the application's DataSource (a PostgreSQL the slice keeps), and the JPA check from the
 * slice's EntityManagerFactory, with Spring Boot's naming ({@code createdAt} is {@code created_at}).
 * The stairway and reruns of these revisions are BuiltInChecksPassTest's; under Spring, the sample
 * app's MigrationsTest runs them.
 */
@DataJpaTest(showSql = false, properties = {"migrator.locations=classpath:sets/shop", "spring.jpa.hibernate.ddl-auto=none"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@MigratorTest(skip = {BuiltInCheck.STAIRWAY, BuiltInCheck.NON_TRANSACTIONAL_IDEMPOTENT})
class DataJpaSliceTest implements BuiltInMigrationTests {

    /**
     * The application's own database: the starter migrates it when the slice starts; migrator-test only
     * creates databases next to it.
     * It is not dropped: migrator-test drops its templates through the application's DataSource after the
     * class's last callback; the embedded server's directory goes when the JVM exits.
     */
    static final ScratchDatabase APPLICATION_DATABASE = TestServers.embedded().createDatabase("app");

    @DynamicPropertySource
    static void applicationDatabase(DynamicPropertyRegistry registry) {
        JdbcServer server = TestServers.embedded();
        registry.add("spring.datasource.url", () -> server.urlFor(APPLICATION_DATABASE.name()));
        registry.add("spring.datasource.username", server::user);
    }

    @Test
    void runnersGetDatabasesOnTheServerOfTheApplicationsDataSource(MigrationRunner db, @Autowired DataSource application) {
        JdbcTemplate app = new JdbcTemplate(application);
        db.migrateUpTo("1a0000000002");

        assertThat(db.queryValue("SELECT inet_server_port()")).isEqualTo(app.queryForObject("SELECT inet_server_port()", Integer.class));
        assertThat(db.databaseName()).isNotEqualTo(APPLICATION_DATABASE.name());
        assertThat(db.current()).containsExactly("1a0000000002");
        assertThat(app.queryForList("SELECT revision FROM migrator_version", String.class))
                .as("the application's database, migrated by the starter when the slice started, is not the runner's")
                .containsExactly("1a0000000009");
    }

    @Test
    void theEntityManagerFactorysModelMatchesTheMigratedSchema(MigrationRunner db, @Autowired EntityManagerFactory jpa) {
        db.migrateUpTo("heads");

        JpaModel.of(jpa).assertMatches(db.dataSource());
    }
}
