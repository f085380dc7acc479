package dev.migrator.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link MigratorInitializer} initialises the database, so that JPA, JDBC
 * template users and SQL scripts ({@code spring.sql.init}) are created after it.
 */
class MigratorInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(MigratorInitializer.class);
    }

    /** Before script-based initialisation, so {@code data.sql} can fill migrated tables. */
    @Override
    public int getOrder() {
        return 1;
    }
}
