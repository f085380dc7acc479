package dev.migrator.autoconfigure;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs {@code migrator.startup.action} while the context starts, before the web server and before
 * any bean that uses the database (a {@code DatabaseInitializerDetector} orders them after this bean).
 * Replace this bean to change what happens at startup.
 */
public class MigratorInitializer implements InitializingBean {

    private final StartupMigration migration;

    MigratorInitializer(StartupMigration migration) {
        this.migration = migration;
    }

    @Override
    public void afterPropertiesSet() {
        migration.run();
    }
}
