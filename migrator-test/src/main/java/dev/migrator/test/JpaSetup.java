package dev.migrator.test;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.test.jpa.JpaModel;
import dev.migrator.test.jpa.ModelDifference;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;

/** Turns a JPA model into the harness's model check; only loaded when Hibernate is on the classpath. */
final class JpaSetup {

    private JpaSetup() {}

    static boolean isAvailable() {
        try {
            Class.forName("org.hibernate.boot.Metadata", false, JpaSetup.class.getClassLoader());
            Class.forName("jakarta.persistence.EntityManagerFactory", false, JpaSetup.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static HarnessSetup.ModelCheck forEntities(List<Class<?>> entities) {
        if (!isAvailable()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "@MigratorTest(entities) needs Hibernate (org.hibernate.orm:hibernate-core)"
                    + " on the test classpath");
        }
        return check(JpaModel.ofEntities(entities.toArray(Class<?>[]::new)));
    }

    /** The check of a Spring context's EntityManagerFactory, or null when it has none (or several). */
    static HarnessSetup.ModelCheck forEntityManagerFactory(EntityManagerFactory entityManagerFactory) {
        return entityManagerFactory == null ? null : check(JpaModel.of(entityManagerFactory));
    }

    private static HarnessSetup.ModelCheck check(JpaModel model) {
        return dataSource -> model.differences(dataSource).stream().map(ModelDifference::describe).toList();
    }
}
