package dev.migrator.internal.check;

import dev.migrator.internal.schema.SchemaReader;

import dev.migrator.check.PostDeployCheck;


import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.result.MigratorStatus;
import dev.migrator.Phase;
import dev.migrator.result.RevisionInfo;
import dev.migrator.schema.SchemaSnapshot;
import dev.migrator.internal.schema.SchemaSnapshotStore;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FreshDatabase.class)
class BuiltInChecksTest {

    private static final String PREFIX = "migrator_";

    private TestDatabase db;

    @BeforeEach
    void schema(TestDatabase db) {
        this.db = db;
        db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, email text)");
        db.execute("INSERT INTO accounts VALUES (1, 'a@example.com'), (2, 'b@example.com')");
    }

    private static RevisionInfo revision(String id, Phase phase) {
        return new RevisionInfo(id, List.of(), "message of " + id, Set.of(), List.of(), phase, true,
                "classpath:db/migrations/" + id + ".sql", "c".repeat(64), null);
    }

    private static MigratorStatus upToDate() {
        return new MigratorStatus(MigrationState.UP_TO_DATE, Set.of("bbbb"), List.of("bbbb"), List.of(), 2, List.of());
    }

    private static CheckContext context(MigratorStatus status, List<AppliedRevision> applied, String fingerprint) {
        return new CheckContext(null, PREFIX, status, applied, fingerprint);
    }

    private CheckResult run(CheckContext context, String name) {
        List<CheckResult> results = new CheckRunner(db::connect, Duration.ofSeconds(10)).run(BuiltInChecks.all(context));
        return results.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + results));
    }

    private SchemaSnapshot recordSchema() throws SQLException {
        try (Connection connection = db.connect()) {
            SchemaSnapshot snapshot = SchemaReader.read(connection, null, PREFIX);
            new SchemaSnapshotStore(null, PREFIX).save(connection, snapshot);
            return snapshot;
        }
    }

    @Test
    void builtInChecksComeInADocumentedOrderWithOneVerifyPerRevisionThatHasOne() {
        List<AppliedRevision> applied = List.of(
                new AppliedRevision("aaaa", "classpath:db/migrations/aaaa.sql", null, null, "SELECT true"),
                new AppliedRevision("bbbb", "java:com.example.B", null, null, null));

        List<PostDeployCheck> checks = BuiltInChecks.all(context(upToDate(), applied, null));

        assertThat(checks).extracting(PostDeployCheck::name)
                .containsExactly("version-table", "checksums", "invalid-indexes", "schema-drift", "verify");
        assertThat(checks.get(4).revision()).isEqualTo("aaaa");
    }

    // version-table

    @Test
    void versionTablePassesWhenItHoldsTheHeads() {
        CheckResult result = run(context(upToDate(), List.of(), null), "version-table");

        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).contains("[bbbb]");
    }

    @Test
    void versionTableFailsWhenExpandRevisionsArePending() {
        MigratorStatus status = new MigratorStatus(MigrationState.PENDING, Set.of("aaaa"), List.of("cccc"),
                List.of(revision("bbbb", Phase.EXPAND), revision("cccc", Phase.CONTRACT)), 1,
                List.of(revision("cccc", Phase.CONTRACT)));

        CheckResult result = run(context(status, List.of(), null), "version-table");

        assertThat(result.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(result.detail()).contains("holds [aaaa]", "heads are [cccc]", "bbbb (expand)", "cccc (contract)", "Run upgrade");
    }

    @Test
    void versionTablePassesWhenOnlyDeferredContractRevisionsArePending() {
        MigratorStatus status = new MigratorStatus(MigrationState.CONTRACT_PENDING, Set.of("aaaa"), List.of("cccc"),
                List.of(revision("cccc", Phase.CONTRACT)), 1, List.of(revision("cccc", Phase.CONTRACT)));

        CheckResult result = run(context(status, List.of(), null), "version-table");

        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).contains("deferred contract", "cccc (contract)");
    }

    @Test
    void versionTablePassesWhenRevisionsThatNeedADeferredContractRevisionWaitWithIt() {
        List<RevisionInfo> waiting = List.of(revision("cccc", Phase.CONTRACT), revision("dddd", Phase.EXPAND));
        MigratorStatus status = new MigratorStatus(MigrationState.CONTRACT_PENDING, Set.of("aaaa"), List.of("dddd"),
                waiting, 1, waiting);

        assertThat(run(context(status, List.of(), null), "version-table").passed()).isTrue();
    }

    @Test
    void versionTableFailsOnPendingContractRevisionsWhenContractIsNotDeferred() {
        MigratorStatus status = new MigratorStatus(MigrationState.PENDING, Set.of("aaaa"), List.of("cccc"),
                List.of(revision("cccc", Phase.CONTRACT)), 1, List.of());

        assertThat(run(context(status, List.of(), null), "version-table").passed()).isFalse();
    }

    @Test
    void versionTablePassesWhenTheDatabaseIsAhead() {
        MigratorStatus status = new MigratorStatus(MigrationState.AHEAD, Set.of("ffff"), List.of("bbbb"), List.of(), 2, List.of());

        CheckResult result = run(context(status, List.of(), null), "version-table");

        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).contains("ahead");
    }

    @Test
    void versionTableFailsWhenNotInitialized() {
        MigratorStatus status = new MigratorStatus(MigrationState.NOT_INITIALIZED, Set.of(), List.of("bbbb"),
                List.of(revision("aaaa", Phase.EXPAND), revision("bbbb", Phase.EXPAND)), 0, List.of());

        CheckResult result = run(context(status, List.of(), null), "version-table");

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("missing or empty");
    }

    // checksums

    @Test
    void checksumsPassWhenEveryAppliedFileIsUnchanged() {
        List<AppliedRevision> applied = List.of(
                new AppliedRevision("aaaa", "classpath:db/migrations/aaaa.sql", "1".repeat(64), "1".repeat(64), null),
                new AppliedRevision("bbbb", "java:com.example.B", null, null, null),
                new AppliedRevision("cccc", "classpath:db/migrations/cccc.sql", "2".repeat(64), null, null));

        CheckResult result = run(context(upToDate(), applied, null), "checksums");

        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).isEqualTo("1 applied revisions match their recorded checksums");
    }

    @Test
    void checksumsFailNamingTheEditedRevisionAndFile() {
        List<AppliedRevision> applied = List.of(
                new AppliedRevision("aaaa", "classpath:db/migrations/aaaa_users.sql", "1".repeat(64), "9".repeat(64), null));

        CheckResult result = run(context(upToDate(), applied, null), "checksums");

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("revision aaaa (classpath:db/migrations/aaaa_users.sql)", "new revision");
    }

    // invalid-indexes

    @Test
    void invalidIndexesPassWithValidIndexes() {
        db.execute("CREATE INDEX accounts_email_idx ON accounts (email)");

        assertThat(run(context(upToDate(), List.of(), null), "invalid-indexes").passed()).isTrue();
    }

    @Test
    void invalidIndexesFailNamingTheLeftoverOfAFailedConcurrentBuild() {
        db.execute("INSERT INTO accounts VALUES (3, 'a@example.com')");
        try {
            db.execute("CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email)");
        } catch (RuntimeException expected) {
            // the duplicate makes the build fail and leaves an INVALID index behind
        }
        assertThat(db.count("SELECT count(*) FROM pg_index WHERE NOT indisvalid")).isEqualTo(1);

        CheckResult result = run(context(upToDate(), List.of(), null), "invalid-indexes");

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("public.accounts_email_key on accounts",
                "DROP INDEX CONCURRENTLY public.accounts_email_key;");
    }

    // schema-drift

    @Test
    void schemaDriftPassesWhenTheSchemaIsTheRecordedOne() throws SQLException {
        SchemaSnapshot recorded = recordSchema();

        CheckResult result = run(context(upToDate(), List.of(), recorded.fingerprint()), "schema-drift");

        assertThat(result.passed()).isTrue();
    }

    @Test
    void schemaDriftFailsNamingAColumnAddedOutsideMigrations() throws SQLException {
        SchemaSnapshot recorded = recordSchema();
        db.execute("ALTER TABLE accounts ADD COLUMN sneaky_hotfix boolean");

        CheckResult result = run(context(upToDate(), List.of(), recorded.fingerprint()), "schema-drift");

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).startsWith("schema changed outside migrations: column accounts.sneaky_hotfix added.");
    }

    @Test
    void schemaDriftReadsNoDescriptionWhileTheSchemaIsTheRecordedOne() throws SQLException {
        SchemaSnapshot recorded = recordSchema();
        // a stored description that cannot even be parsed: a check that read it would fail
        db.execute("UPDATE migrator_schema_snapshot SET description = 'not a snapshot'");

        assertThat(run(context(upToDate(), List.of(), recorded.fingerprint()), "schema-drift").passed()).isTrue();
        assertThat(run(context(upToDate(), List.of(), null), "schema-drift").passed()).isTrue();
    }

    @Test
    void schemaDriftWithoutAFingerprintComparesWithTheLatestRecordedSchema() throws SQLException {
        recordSchema();
        db.execute("CREATE INDEX accounts_email_idx ON accounts (email)");

        CheckResult result = run(context(upToDate(), List.of(), null), "schema-drift");

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("index accounts_email_idx added");
    }

    @Test
    void schemaDriftIgnoresAFingerprintOfAnotherFormat() throws SQLException {
        recordSchema();
        String md5 = "0123456789abcdef0123456789abcdef";

        assertThat(run(context(upToDate(), List.of(), md5), "schema-drift").passed()).isTrue();
    }

    @Test
    void schemaDriftPassesWhenNothingWasRecordedYet() {
        CheckResult result = run(context(upToDate(), List.of(), null), "schema-drift");

        assertThat(result.passed()).isTrue();
        assertThat(result.detail()).contains("no schema fingerprint recorded yet");
    }

    @Test
    void schemaDriftFailsWithoutNamingWhenTheRecordedDescriptionIsMissing() {
        CheckResult result = run(context(upToDate(), List.of(), "e".repeat(64)), "schema-drift");

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("differs from the recorded eeeeeeeeeeee", "no recorded description");
    }

    // verify

    private CheckResult verify(String query) {
        AppliedRevision revision = new AppliedRevision("aaaa", "classpath:db/migrations/aaaa.sql", null, null, query);
        CheckResult result = run(context(upToDate(), List.of(revision), null), "verify");
        assertThat(result.revision()).isEqualTo("aaaa");
        return result;
    }

    @Test
    void verifyPassesWhenTheQueryReturnsTrue() {
        assertThat(verify("SELECT count(*) = 0 FROM accounts WHERE email IS NULL;").passed()).isTrue();
    }

    @Test
    void verifyFailsWhenTheQueryReturnsFalse() {
        db.execute("INSERT INTO accounts VALUES (3, NULL)");

        CheckResult result = verify("SELECT count(*) = 0 FROM accounts WHERE email IS NULL");

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("verify query of revision aaaa (classpath:db/migrations/aaaa.sql) returned false",
                "SELECT count(*) = 0 FROM accounts WHERE email IS NULL");
    }

    @Test
    void verifyFailsWhenTheQueryReturnsNoBoolean() {
        assertThat(verify("SELECT count(*) FROM accounts").detail()).contains("returned 2 instead of true or false");
        assertThat(verify("SELECT true WHERE false").detail()).contains("returned no row");
        assertThat(verify("SELECT NULL::boolean").passed()).isFalse();
    }

    @Test
    void verifyFailsOnAnSqlErrorNamingTheRevision() {
        CheckResult result = verify("SELECT missing_column FROM accounts");

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("revision aaaa", "missing_column");
    }

    @Test
    void verifyCannotChangeData() {
        CheckResult result = verify("WITH gone AS (DELETE FROM accounts RETURNING 1) SELECT count(*) > 0 FROM gone");

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("read-only");
        assertThat(db.count("SELECT count(*) FROM accounts")).isEqualTo(2);
    }
}
