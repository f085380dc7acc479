package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Each class of failure, caused for real, carries its code and ends with the advice of its class
 * ({@link FailureAdvice}); only a revision's own SQL error tells to fix the revision. (Lock waits:
 * {@link LockTimeoutRetryTest}, {@link BlockedConcurrentIndexTest}; lost connections: {@link KilledMigrationTest}.)
 */
@ExtendWith(FreshDatabase.class)
class FailureClassesTest {

    private static final String FIX_THE_REVISION = FailureAdvice.of(ErrorCode.STATEMENT_FAILED);

    @TempDir
    Path dir;

    @Test
    void theRevisionsOwnSqlErrorAsksToFixTheRevision(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("e001").upgrade("INSERT INTO missing_table VALUES (1)").downgrade("SELECT 1").write();

        assertThatThrownBy(() -> files.load(db).upgrade("heads")).isInstanceOfSatisfying(MigratorException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STATEMENT_FAILED);
            assertThat(e.getMessage()).contains("e001_revision.sql:").contains("42P01")
                    .contains("Nothing of this revision was applied").endsWith("What to do: " + FIX_THE_REVISION);
        });
    }

    @Test
    void aStatementTimeoutNamesTheLimitAndDoesNotBlameTheSql(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("t001").upgrade("SELECT pg_sleep(5)").downgrade("SELECT 1").write();
        Migrator migrator = files.configure(db).statementTimeout(Duration.ofMillis(150)).load();

        assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOfSatisfying(MigratorException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STATEMENT_TIMEOUT);
            assertThat(e.getMessage()).contains("57014").contains("It ran longer than statement_timeout (150ms).")
                    .endsWith("What to do: " + FailureAdvice.of(ErrorCode.STATEMENT_TIMEOUT))
                    .doesNotContain(FIX_THE_REVISION).doesNotContain("PT0");
        });
    }

    @Test
    void aRoleWithoutThePrivilegeIsToldToGrantItNotToFixTheRevision(TestDatabase db) {
        String role = "weak_" + db.name();
        db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'not-a-secret-in-tests'");
        db.execute("CREATE SCHEMA app AUTHORIZATION " + role);
        db.execute("CREATE TABLE public.ledger (id int)"); // owned by the admin: the role may not alter it
        try {
            new RevisionFiles(dir).revision("p001").upgrade("ALTER TABLE public.ledger ADD COLUMN note text")
                    .downgrade("ALTER TABLE public.ledger DROP COLUMN note").write();
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(db.url().replaceAll("[?&]user=[^&]*", ""));
            ds.setUser(role);
            ds.setPassword("not-a-secret-in-tests");
            Migrator migrator = Migrator.configure().dataSource(ds).schema("app").locations(new RevisionFiles(dir).location()).load();

            assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOfSatisfying(MigratorException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                assertThat(e.getMessage()).contains("p001_revision.sql:").contains("42501").contains("ledger")
                        .endsWith("What to do: " + FailureAdvice.of(ErrorCode.PERMISSION_DENIED))
                        .doesNotContain(FIX_THE_REVISION).doesNotContain("not-a-secret");
            });
            assertThat(db.count("SELECT count(*) FROM app.migrator_history WHERE revision = 'p001' AND NOT success"
                    + " AND error LIKE 'SQLSTATE 42501:%'")).isEqualTo(1);
        } finally {
            db.execute("DROP SCHEMA app CASCADE");
            db.execute("DROP OWNED BY " + role);
            db.execute("DROP ROLE " + role);
        }
    }

    @Test
    void aRefusedConnectionIsAboutTheConnectionSettings() {
        Migrator unreachable = Migrator.configure().url("jdbc:postgresql://127.0.0.1:1/x?connectTimeout=5", "someone", "Sup3rSecretPw")
                .locations(new RevisionFiles(dir).location()).load();

        assertThatThrownBy(() -> unreachable.upgrade("heads")).isInstanceOfSatisfying(MigratorException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
            assertThat(e.getMessage()).endsWith("What to do: " + FailureAdvice.of(ErrorCode.CONNECTION_FAILED))
                    .doesNotContain("create tables").doesNotContain("Sup3rSecretPw");
        });
    }
}
