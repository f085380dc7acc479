package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.ErrorCode;
import dev.migrator.Migration;
import dev.migrator.Migrator;
import dev.migrator.MigratorConfiguration;
import dev.migrator.MigratorException;
import dev.migrator.Revision;
import dev.migrator.operation.Operations;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;

@ExtendWith(FreshDatabase.class)
class MigratorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class));

    private ApplicationContextRunner on(TestDatabase db) {
        return runner.withPropertyValues("spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(), "spring.datasource.password=" + db.password());
    }

    @Test
    void backsOffWhenDisabled(TestDatabase db) {
        on(db).withPropertyValues("migrator.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(Migrator.class).doesNotHaveBean(MigratorInitializer.class);
        });
        assertThat(db.tableExists("migrator_version")).isFalse();
    }

    @Test
    void backsOffWhenThereIsNoDataSourceAndNoMigratorUrl() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(Migrator.class).doesNotHaveBean(MigratorProperties.class);
                });
    }

    @Test
    void backsOffWhenTheEngineIsNotOnTheClasspath(TestDatabase db) {
        on(db).withClassLoader(new FilteredClassLoader(Migrator.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(MigratorInitializer.class);
        });
    }

    @Test
    void migratesTheApplicationDataSourceAtStartup(TestDatabase db) {
        on(db).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(Migrator.class).hasSingleBean(MigratorInitializer.class);
            assertThat(context.getBean(Migrator.class).current()).containsExactly("a1b2c3d4e5f6");
            assertThat(context.getBean(MigratorStartupStatus.class).state()).isEqualTo(MigratorStartupStatus.State.FINISHED);
        });
        assertThat(db.tableExists("items")).isTrue();
    }

    @Test
    void migratorUrlIsEnoughWithoutADataSource(TestDatabase db) {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
                .withPropertyValues("migrator.url=" + db.url(), "migrator.user=" + db.user(),
                        "migrator.password=" + db.password())
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Migrator.class));
        assertThat(db.tableExists("items")).isTrue();
    }

    @Test
    void migratorUrlWinsOverTheApplicationDataSource(TestDatabase app, TestDatabase dedicated) {
        on(app).withPropertyValues("migrator.url=" + dedicated.url(), "migrator.user=" + dedicated.user(),
                "migrator.password=" + dedicated.password())
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(dedicated.tableExists("items")).isTrue();
        assertThat(app.tableExists("items")).isFalse();
    }

    @Test
    void migratorUserAloneMigratesTheApplicationDatabaseWithOtherCredentials(TestDatabase db) {
        String owner = "owner_" + db.name();
        db.execute("CREATE ROLE " + owner + " LOGIN PASSWORD 'owner-secret'");
        try {
            db.execute("GRANT ALL ON SCHEMA public TO " + owner);
            db.execute("GRANT CREATE ON DATABASE " + db.name() + " TO " + owner);
            List<String> users = new ArrayList<>();
            // the test server's URL carries ?user=postgres, which the driver prefers over the credentials
            on(db).withPropertyValues("spring.datasource.url=" + db.url().replaceFirst("\\?.*", ""),
                    "migrator.user=" + owner, "migrator.password=owner-secret")
                    .withBean(MigratorCustomizer.class, () -> configuration -> users.add(currentUser(configuration.getDataSource())))
                    .run(context -> assertThat(context).hasNotFailed());
            assertThat(users).containsExactly(owner);
            assertThat(db.queryValue("SELECT tableowner FROM pg_tables WHERE tablename = 'items'")).isEqualTo(owner);
        } finally {
            db.execute("DROP OWNED BY " + owner);
            db.execute("DROP ROLE " + owner);
        }
    }

    @Test
    void migratorDataSourceQualifiedBeanIsUsed(TestDatabase app, TestDatabase dedicated) {
        runner.withBean("appDataSource", DataSource.class, app::dataSource, bd -> bd.setPrimary(true))
                // as if declared with @Bean @MigratorDataSource
                .withBean("migrationDataSource", DataSource.class, dedicated::dataSource,
                        bd -> ((AbstractBeanDefinition) bd).addQualifier(new AutowireCandidateQualifier(MigratorDataSource.class)))
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(dedicated.tableExists("items")).isTrue();
        assertThat(app.tableExists("items")).isFalse();
    }

    @Test
    void customizersAreAppliedInOrderAfterTheProperties(TestDatabase db) {
        List<String> calls = new ArrayList<>();
        on(db).withPropertyValues("migrator.table-prefix=from_properties_")
                .withBean("second", MigratorCustomizer.class, () -> new OrderedCustomizer(2, calls))
                .withBean("first", MigratorCustomizer.class, () -> new OrderedCustomizer(1, calls))
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(calls).containsExactly("1 saw from_properties_", "2 saw c1_");
        assertThat(db.tableExists("c2_version")).isTrue();
    }

    @Test
    void migrationBeansAreAppliedAsJavaRevisions(TestDatabase db) {
        on(db).withBean(CreateJavaDone.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Migrator.class).current()).containsExactly("e5f6a1b2c3d4");
        });
        assertThat(db.tableExists("java_done")).isTrue();
    }

    @Test
    void targetLimitsTheStartupUpgrade(TestDatabase db) {
        on(db).withPropertyValues("migrator.locations=classpath:db/migrations,classpath:db/contract",
                "migrator.contract=apply", "migrator.target=a1b2c3d4e5f6")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(db.tableExists("items")).isTrue();
        assertThat(db.tableExists("contract_done")).isFalse();
    }

    @Test
    void contractDeferLeavesContractRevisionsPending(TestDatabase db) {
        on(db).withPropertyValues("migrator.locations=classpath:db/migrations,classpath:db/contract")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(db.tableExists("items")).isTrue();
        assertThat(db.tableExists("contract_done")).isFalse();
    }

    @Test
    void contractApplyRunsContractRevisions(TestDatabase db) {
        on(db).withPropertyValues("migrator.locations=classpath:db/migrations,classpath:db/contract",
                "migrator.contract=apply").run(context -> assertThat(context).hasNotFailed());
        assertThat(db.tableExists("contract_done")).isTrue();
    }

    @Test
    void validateFailsStartupListingPendingRevisionsAndLeavesTheDatabaseUntouched(TestDatabase db) {
        on(db).withPropertyValues("migrator.startup.action=validate").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("a1b2c3d4e5f6 (create items)")
                    .hasMessageContaining("migrator.startup.action=validate");
        });
        assertThat(db.tableExists("items")).isFalse();
    }

    @Test
    void validateToleratesDeferredContractWorkButNotAnExpandRevisionBesideIt(TestDatabase db) {
        String withParallel = "migrator.locations=classpath:db/migrations,classpath:db/contract,classpath:db/contract-parallel";
        on(db).withPropertyValues("migrator.locations=classpath:db/migrations,classpath:db/contract")
                .run(context -> assertThat(context).hasNotFailed());

        // f6a1... revises the same parent as the deferred contract revision d4e5... and sorts after it
        on(db).withPropertyValues(withParallel, "migrator.startup.action=validate").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("1 revision(s) pending")
                    .hasMessageContaining("f6a1b2c3d4e5 (an expand step beside the contract step)")
                    .message().doesNotContain("d4e5f6a1b2c3").doesNotContain("e6f7a8b9c0d1");
        });
        assertThat(db.tableExists("expand_beside_done")).isFalse();

        on(db).withPropertyValues(withParallel).run(context -> assertThat(context).hasNotFailed());
        assertThat(db.tableExists("expand_beside_done")).isTrue();
        assertThat(db.tableExists("contract_done")).isFalse();
        assertThat(db.tableExists("after_contract_done")).as("it needs the deferred contract revision").isFalse();
        on(db).withPropertyValues(withParallel, "migrator.startup.action=validate")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void validatePassesWhenNothingIsPending(TestDatabase db) {
        on(db).run(context -> assertThat(context).hasNotFailed());
        on(db).withPropertyValues("migrator.startup.action=validate").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void actionNoneDoesNotTouchTheDatabase(TestDatabase db) {
        on(db).withPropertyValues("migrator.startup.action=none").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
            assertThat(context.getBean(MigratorStartupStatus.class).state()).isEqualTo(MigratorStartupStatus.State.FINISHED);
        });
        assertThat(db.tableExists("items")).isFalse();
        assertThat(db.tableExists("migrator_version")).isFalse();
    }

    @Test
    void failedStartupUpgradeFailsTheContext(TestDatabase db) {
        on(db).withPropertyValues("migrator.locations=classpath:db/migrations,classpath:db/failing")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void asyncModeRegistersTheAsyncInitializerInstead(TestDatabase db) {
        on(db).withPropertyValues("migrator.startup.async=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(AsyncMigratorInitializer.class).doesNotHaveBean(MigratorInitializer.class);
            // No ApplicationReadyEvent in a bare context: nothing ran yet.
            assertThat(context.getBean(MigratorStartupStatus.class).state()).isEqualTo(MigratorStartupStatus.State.WAITING);
        });
        assertThat(db.tableExists("items")).isFalse();
    }

    @Test
    void userMigratorBeanIsUsedByTheInitializer(TestDatabase db) {
        on(db).withBean("myMigrator", Migrator.class,
                () -> Migrator.configure().dataSource(db.dataSource()).tablePrefix("custom_").load())
                .run(context -> assertThat(context).hasNotFailed().getBeans(Migrator.class).containsOnlyKeys("myMigrator"));
        assertThat(db.tableExists("custom_version")).isTrue();
        assertThat(db.tableExists("migrator_version")).isFalse();
    }

    @Test
    void userInitializerReplacesTheDefaultOne(TestDatabase db) {
        on(db).withBean("myInitializer", MigratorInitializer.class,
                () -> new MigratorInitializer(Migrator.configure().dataSource(db.dataSource()).load(), migrator -> { }))
                .run(context -> assertThat(context).hasNotFailed().getBeans(MigratorInitializer.class)
                        .containsOnlyKeys("myInitializer"));
        assertThat(db.tableExists("items")).isFalse();
    }

    @Test
    void migrationStrategyBeanReplacesTheStartupActionAndIsTracked(TestDatabase db) {
        List<String> calls = new ArrayList<>();
        on(db).withPropertyValues("migrator.locations=classpath:db/migrations,classpath:db/contract", "migrator.contract=apply")
                .withBean(MigrationStrategy.class, () -> migrator -> {
                    calls.add("strategy");
                    migrator.upgrade("a1b2c3d4e5f6");
                })
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(MigratorStartupStatus.class).state()).isEqualTo(MigratorStartupStatus.State.FINISHED);
                });
        assertThat(calls).containsExactly("strategy");
        assertThat(db.tableExists("items")).isTrue();
        assertThat(db.tableExists("contract_done")).as("the strategy, not migrator.target=heads, decided").isFalse();
    }

    @Test
    void aFailingMigrationStrategyFailsTheStartAndIsRecorded(TestDatabase db) {
        on(db).withBean(MigrationStrategy.class, () -> migrator -> migrator.upgrade("nope9999")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MigratorException.class)
                    .hasMessageContaining("nope9999");
        });
    }

    @Test
    void locationsWithoutAnyRevisionFailTheStartNamingThem(TestDatabase db) {
        on(db).withPropertyValues("migrator.locations=classpath:db/nothing-here").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MigratorException.class)
                    .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.LOCATION_INVALID))
                    .hasMessageContaining("classpath:db/nothing-here").hasMessageContaining("migrator.fail-on-missing-locations");
        });
        assertThat(db.tableExists("migrator_version")).isFalse();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void locationsWithoutAnyRevisionOnlyWarnWhenAllowed(TestDatabase db, CapturedOutput output) {
        on(db).withPropertyValues("migrator.locations=classpath:db/nothing-here", "migrator.fail-on-missing-locations=false")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Migrator.class));
        assertThat(output).contains("WARN").contains("No revision found at [classpath:db/nothing-here]");
    }

    @Test
    void baselineAdoptsAnExistingSchemaThenUpgradesFromIt(TestDatabase db) {
        db.execute("CREATE TABLE items (id bigserial PRIMARY KEY, name text NOT NULL)");

        on(db).withPropertyValues("migrator.locations=classpath:db/migrations,classpath:db/existing",
                "migrator.baseline=a1b2c3d4e5f6").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Migrator.class).current()).containsExactly("b0b0b0b0b001");
        });
        assertThat(db.queryValue("SELECT direction || ' ' || revision FROM migrator_history ORDER BY id LIMIT 1"))
                .isEqualTo("stamp a1b2c3d4e5f6");
        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'items'"
                + " AND column_name = 'price_cents'")).isEqualTo(1);
    }

    @Test
    void acceptChecksumChangeRecordsAnIntendedEditForOneStart(TestDatabase db) {
        on(db).run(context -> assertThat(context).hasNotFailed());
        ApplicationContextRunner edited = on(db).withPropertyValues("migrator.locations=classpath:db/migrations-edited");
        edited.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("migrator.accept-checksum-change"));

        edited.withPropertyValues("migrator.accept-checksum-change=a1b2c3d4e5f6: comment added, reviewed by Ana")
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(db.queryValue("SELECT message FROM migrator_history WHERE direction = 'stamp'"))
                .isEqualTo("checksum accepted: comment added, reviewed by Ana");
        edited.run(context -> assertThat(context).as("later starts pass without the setting").hasNotFailed());
    }

    @Test
    void acceptChecksumChangeWithoutAReasonFailsBeforeTouchingTheDatabase(TestDatabase db) {
        on(db).withPropertyValues("migrator.accept-checksum-change=a1b2c3d4e5f6").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("<revision id or all>: <reason>");
        });
        assertThat(db.tableExists("items")).isFalse();
    }

    @Test
    void aPasswordInTheMigrationUrlNeverReachesTheFailure() {
        // a mistyped scheme: DriverManager's "No suitable driver found for <url>" repeats the whole URL
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigratorAutoConfiguration.class))
                .withPropertyValues("migrator.url=jdbc:postgres://app:Sup3r-s3cret@localhost:1/shop?password=Sup3r-s3cret")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    for (Throwable t = failure; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("Sup3r-s3cret");
                    }
                    assertThat(failure).rootCause().hasMessageContaining("app:****@localhost:1/shop?password=****");
                });
    }

    private static String currentUser(DataSource dataSource) {
        try (var connection = dataSource.getConnection(); var rs = connection.createStatement().executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record OrderedCustomizer(int position, List<String> calls) implements MigratorCustomizer, org.springframework.core.Ordered {

        @Override
        public void customize(MigratorConfiguration configuration) {
            calls.add(position + " saw " + configuration.getTablePrefix());
            configuration.tablePrefix("c" + position + "_");
        }

        @Override
        public int getOrder() {
            return position;
        }
    }

    @Revision(id = "e5f6a1b2c3d4", revises = "a1b2c3d4e5f6", message = "a Java revision given as a bean")
    static class CreateJavaDone implements Migration {

        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE java_done (id int)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE java_done");
        }
    }
}
