package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.ErrorCode;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code migrator.safety}: the analysis before the startup upgrade warns (default), fails, or is off. */
@ExtendWith({FreshDatabase.class, OutputCaptureExtension.class})
class StartupSafetyTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigratorAutoConfiguration.class));

    private ApplicationContextRunner on(TestDatabase db, String location) {
        return runner.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + db.password(), "migrator.locations=" + location);
    }

    private static long lines(CapturedOutput output, String text) {
        return output.getOut().lines().filter(line -> line.contains(text)).count();
    }

    @Test
    void warnsOncePerFindingThenMigratesByDefault(TestDatabase db, CapturedOutput output) {
        on(db, "classpath:db/unsafe").run(context -> assertThat(context).hasNotFailed());
        assertThat(db.tableExists("docs")).isTrue();
        assertThat(lines(output, "Migration safety: ")).isEqualTo(2);
        assertThat(output.getOut()).contains("WARN").contains("Migration safety: ERROR prefer-jsonb 5afe00000001 (")
                .contains("5afe00000001_json_docs.sql:5)")
                .contains("Migration safety: WARNING timestamp-without-time-zone 5afe00000001");
    }

    @Test
    void failRefusesToStartBeforeMigratingAndNamesTheFindings(TestDatabase db) {
        on(db, "classpath:db/unsafe").withPropertyValues("migrator.safety=fail").run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (!(cause instanceof MigratorException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(MigratorException.class);
            assertThat(((MigratorException) cause).code()).isEqualTo(ErrorCode.SAFETY_VIOLATION);
            assertThat(cause.getMessage()).contains("migrator.safety=fail: 1 error-level safety finding(s)")
                    .contains("prefer-jsonb 5afe00000001").contains("nothing was migrated")
                    .doesNotContain("timestamp-without-time-zone");
        });
        assertThat(db.tableExists("docs")).isFalse();
        assertThat(db.tableExists("migrator_version")).isFalse();
    }

    @Test
    void offSkipsTheAnalysis(TestDatabase db, CapturedOutput output) {
        on(db, "classpath:db/unsafe").withPropertyValues("migrator.safety=off")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(db.tableExists("docs")).isTrue();
        assertThat(lines(output, "Migration safety: ")).isZero();
    }

    @Test
    void aDeferredContractRevisionIsNotHeldAgainstTheStartup(TestDatabase db) {
        on(db, "classpath:db/unsafe-contract").withPropertyValues("migrator.safety=fail").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Migrator.class).current()).containsExactly("5afe00000002");
        });
        on(db, "classpath:db/unsafe-contract").withPropertyValues("migrator.safety=fail", "migrator.contract=apply")
                .run(context -> assertThat(context).hasFailed());
        assertThat(db.count("SELECT count(*) FROM migrator_version WHERE revision = '5afe00000003'")).isZero();
    }
}
