package dev.migrator;

import dev.migrator.internal.schema.SchemaReader;

import dev.migrator.check.PostDeployCheck.CheckOutcome;
import dev.migrator.check.PostDeployCheck;
import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.result.VerifyResult;
import dev.migrator.schema.SchemaSnapshot;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Migrator#check}: the engine feeds the built-in checks and records the schema after each run. */
@ExtendWith(FreshDatabase.class)
class MigratorCheckTest {

    @TempDir
    Path dir;

    private RevisionFiles accounts() {
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("c001").upgrade("CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL)")
                .downgrade("DROP TABLE accounts").verify("SELECT count(*) = 0 FROM accounts WHERE email = ''").write();
        files.revision("c002").revises("c001").upgrade("CREATE INDEX accounts_email_idx ON accounts (email)")
                .downgrade("DROP INDEX accounts_email_idx").write();
        return files;
    }

    private static CheckResult result(VerifyResult result, String name) {
        return result.results().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + result));
    }

    private static String fingerprint(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            return SchemaReader.read(connection, null, "migrator_").fingerprint();
        }
    }

    @Test
    void everyBuiltInCheckPassesAfterAnUpgradeAndUserChecksFollow(TestDatabase db) {
        Migrator migrator = accounts().load(db);
        migrator.upgrade("heads");

        VerifyResult result = migrator.check(List.of(new PostDeployCheck() {
            @Override
            public String name() {
                return "mine";
            }

            @Override
            public CheckOutcome check(Connection connection) {
                return CheckOutcome.passed("fine");
            }
        }));

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(result.results()).extracting(CheckResult::name)
                .containsExactly("version-table", "checksums", "invalid-indexes", "schema-drift", "verify", "mine");
        assertThat(result(result, "checksums").detail()).isEqualTo("2 applied revisions match their recorded checksums");
        assertThat(result(result, "verify").revision()).isEqualTo("c001");
    }

    @Test
    void aCheckRunningLongerThanTheConfiguredCheckTimeoutFailsAsTimedOutAndTheOthersStillRun(TestDatabase db) {
        Migrator migrator = accounts().configure(db).checkTimeout(Duration.ofMillis(300)).load();
        migrator.upgrade("heads");

        VerifyResult result = migrator.check(List.of(new PostDeployCheck() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public CheckOutcome check(Connection connection) throws SQLException {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_sleep(60)");
                }
                return CheckOutcome.passed("never");
            }
        }));

        assertThat(result(result, "slow").status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(result(result, "slow").detail()).contains("timed out after 300ms");
        assertThat(result(result, "checksums").passed()).isTrue();
    }

    @Test
    void aCheckTimeoutThatIsNotPositiveIsRefusedAtLoad(TestDatabase db) {
        assertThatThrownBy(() -> accounts().configure(db).checkTimeout(Duration.ZERO).load())
                .isInstanceOf(MigratorException.class).hasMessageContaining("checkTimeout must be positive");
    }

    @Test
    void theRunsLastHistoryRowCarriesTheSchemaFingerprint(TestDatabase db) throws SQLException {
        accounts().load(db).upgrade("heads");

        assertThat(db.queryValue("SELECT schema_fingerprint FROM migrator_history ORDER BY id DESC LIMIT 1"))
                .isEqualTo(fingerprint(db));
        assertThat(db.count("SELECT count(*) FROM migrator_schema_snapshot")).isEqualTo(1);
    }

    @Test
    void aChangeOutsideMigrationsIsNamedEvenAfterARunThatAppliedNothing(TestDatabase db) {
        Migrator migrator = accounts().load(db);
        migrator.upgrade("heads");
        db.execute("ALTER TABLE accounts ADD COLUMN sneaky_hotfix boolean");

        migrator.upgrade("heads");
        VerifyResult result = migrator.check(List.of());

        CheckResult drift = result(result, "schema-drift");
        assertThat(drift.passed()).isFalse();
        assertThat(drift.detail()).contains("column accounts.sneaky_hotfix added");
        assertThat(result.failed()).isEqualTo(1);
    }

    @Test
    void aChangeMadeByTheNextRevisionIsNotDrift(TestDatabase db) {
        RevisionFiles files = accounts();
        files.load(db).upgrade("heads");
        files.revision("c003").revises("c002").upgrade("ALTER TABLE accounts ADD COLUMN name text")
                .downgrade("ALTER TABLE accounts DROP COLUMN name").write();

        Migrator next = files.load(db);
        next.upgrade("heads");

        assertThat(result(next.check(List.of()), "schema-drift").passed()).isTrue();
        next.downgrade("c002");
        assertThat(result(next.check(List.of()), "schema-drift").passed()).as("a downgrade records the schema too").isTrue();
    }

    @Test
    void anEditedRevisionFileFailsTheChecksumCheck(TestDatabase db) throws Exception {
        RevisionFiles files = accounts();
        files.load(db).upgrade("heads");
        Files.writeString(files.file("c002"), Files.readString(files.file("c002")).replace("(email)", "(lower(email))"));

        CheckResult checksums = result(files.load(db).check(List.of()), "checksums");

        assertThat(checksums.passed()).isFalse();
        assertThat(checksums.detail()).contains("revision c002 (" + files.location() + "/c002_revision.sql)");
    }

    @Test
    void pendingRevisionsFailTheVersionTableCheck(TestDatabase db) {
        RevisionFiles files = accounts();
        files.load(db).upgrade("c001");

        CheckResult version = result(files.load(db).check(List.of()), "version-table");

        assertThat(version.passed()).isFalse();
        assertThat(version.detail()).contains("c002 (expand)");
    }

    @Test
    void stampingAnExistingSchemaRecordsItAsTheReference(TestDatabase db) {
        db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL)");
        db.execute("CREATE INDEX accounts_email_idx ON accounts (email)");
        Migrator migrator = accounts().load(db);

        migrator.stamp("heads");
        db.execute("DROP INDEX accounts_email_idx");

        CheckResult drift = result(migrator.check(List.of()), "schema-drift");
        assertThat(drift.passed()).isFalse();
        assertThat(drift.detail()).contains("index accounts_email_idx dropped");
    }
}
