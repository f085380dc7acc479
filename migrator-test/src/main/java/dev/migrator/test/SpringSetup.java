package dev.migrator.test;

import dev.migrator.ErrorCode;
import dev.migrator.Migration;
import dev.migrator.Migrator;
import dev.migrator.MigratorConfiguration;
import dev.migrator.MigratorException;
import dev.migrator.autoconfigure.MigratorCustomizer;
import dev.migrator.autoconfigure.MigratorDataSource;
import dev.migrator.autoconfigure.MigratorProperties;
import dev.migrator.test.database.DatabaseServer;
import dev.migrator.test.database.JdbcServer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.StringUtils;

/**
 * The setup of a Spring test ({@code @SpringBootTest}, {@code @JdbcTest}, {@code @DataJpaTest}...):
 * scratch databases on the server of the DataSource Migrator would use (a {@code @MigratorDataSource}
 * bean, {@code migrator.url}, or the application's DataSource, with {@code migrator.user} if set), the
 * revisions of {@code migrator.locations} plus the context's {@link Migration} beans, the other
 * {@code migrator.*} properties and the {@link MigratorCustomizer} beans, and the context's
 * EntityManagerFactory for the model check. The application's own database is never touched.
 */
final class SpringSetup {

    private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";

    private SpringSetup() {}

    static boolean isSpringTest(Class<?> testClass) {
        return AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class).stream()
                .flatMap(extendWith -> Arrays.stream(extendWith.value()))
                .anyMatch(extension -> extension.getName().equals(SPRING_EXTENSION));
    }

    static HarnessSetup create(ExtensionContext classContext, HarnessSetups.Options options) {
        ApplicationContext context = SpringExtension.getApplicationContext(classContext);
        MigratorProperties properties = context.getBeanProvider(MigratorProperties.class).getIfAvailable(
                () -> Binder.get(context.getEnvironment()).bindOrCreate("migrator", MigratorProperties.class));
        DatabaseServer server = server(context, properties);
        ClassLoader classLoader = classContext.getRequiredTestClass().getClassLoader();
        Supplier<MigratorConfiguration> configuration = () -> configuration(context, properties, options, classLoader);
        HarnessSetup.ModelCheck model = JpaSetup.isAvailable() ? JpaSetup.forEntityManagerFactory(
                context.getBeanProvider(jakarta.persistence.EntityManagerFactory.class).getIfUnique()) : null;
        if (model == null && !options.entities().isEmpty()) {
            model = JpaSetup.forEntities(options.entities());
        }
        return new HarnessSetup(server, configuration, options.heads(), options.skipped(), model);
    }

    private static MigratorConfiguration configuration(ApplicationContext context, MigratorProperties properties,
            HarnessSetups.Options options, ClassLoader classLoader) {
        // every engine setting as the starter applies it, then the test's own locations
        MigratorConfiguration c = Migrator.configure();
        properties.applyTo(c);
        c.locations(options.locations().isEmpty() ? properties.getLocations() : options.locations())
                .classLoader(classLoader);
        c.migrations(context.getBeanProvider(Migration.class).orderedStream().toArray(Migration[]::new));
        context.getBeanProvider(MigratorCustomizer.class).orderedStream().forEach(customizer -> customizer.customize(c));
        options.configure(c);
        return c;
    }

    /** Where Migrator would connect, as the starter chooses it; scratch databases go on that server. */
    private static DatabaseServer server(ApplicationContext context, MigratorProperties properties) {
        List<String> dedicated = Arrays.stream(context.getBeanNamesForType(DataSource.class))
                .filter(name -> context.findAnnotationOnBean(name, MigratorDataSource.class) != null)
                .toList();
        if (dedicated.size() == 1) {
            return DerivedServer.of(context.getBean(dedicated.get(0), DataSource.class), null, null);
        }
        if (StringUtils.hasText(properties.getUrl())) {
            return JdbcServer.of(properties.getUrl(), properties.getUser(), properties.getPassword());
        }
        DataSource application = context.getBeanProvider(DataSource.class).getIfUnique();
        if (application == null) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "migrator-test found no DataSource in the Spring context to create its test"
                    + " databases next to: define one, mark one @MigratorDataSource, or set migrator.url");
        }
        return StringUtils.hasText(properties.getUser())
                ? DerivedServer.of(application, properties.getUser(), properties.getPassword())
                : DerivedServer.of(application, null, null);
    }
}
