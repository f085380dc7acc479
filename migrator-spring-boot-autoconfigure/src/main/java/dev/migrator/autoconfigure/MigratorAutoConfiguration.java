package dev.migrator.autoconfigure;

import dev.migrator.Migration;
import dev.migrator.Migrator;
import dev.migrator.MigratorConfiguration;
import dev.migrator.event.MigrationListener;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configuration of Migrator: a {@link Migrator} built from the {@code migrator.*} properties and
 * the application's DataSource, and an initializer that runs {@code migrator.startup.action}. Backs
 * off with {@code migrator.enabled=false}, or when there is neither a DataSource nor
 * {@code migrator.url}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Migrator.class)
@ConditionalOnBooleanProperty(name = "migrator.enabled", matchIfMissing = true)
@Conditional(MigratorAutoConfiguration.MigratorDataSourceCondition.class)
@EnableConfigurationProperties(MigratorProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigratorAutoConfiguration {

    /** What the {@code migrator} bean is made of; loaded by the first thread that needs it (see {@link MigratorLoad}). */
    @Bean
    @ConditionalOnMissingBean(Migrator.class)
    MigratorLoad migratorLoad(MigratorProperties properties, ResourceLoader resourceLoader,
            @MigratorDataSource ObjectProvider<DataSource> migratorDataSource, ObjectProvider<DataSource> dataSource,
            ObjectProvider<MigratorCustomizer> customizers, ObjectProvider<Migration> migrations,
            ObjectProvider<MigrationListener> listeners) {
        MigratorConfiguration configuration = Migrator.configure();
        MigrationConnection.apply(configuration, properties, migratorDataSource.getIfAvailable(),
                dataSource.getIfUnique());
        properties.applyTo(configuration);
        if (resourceLoader.getClassLoader() != null) {
            configuration.classLoader(resourceLoader.getClassLoader());
        }
        configuration.migrations(migrations.orderedStream().toArray(Migration[]::new));
        configuration.listeners(listeners.orderedStream().toArray(MigrationListener[]::new));
        customizers.orderedStream().forEach(customizer -> customizer.customize(configuration));
        return new MigratorLoad(configuration, properties.isFailOnMissingLocations());
    }

    @Bean
    @ConditionalOnMissingBean
    Migrator migrator(MigratorLoad migratorLoad) {
        return migratorLoad.get();
    }

    @Bean
    @ConditionalOnMissingBean
    MigratorStartupStatus migratorStartupStatus() {
        return new MigratorStartupStatus();
    }

    /**
     * The synchronous startup run: started on its own thread when {@code migratorStartupRun} is created, waited
     * for by the lazy {@code migratorInitializer} (what every bean that depends on database initialization
     * depends on) and, at the latest, once every singleton exists (see {@link StartupRun}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean({MigratorInitializer.class, AsyncMigratorInitializer.class})
    @ConditionalOnBooleanProperty(name = "migrator.startup.async", havingValue = false, matchIfMissing = true)
    static final class SynchronousStartupConfiguration {

        /**
         * Takes the auto-configured Migrator's {@link MigratorLoad}, not the Migrator, so that the run's thread loads it;
         * a Migrator bean of the application's own is created here, on the main thread, as any bean.
         */
        @Bean
        StartupRun migratorStartupRun(ObjectProvider<MigratorLoad> load, ObjectProvider<Migrator> migrator,
                MigratorProperties properties, ObjectProvider<MigrationStrategy> strategy, MigratorStartupStatus status) {
            MigratorLoad auto = load.getIfAvailable();
            Supplier<Migrator> engine;
            if (auto != null) {
                engine = auto::get;
            } else {
                Migrator own = migrator.getObject();
                engine = () -> own;
            }
            return new StartupRun(engine, startupStrategy(properties, strategy), status,
                    properties.getStartup().isConcurrent());
        }

        /** Lazy: created by the first bean that needs the migrated database, which then waits for the run. */
        @Bean
        @Lazy
        MigratorInitializer migratorInitializer(StartupRun migratorStartupRun) {
            return new MigratorInitializer(migratorStartupRun);
        }

        /** In a web application, the run starts while the web server is created, before any other singleton. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "org.springframework.boot.web.server.WebServerFactoryCustomizer")
        @ConditionalOnWebApplication
        @ConditionalOnBooleanProperty(name = "migrator.startup.concurrent")
        static final class EarlyStartConfiguration {

            @Bean
            StartupRunStarter migratorStartupRunStarter(ObjectProvider<StartupRun> migratorStartupRun) {
                return new StartupRunStarter(migratorStartupRun);
            }
        }
    }

    @Bean
    @ConditionalOnMissingBean({MigratorInitializer.class, AsyncMigratorInitializer.class})
    @ConditionalOnBooleanProperty(name = "migrator.startup.async")
    AsyncMigratorInitializer asyncMigratorInitializer(Migrator migrator, MigratorProperties properties,
            ObjectProvider<MigrationStrategy> strategy, MigratorStartupStatus status) {
        return new AsyncMigratorInitializer(migrator, startupStrategy(properties, strategy), status);
    }

    /** The user's strategy or {@code migrator.startup.action}, after a one-off {@code migrator.accept-checksum-change}. */
    private static MigrationStrategy startupStrategy(MigratorProperties properties, ObjectProvider<MigrationStrategy> strategy) {
        MigrationStrategy startup = strategy.getIfAvailable(() -> new StartupMigration(properties));
        AcceptChecksumChange accept = AcceptChecksumChange.parse(properties.getAcceptChecksumChange());
        return accept == null ? startup : accept.before(startup);
    }

    /** A DataSource bean to migrate through, or a dedicated {@code migrator.url}. */
    static final class MigratorDataSourceCondition extends AnyNestedCondition {

        MigratorDataSourceCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        private static final class DataSourceBeanCondition {
        }

        @ConditionalOnProperty("migrator.url")
        private static final class MigratorUrlCondition {
        }
    }
}
