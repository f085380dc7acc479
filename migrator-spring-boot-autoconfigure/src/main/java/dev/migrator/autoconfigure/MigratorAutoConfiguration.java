package dev.migrator.autoconfigure;

import dev.migrator.Migration;
import dev.migrator.Migrator;
import dev.migrator.MigratorConfiguration;
import dev.migrator.event.MigrationListener;
import javax.sql.DataSource;
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
import org.springframework.context.annotation.Import;
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
        return configuration.load();
    }

    @Bean
    @ConditionalOnMissingBean
    MigratorStartupStatus migratorStartupStatus() {
        return new MigratorStartupStatus();
    }

    @Bean
    @ConditionalOnMissingBean({MigratorInitializer.class, AsyncMigratorInitializer.class})
    @ConditionalOnBooleanProperty(name = "migrator.startup.async", havingValue = false, matchIfMissing = true)
    MigratorInitializer migratorInitializer(Migrator migrator, MigratorProperties properties,
            MigratorStartupStatus status) {
        return new MigratorInitializer(new StartupMigration(migrator, properties, status));
    }

    @Bean
    @ConditionalOnMissingBean({MigratorInitializer.class, AsyncMigratorInitializer.class})
    @ConditionalOnBooleanProperty(name = "migrator.startup.async")
    AsyncMigratorInitializer asyncMigratorInitializer(Migrator migrator, MigratorProperties properties,
            MigratorStartupStatus status) {
        return new AsyncMigratorInitializer(new StartupMigration(migrator, properties, status), status);
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
