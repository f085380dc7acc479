package dev.migrator.autoconfigure;

import dev.migrator.ErrorCode;
import dev.migrator.Migration;
import dev.migrator.Migrator;
import dev.migrator.MigratorConfiguration;
import dev.migrator.MigratorException;
import dev.migrator.event.MigrationListener;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

    private static final Logger log = LoggerFactory.getLogger(MigratorAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Migrator migrator(MigratorProperties properties, ResourceLoader resourceLoader,
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
        Migrator migrator = configuration.load();
        requireRevisions(migrator, configuration, properties);
        return migrator;
    }

    /** A wrong location on an existing database would otherwise start as AHEAD with health UP. */
    private static void requireRevisions(Migrator migrator, MigratorConfiguration configuration, MigratorProperties properties) {
        if (!migrator.heads().isEmpty()) { // any revision makes a head; the heads are cheaper to list than every revision
            return;
        }
        String message = "No revision found at " + configuration.getLocations() + " (migrator.locations) and no "
                + "Migration bean is defined.";
        if (properties.isFailOnMissingLocations()) {
            throw new MigratorException(ErrorCode.LOCATION_INVALID, message + " Check migrator.locations (classpath: or "
                    + "filesystem: paths to the directories holding the revisions), or set "
                    + "migrator.fail-on-missing-locations=false while the application has no revision yet.");
        }
        log.warn("{} Nothing will be migrated (migrator.fail-on-missing-locations=false).", message);
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

        @Bean
        StartupRun migratorStartupRun(Migrator migrator, MigratorProperties properties,
                ObjectProvider<MigrationStrategy> strategy, MigratorStartupStatus status) {
            return new StartupRun(migrator, startupStrategy(properties, strategy), status,
                    properties.getStartup().isConcurrent());
        }

        /** Lazy: created by the first bean that needs the migrated database, which then waits for the run. */
        @Bean
        @Lazy
        MigratorInitializer migratorInitializer(StartupRun migratorStartupRun) {
            return new MigratorInitializer(migratorStartupRun);
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
