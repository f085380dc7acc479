package dev.migrator.test;

import dev.migrator.Migrator;
import dev.migrator.MigratorConfiguration;
import dev.migrator.test.database.DatabaseServer;
import dev.migrator.test.database.TestServers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds a test class's setup: from its Spring application context when it is a Spring test, else from
 * {@link MigratorTest} with the server of a Testcontainers field, of {@code MIGRATOR_TEST_JDBC_URL}, or
 * the embedded one. Spring, Testcontainers and Hibernate are optional: their classes are only touched
 * when they are on the classpath.
 */
final class HarnessSetups {

    private HarnessSetups() {}

    static HarnessSetup forTestClass(ExtensionContext classContext) {
        Class<?> testClass = classContext.getRequiredTestClass();
        MigratorTest annotation = AnnotationSupport.findAnnotation(testClass, MigratorTest.class).orElse(null);
        Options options = Options.of(annotation);
        if (SpringSetup.isSpringTest(testClass)) {
            return SpringSetup.create(classContext, options);
        }
        DatabaseServer server = ContainerSetup.isAvailable() ? ContainerSetup.find(testClass) : null;
        if (server == null) {
            server = TestServers.defaultServer();
        }
        ClassLoader classLoader = testClass.getClassLoader();
        Supplier<MigratorConfiguration> configuration = () -> {
            MigratorConfiguration c = Migrator.configure().classLoader(classLoader);
            if (!options.locations().isEmpty()) {
                c.locations(options.locations());
            }
            options.configure(c);
            return c;
        };
        HarnessSetup.ModelCheck model = options.entities().isEmpty() ? null : JpaSetup.forEntities(options.entities());
        return new HarnessSetup(server, configuration, options.heads(), options.skipped(), model);
    }

    /** {@link MigratorTest}'s attributes, or their defaults for a class that only implements {@link BuiltInMigrationTests}. */
    record Options(List<String> locations, List<String> heads, List<Class<?>> entities, Set<BuiltInCheck> skipped,
            List<MigratorTestConfigurer> configurers) {

        static Options of(MigratorTest annotation) {
            if (annotation == null) {
                return new Options(List.of(), List.of(), List.of(), EnumSet.noneOf(BuiltInCheck.class), List.of());
            }
            Set<BuiltInCheck> skipped = EnumSet.noneOf(BuiltInCheck.class);
            skipped.addAll(List.of(annotation.skip()));
            List<MigratorTestConfigurer> configurers = new ArrayList<>();
            for (Class<? extends MigratorTestConfigurer> type : annotation.configure()) {
                configurers.add(ReflectionSupport.newInstance(type));
            }
            return new Options(List.of(annotation.locations()), List.of(annotation.heads()),
                    List.of(annotation.entities()), skipped, configurers);
        }

        void configure(MigratorConfiguration configuration) {
            configurers.forEach(configurer -> configurer.configure(configuration));
        }
    }
}
