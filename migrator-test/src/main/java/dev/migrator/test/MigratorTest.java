package dev.migrator.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Configures migration tests for a test class: where its revisions are and what the built-in checks
 * expect. With {@link BuiltInMigrationTests} it is the whole setup:
 *
 * <pre>{@code
 * @MigratorTest(locations = "classpath:db/migrations")
 * class MigrationsTest implements BuiltInMigrationTests {}
 * }</pre>
 *
 * <p>The database: inside a Spring test ({@code @SpringBootTest}, {@code @JdbcTest}, ...) the server of
 * the application's DataSource and the {@code migrator.*} properties; else a Testcontainers
 * {@code JdbcDatabaseContainer} held in a static field of the class; else the server named by the
 * environment variable {@code MIGRATOR_TEST_JDBC_URL}; else an embedded PostgreSQL. Every test gets
 * databases of its own on that server (the login needs {@code CREATEDB}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MigratorExtension.class)
public @interface MigratorTest {

    /**
     * Revision locations ({@code classpath:} or {@code filesystem:}). Empty: {@code migrator.locations}
     * in a Spring test, else {@code classpath:db/migrations}.
     */
    String[] locations() default {};

    /** The heads the graph must have (ids or unique prefixes). Empty: exactly one head. */
    String[] heads() default {};

    /**
     * JPA entity classes whose tables the migrated schema must match (needs Hibernate on the test
     * classpath). In a Spring test with an {@code EntityManagerFactory}, its entities are used instead.
     */
    Class<?>[] entities() default {};

    /** Built-in checks to leave out. */
    BuiltInCheck[] skip() default {};

    /** Adjustments to the configuration, applied in order after the settings above. */
    Class<? extends MigratorTestConfigurer>[] configure() default {};
}
