package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import dev.migrator.autoconfigure.MigratorAutoConfiguration;
import dev.migrator.autoconfigure.MigratorInitializer;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The guide's extension points, compiled and run from an application's own package, as a user has them:
 * only public types of the starter are reachable from here.
 */
@ExtendWith(FreshDatabase.class)
class DocumentedStartupMigrationTest {

    private static ApplicationContextRunner app(TestDatabase db) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(), "migrator.locations=classpath:db/branches");
    }

    @Test
    void aMigrationStrategyBeanDecidesWhatStartupMigrates(TestDatabase db) {
        app(db).withUserConfiguration(StartupMigrationConfiguration.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Migrator.class).current()).containsExactly("acc000000001");
        });
        assertThat(db.tableExists("accounts")).isTrue();
        assertThat(db.tableExists("invoices")).isFalse();
    }

    @Test
    void aMigratorInitializerBeanReplacesTheDefaultOne(TestDatabase db) {
        app(db).withUserConfiguration(StartupInitializerConfiguration.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBeans(MigratorInitializer.class).containsOnlyKeys("migratorInitializer");
            assertThat(context.getBean(Migrator.class).current()).containsExactly("bill00000001");
        });
        assertThat(db.tableExists("invoices")).isTrue();
        assertThat(db.tableExists("accounts")).isFalse();
    }
}
