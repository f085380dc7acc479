package dev.migrator.test;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.test.database.JdbcServer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.testcontainers.containers.JdbcDatabaseContainer;

/**
 * A Testcontainers database the test class holds in a static field (usually {@code @Container}):
 * scratch databases are created on it. It is started here if nothing started it yet. Without Docker,
 * annotate the class {@code @Testcontainers(disabledWithoutDocker = true)} so it is skipped, not failed.
 */
final class ContainerSetup {

    private ContainerSetup() {}

    static boolean isAvailable() {
        try {
            Class.forName("org.testcontainers.containers.JdbcDatabaseContainer", false, ContainerSetup.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The server of the class's static {@code JdbcDatabaseContainer} field, or null when it has none. */
    static JdbcServer find(Class<?> testClass) {
        List<Field> fields = ReflectionSupport.findFields(testClass,
                field -> Modifier.isStatic(field.getModifiers()) && JdbcDatabaseContainer.class.isAssignableFrom(field.getType()),
                HierarchyTraversalMode.TOP_DOWN);
        if (fields.isEmpty()) {
            return null;
        }
        if (fields.size() > 1) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, testClass.getName() + " has " + fields.size() + " database container fields "
                    + fields.stream().map(Field::getName).toList() + ": migrator-test would not know which to use");
        }
        JdbcDatabaseContainer<?> container = (JdbcDatabaseContainer<?>) ReflectionSupport.tryToReadFieldValue(fields.get(0), null)
                .getOrThrow(e -> new MigratorException(ErrorCode.CONFIGURATION_INVALID, "Cannot read " + fields.get(0), e));
        if (container == null) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "The container field " + fields.get(0).getName() + " of " + testClass.getName() + " is null");
        }
        if (!container.isRunning()) {
            container.start();
        }
        return JdbcServer.of(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
}
