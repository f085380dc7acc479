package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.event.MigrationListener;
import dev.migrator.internal.lock.AdvisoryLock;
import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.result.HistoryEntry;
import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.result.MigratorStatus;
import dev.migrator.result.RevisionDetails;
import dev.migrator.result.RevisionInfo;
import dev.migrator.result.StampResult;
import dev.migrator.result.MigrationResult.StepResult;
import dev.migrator.result.ValidationResult;
import dev.migrator.result.VerifyResult;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FreshDatabase.class)
class MigratorCommandsTest {

    @TempDir
    Path dir;

    private RevisionFiles linear(int n) {
        RevisionFiles files = new RevisionFiles(dir);
        for (int i = 1; i <= n; i++) {
            if (i == 1) {
                files.table("r001");
            } else {
                files.table(String.format("r%03d", i), String.format("r%03d", i - 1));
            }
        }
        return files;
    }

    @Test
    void upgradeAppliesEveryRevisionOnceAndRecordsEachStep(TestDatabase db) {
        Migrator migrator = linear(3).load(db);

        MigrationResult result = migrator.upgrade("heads");

        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r001", "r002", "r003");
        assertThat(result.before()).isEmpty();
        assertThat(result.after()).containsExactly("r003");
        assertThat(migrator.current()).containsExactly("r003");
        assertThat(db.tableExists("table_r003")).isTrue();
        List<HistoryEntry> log = migrator.log(10);
        assertThat(log).extracting(HistoryEntry::revision).containsExactly("r003", "r002", "r001");
        assertThat(log).allSatisfy(e -> {
            assertThat(e.success()).isTrue();
            assertThat(e.direction()).isEqualTo(Direction.UPGRADE);
            assertThat(e.appliedBy()).contains("@").contains("pid");
            assertThat(e.finishedAt()).isNotNull();
        });
        assertThat(log.get(0).checksum()).isEqualTo(migrator.show("r003").revision().checksum()).isNotNull();
        assertThat(log.get(0).revises()).containsExactly("r002");
        assertThat(log.get(0).schemaFingerprint()).as("the last step of a run records the schema snapshot's SHA-256")
                .matches("[0-9a-f]{64}");
        assertThat(migrator.upgrade("heads").applied()).isZero();
        assertThat(migrator.log(10)).hasSize(3);
    }

    @Test
    void upgradeToARevisionStopsThereAndPendingListsTheRest(TestDatabase db) {
        Migrator migrator = linear(3).load(db);

        migrator.upgrade("r001");

        assertThat(migrator.current()).containsExactly("r001");
        assertThat(migrator.pending()).extracting(RevisionInfo::revision).containsExactly("r002", "r003");
        assertThat(migrator.status().state()).isEqualTo(MigrationState.PENDING);
        assertThat(migrator.status().applied()).isEqualTo(1);
        ValidationResult validation = migrator.validate();
        assertThat(validation.state()).isEqualTo(MigrationState.PENDING);
        assertThat(validation.pending()).extracting(RevisionInfo::revision).containsExactly("r002", "r003");
        assertThat(validation.unknown()).isEmpty();
    }

    @Test
    void statusIsMigratingWhileAnotherSessionHoldsTheRunLock(TestDatabase db) throws Exception {
        Migrator migrator = linear(1).load(db);
        migrator.upgrade("heads");
        try (Connection other = db.connect(); Statement s = other.createStatement()) {
            long key = AdvisoryLock.keyFor("public", "migrator_");
            s.execute("SELECT pg_advisory_lock(" + key + ")");

            assertThat(migrator.status().state()).isEqualTo(MigrationState.MIGRATING);

            // Unlocked explicitly: closing the session would release the lock only when the server
            // has ended the backend, a moment after close() returns.
            s.execute("SELECT pg_advisory_unlock(" + key + ")");
            assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
        }
    }

    @Test
    void aThrowingListenerNeverBreaksAMigration(TestDatabase db) {
        List<String> seen = new CopyOnWriteArrayList<>();
        MigrationListener broken = new MigrationListener() {
            @Override
            public void stepStarted(String revision, Direction direction) {
                seen.add(revision);
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void runSucceeded(MigrationResult result) {
                throw new IllegalStateException("listener bug");
            }
        };
        Migrator migrator = linear(2).configure(db).listeners(broken).load();

        assertThat(migrator.upgrade("heads").applied()).isEqualTo(2);
        assertThat(seen).containsExactly("r001", "r002");
    }

    @Test
    void downgradeUndoesRevisionsAndRecordsThem(TestDatabase db) {
        Migrator migrator = linear(3).load(db);
        migrator.upgrade("heads");

        MigrationResult down = migrator.downgrade("-1");

        assertThat(down.steps()).extracting(StepResult::revision).containsExactly("r003");
        assertThat(db.tableExists("table_r003")).isFalse();
        assertThat(migrator.current()).containsExactly("r002");
        assertThat(migrator.log(1).get(0).direction()).isEqualTo(Direction.DOWNGRADE);

        migrator.downgrade("base");
        assertThat(migrator.current()).isEmpty();
        assertThat(db.tableExists("table_r001")).isFalse();
    }

    @Test
    void stampWritesVersionRowsWithoutRunningAnyRevision(TestDatabase db) {
        Migrator migrator = linear(2).load(db);

        StampResult stamped = migrator.stamp("heads");

        assertThat(stamped.before()).isEmpty();
        assertThat(stamped.after()).containsExactly("r002");
        assertThat(db.tableExists("table_r001")).isFalse();
        assertThat(migrator.current()).containsExactly("r002");
        assertThat(migrator.log(1).get(0).direction()).isEqualTo(Direction.STAMP);
        assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);

        migrator.stamp("base");
        assertThat(migrator.current()).isEmpty();
    }

    @Test
    void anUnknownTargetIsAClearErrorAndChangesNothing(TestDatabase db) {
        Migrator migrator = linear(2).load(db);

        assertThatThrownBy(() -> migrator.upgrade("zzzz9999")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("zzzz9999");

        assertThat(migrator.current()).isEmpty();
        assertThat(db.tableExists("table_r001")).isFalse();
    }

    @Test
    void aDowngradeAcrossAnIrreversibleRevisionIsRefusedBeforeAnythingRuns(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("r001");
        files.revision("r002").revises("r001").irreversible("drops the legacy column; data is gone")
                .upgrade("CREATE TABLE table_r002 (id int)").write();
        files.table("r003", "r002");
        Migrator migrator = files.load(db);
        migrator.upgrade("heads");

        assertThatThrownBy(() -> migrator.downgrade("base")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("r002").hasMessageContaining("data is gone");

        assertThat(db.tableExists("table_r003")).as("r003 was not downgraded").isTrue();
        assertThat(migrator.current()).containsExactly("r003");
    }

    @Test
    void aChangedChecksumFailsBeforeAnythingRunsNamingRevisionAndFile(TestDatabase db) throws Exception {
        RevisionFiles files = linear(1);
        files.load(db).upgrade("heads");
        Files.writeString(files.file("r001"), Files.readString(files.file("r001")).replace("id int", "id bigint"));
        files.table("r002", "r001");
        Migrator edited = files.load(db);

        assertThatThrownBy(() -> edited.upgrade("heads")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("r001").hasMessageContaining("r001_revision.sql");
        assertThatThrownBy(edited::validate).isInstanceOf(MigratorException.class).hasMessageContaining("r001");
        assertThat(db.tableExists("table_r002")).isFalse();

        Migrator trusting = files.configure(db).validateChecksums(false).load();
        assertThat(trusting.upgrade("heads").applied()).isEqualTo(1);
    }

    @Test
    void theLatestUpgradeOfARevisionIsWhatItsFileIsComparedWith(TestDatabase db) throws Exception {
        RevisionFiles files = linear(2);
        Migrator original = files.load(db);
        original.upgrade("heads");
        original.downgrade("r001");
        String before = Files.readString(files.file("r002"));
        Files.writeString(files.file("r002"), before.replace("id int", "id bigint"));
        files.load(db).upgrade("heads"); // r002 re-applied as edited: history holds both upgrades

        assertThat(files.load(db).validate().state()).isEqualTo(MigrationState.UP_TO_DATE);
        Files.writeString(files.file("r002"), before);
        assertThatThrownBy(() -> files.load(db).upgrade("heads")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("r002").hasMessageContaining("changed since they were applied");
    }

    @Test
    void aStampedRevisionsFileIsComparedFromThenOnLikeAnUpgradedOnes(TestDatabase db) throws Exception {
        RevisionFiles files = linear(2);
        files.load(db).stamp("heads"); // the schema was made by hand: nothing runs, r002's row is written
        Files.writeString(files.file("r002"), Files.readString(files.file("r002")).replace("id int", "id bigint"));

        assertThatThrownBy(() -> files.load(db).upgrade("heads")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("r002").hasMessageContaining("changed since they were applied");
    }

    @Test
    void aStampThatOnlyRemovesRowsDoesNotVouchForTheFileOfTheRevisionItKeeps(TestDatabase db) throws Exception {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("a001");
        files.revision("b001").branchLabels("bbranch").upgrade("CREATE TABLE table_b001 (id int)")
                .downgrade("DROP TABLE table_b001").write();
        files.load(db).upgrade("heads"); // two bases, two heads: rows a001 and b001
        Files.writeString(files.file("a001"), Files.readString(files.file("a001")).replace("id int", "id bigint"));

        Migrator edited = files.configure(db).validateChecksums(false).load();
        edited.stamp("bbranch@base"); // removes b001's row; its history row names a001, the revision that stays
        assertThat(edited.current()).containsExactly("a001");
        assertThat(edited.log(1).get(0).revision()).isEqualTo("a001");

        assertThatThrownBy(() -> files.load(db).validate()).isInstanceOf(MigratorException.class)
                .as("a001 was edited after its upgrade; the stamp did not make the edit the applied version")
                .hasMessageContaining("a001").hasMessageContaining("changed since they were applied");
    }

    @Test
    void onlyAppliedRevisionsAreValidatedAndEveryChangedOneIsNamedInOrder(TestDatabase db) throws Exception {
        RevisionFiles files = linear(3);
        Migrator migrator = files.load(db);
        migrator.upgrade("heads");
        migrator.downgrade("r002");
        for (String id : List.of("r003", "r002", "r001")) {
            Files.writeString(files.file(id), Files.readString(files.file(id)).replace("id int", "id bigint"));
        }

        assertThatThrownBy(() -> files.load(db).upgrade("heads")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("changed since they were applied:\n  r001 (")
                .hasMessageContaining("\n  r002 (")
                .message().as("r003 was downgraded: its file may change").doesNotContain("r003");
        assertThat(migrator.current()).containsExactly("r002");
    }

    @Test
    void revisionsTheCodeDoesNotKnowWarnByDefaultAndFailWhenConfigured(TestDatabase db) {
        RevisionFiles files = linear(2);
        files.load(db).upgrade("heads");
        files.delete("r002");

        Migrator older = files.load(db);
        assertThat(older.upgrade("heads").applied()).isZero();
        assertThat(older.status().state()).isEqualTo(MigrationState.AHEAD);
        assertThat(older.validate().unknown()).containsExactly("r002");

        Migrator strict = files.configure(db).onUnknownRevision(UnknownRevisionPolicy.FAIL).load();
        assertThatThrownBy(() -> strict.upgrade("heads")).isInstanceOf(MigratorException.class).hasMessageContaining("r002");
        assertThatThrownBy(strict::validate).isInstanceOf(MigratorException.class).hasMessageContaining("r002");
    }

    @Test
    void branchesAreAppliedAsSeveralHeadsAndAMergeJoinsThem(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("base0");
        files.table("left1", "base0");
        files.table("right1", "base0");
        Migrator branched = files.load(db);
        assertThat(branched.heads()).extracting(RevisionInfo::revision).containsExactlyInAnyOrder("left1", "right1");
        assertThat(branched.branches()).extracting(RevisionInfo::revision).containsExactly("base0");

        branched.upgrade("heads");
        assertThat(branched.current()).containsExactlyInAnyOrder("left1", "right1");

        files.revision("merge1").revises("left1", "right1").upgrade("CREATE TABLE table_merge1 (id int)")
                .downgrade("DROP TABLE table_merge1").write();
        Migrator merged = files.load(db);
        assertThat(merged.pending()).extracting(RevisionInfo::revision).containsExactly("merge1");
        merged.upgrade("heads");
        assertThat(merged.current()).containsExactly("merge1");
        assertThat(merged.status().state()).isEqualTo(MigrationState.UP_TO_DATE);

        merged.downgrade("-1");
        assertThat(merged.current()).containsExactlyInAnyOrder("left1", "right1");
    }

    @Test
    void showAndHistoryDescribeRevisionsAndWhetherTheyAreApplied(TestDatabase db) {
        Migrator migrator = linear(3).load(db);
        migrator.upgrade("r002");

        RevisionDetails applied = migrator.show("r002");
        RevisionDetails notYet = migrator.show("r003");

        assertThat(applied.applied()).isTrue();
        assertThat(applied.appliedAt()).isNotNull();
        assertThat(applied.revision().source()).contains("r002_revision.sql");
        assertThat(notYet.applied()).isFalse();
        assertThat(notYet.appliedAt()).isNull();
        assertThat(migrator.history("")).extracting(RevisionInfo::revision).containsExactly("r003", "r002", "r001");
        assertThat(migrator.revisions()).extracting(RevisionInfo::revision).containsExactly("r001", "r002", "r003");
        assertThatThrownBy(() -> migrator.show("nope")).isInstanceOf(MigratorException.class);
    }

    @Test
    void verifyRunsTheChecksOfAppliedRevisionsAndReportsFailuresWithoutThrowing(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("v001").upgrade("CREATE TABLE users (email text)").downgrade("DROP TABLE users")
                .verify("SELECT count(*) = 0 FROM users WHERE email IS NULL").write();
        files.revision("v002").revises("v001").upgrade("INSERT INTO users VALUES (NULL)").downgrade("DELETE FROM users")
                .verify("SELECT false").write();
        files.revision("v003").revises("v002").upgrade("CREATE TABLE t3 (id int)").downgrade("DROP TABLE t3")
                .verify("SELECT 1 FROM no_such_table").write();
        files.revision("v004").revises("v003").upgrade("CREATE TABLE t4 (id int)").downgrade("DROP TABLE t4")
                .verify("SELECT true").write();
        Migrator migrator = files.load(db);
        migrator.upgrade("v003");

        VerifyResult result = migrator.verify();

        assertThat(result.results()).extracting(CheckResult::revision).containsExactly("v001", "v002", "v003");
        assertThat(result.results()).extracting(CheckResult::status).containsExactly(
                CheckResult.Status.FAILED, CheckResult.Status.FAILED, CheckResult.Status.FAILED);
        assertThat(result.results().get(0).detail()).contains("false");
        assertThat(result.results().get(2).detail()).contains("no_such_table");
        assertThat(result.passed()).isFalse();

        db.execute("DELETE FROM users");
        assertThat(migrator.verify().results().get(0).passed()).isTrue();
    }

    @Test
    void statusFollowsTheDatabaseThroughItsStates(TestDatabase db) {
        RevisionFiles files = linear(2);
        files.revision("c003").revises("r002").phase("contract").upgrade("DROP TABLE table_r001")
                .downgrade("CREATE TABLE table_r001 (id int PRIMARY KEY)").write();
        Migrator migrator = files.load(db);
        assertThat(migrator.status().state()).isEqualTo(MigrationState.NOT_INITIALIZED);
        assertThat(migrator.current()).isEmpty();
        assertThat(migrator.log(5)).isEmpty();

        MigrationResult result = migrator.upgrade("heads");

        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r001", "r002");
        assertThat(result.deferred()).extracting(RevisionInfo::revision).containsExactly("c003");
        MigratorStatus status = migrator.status();
        assertThat(status.state()).isEqualTo(MigrationState.CONTRACT_PENDING);
        assertThat(status.pending()).extracting(RevisionInfo::revision).containsExactly("c003");
        assertThat(status.heads()).containsExactly("c003");

        files.configure(db).contract(ContractPolicy.APPLY).load().upgrade("heads");
        assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
        assertThat(db.tableExists("table_r001")).isFalse();
    }

    @Test
    void loadRejectsAConfigurationWithoutDatabaseOrWithNegativeRetries() {
        RevisionFiles files = linear(1);
        assertThatThrownBy(() -> Migrator.configure().locations(files.location()).load())
                .isInstanceOf(MigratorException.class).hasMessageContaining("dataSource");
        assertThatThrownBy(() -> Migrator.configure().url("jdbc:postgresql://127.0.0.1:1/x", "u", "secret")
                .locations(files.location()).lockRetries(-1).load())
                .isInstanceOf(MigratorException.class).hasMessageContaining("lockRetries")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aDatabaseErrorNeverShowsThePassword() {
        Migrator unreachable = Migrator.configure().url("jdbc:postgresql://127.0.0.1:1/x", "someone", "Sup3rSecretPw")
                .locations(linear(1).location()).load();

        assertThatThrownBy(() -> unreachable.upgrade("heads")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("Cannot connect to the database 127.0.0.1:1/x").hasMessageNotContaining("Sup3rSecretPw");
    }

    @Test
    void aConfiguredSchemaAndPrefixAreCreatedWithQuotedNames(TestDatabase db) {
        Migrator migrator = linear(2).configure(db).schema("Ops Schema").tablePrefix("Mig_").load();

        migrator.upgrade("heads");

        assertThat(db.queryValue("SELECT revision FROM \"Ops Schema\".\"Mig_version\"")).isEqualTo("r002");
        assertThat(db.count("SELECT count(*) FROM \"Ops Schema\".\"Mig_history\" WHERE success")).isEqualTo(2);
        assertThat(db.tableExists("migrator_version")).isFalse();
        assertThat(migrator.current()).containsExactly("r002");
        assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
    }
}
