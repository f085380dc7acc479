package dev.migrator.test.jpa;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.opentest4j.AssertionFailedError;

/**
 * The schema a JPA model (Hibernate) expects, compared with a migrated database: every missing
 * table, column and sequence, every type and nullability difference, every NOT NULL column the model
 * cannot fill, all at once (Hibernate's own {@code ddl-auto=validate} stops at the first, and checks
 * neither nullability nor lengths).
 *
 * <pre>{@code
 * JpaModel.of(entityManagerFactory).assertMatches(runner.dataSource());
 * JpaModel.ofEntities(User.class, Order.class).assertMatches(dataSource);
 * }</pre>
 */
public final class JpaModel {

    private final Metadata metadata;
    private final String origin;

    private JpaModel(Metadata metadata, String origin) {
        this.metadata = metadata;
        this.origin = origin;
    }

    /**
     * The model of a running EntityManagerFactory (Hibernate), with the mapping it was built from:
     * naming strategies and every other setting included, as Spring Boot configured them.
     */
    public static JpaModel of(EntityManagerFactory entityManagerFactory) {
        SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        Metadata metadata = MetadataCapture.of(sessionFactory);
        if (metadata != null) {
            return new JpaModel(metadata, "the EntityManagerFactory's mapping");
        }
        // Built before migrator-test's integrator was registered: map its entity classes again with its settings.
        List<Class<?>> entities = new ArrayList<>();
        for (EntityType<?> entity : entityManagerFactory.getMetamodel().getEntities()) {
            entities.add(entity.getJavaType());
        }
        Map<String, Object> settings = new HashMap<>(entityManagerFactory.getProperties());
        return ofEntities(settings, entities.toArray(Class<?>[]::new));
    }

    /** The model of {@code entities} mapped with Hibernate's defaults for PostgreSQL. */
    public static JpaModel ofEntities(Class<?>... entities) {
        return ofEntities(Map.of(), entities);
    }

    /**
     * The model of {@code entities} mapped with Hibernate {@code settings} (for example
     * {@code hibernate.physical_naming_strategy}); the dialect is PostgreSQL and no database is consulted.
     */
    public static JpaModel ofEntities(Map<String, Object> settings, Class<?>... entities) {
        Map<String, Object> all = new HashMap<>(settings);
        all.putIfAbsent("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
        all.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        all.remove("hibernate.connection.datasource");
        all.remove("jakarta.persistence.nonJtaDataSource");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(all).build();
        MetadataSources sources = new MetadataSources(registry);
        for (Class<?> entity : entities) {
            sources.addAnnotatedClass(entity);
        }
        // The registry stays open: the metadata asks its dialect for column types while comparing.
        return new JpaModel(sources.buildMetadata(), entities.length + " entity class(es)");
    }

    /** Every difference between this model and the schema of {@code dataSource}'s database (its current schema). */
    public List<ModelDifference> differences(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return new ModelComparison(metadata, connection).differences();
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.CONNECTION_FAILED, "Could not read the schema to compare the JPA model with: " + e.getMessage(), e);
        }
    }

    /** Fails listing every difference, one per line; passes when there is none. */
    public void assertMatches(DataSource dataSource) {
        List<ModelDifference> differences = differences(dataSource);
        if (!differences.isEmpty()) {
            throw new AssertionFailedError("The JPA model (" + origin + ") does not match the migrated schema ("
                    + differences.size() + " difference" + (differences.size() == 1 ? "" : "s") + "):\n  "
                    + differences.stream().map(ModelDifference::describe).collect(Collectors.joining("\n  ")));
        }
    }

    @Override
    public String toString() {
        return "JpaModel[" + origin + "]";
    }
}
