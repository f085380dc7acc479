package dev.migrator;

import static dev.migrator.Journal.up;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.result.MigratorStatus;
import dev.migrator.result.RevisionInfo;
import dev.migrator.result.ValidationResult;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 7 on a real PostgreSQL: {@code contract=defer} holds back each contract-phase
 * revision and what needs it, and applies everything else, whatever the ids. Status, validate and
 * the version-table check agree with what the engine ran.
 *
 * <p>The graph: a001 (creates users) has two children, the contract revision b002 (drops a column)
 * and the expand revision c003 (adds one), whose id sorts after b002's; d004 revises b002, e005
 * depends on b002, f006 revises c003.
 */
@ExtendWith(FreshDatabase.class)
class ContractDeferralTest {

    @TempDir
    Path dir;

    private Journal graph(TestDatabase db) {
        Journal journal = new Journal(db, new RevisionFiles(dir));
        journal.revision("a001").upgrade("CREATE TABLE users (id int PRIMARY KEY, legacy_name text)")
                .downgrade("DROP TABLE users").write();
        journal.revision("b002", "a001").phase("contract").upgrade("ALTER TABLE users DROP COLUMN legacy_name")
                .downgrade("ALTER TABLE users ADD COLUMN legacy_name text").write();
        journal.revision("c003", "a001").upgrade("ALTER TABLE users ADD COLUMN email text")
                .downgrade("ALTER TABLE users DROP COLUMN email").write();
        journal.write("d004", "b002");
        journal.revision("e005").dependsOn("b002").write();
        journal.write("f006", "c003");
        return journal;
    }

    @Test
    void deferralHoldsBackContractRevisionsAndWhatNeedsThemAndAppliesTheRest(TestDatabase db) {
        Journal journal = graph(db);
        Migrator migrator = journal.load(ContractPolicy.DEFER);

        MigrationResult result = migrator.upgrade("heads");

        // before: the plan was cut at b002, so c003 (sorting after it) never ran and email was never created
        journal.assertRan(result, up("a001", "a001"), up("c003", "c003"), up("f006", "f006"));
        assertThat(result.deferred()).extracting(RevisionInfo::revision).containsExactly("b002", "d004", "e005");
        assertThat(db.queryValue("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' "
                + "AND column_name IN ('email', 'legacy_name')")).isEqualTo(2L);

        MigratorStatus status = migrator.status();
        assertThat(status.state()).isEqualTo(MigrationState.CONTRACT_PENDING);
        assertThat(status.pending()).extracting(RevisionInfo::revision).containsExactly("b002", "d004", "e005");
        assertThat(status.deferred()).isEqualTo(status.pending());
        ValidationResult validation = migrator.validate();
        assertThat(validation.state()).isEqualTo(MigrationState.CONTRACT_PENDING);
        assertThat(validation.blocking()).isEmpty();
        CheckResult versionTable = versionTableCheck(migrator);
        assertThat(versionTable.passed()).as(versionTable.detail()).isTrue();
        assertThat(versionTable.detail()).contains("b002 (contract)", "d004 (expand)", "e005 (expand)");

        Migrator contractRelease = journal.load(ContractPolicy.APPLY);
        journal.assertRan(contractRelease.upgrade("heads"),
                up("b002", "b002", "f006"), up("d004", "d004", "f006"), up("e005", "d004", "e005", "f006"));
        assertThat(contractRelease.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
        assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
    }

    @Test
    void aPendingRevisionThatNeedsNoContractRevisionMakesTheStatePending(TestDatabase db) {
        Journal journal = graph(db);
        Migrator migrator = journal.load(ContractPolicy.DEFER);
        journal.assertRan(migrator.upgrade("a001"), up("a001", "a001"));

        MigratorStatus status = migrator.status();

        assertThat(status.state()).isEqualTo(MigrationState.PENDING);
        assertThat(status.pending()).extracting(RevisionInfo::revision)
                .as("what runs now first, then what waits for the contract release")
                .containsExactly("c003", "f006", "b002", "d004", "e005");
        assertThat(status.deferred()).extracting(RevisionInfo::revision).containsExactly("b002", "d004", "e005");
        ValidationResult validation = migrator.validate();
        assertThat(validation.state()).isEqualTo(MigrationState.PENDING);
        assertThat(validation.blocking()).extracting(RevisionInfo::revision).containsExactly("c003", "f006");
        CheckResult versionTable = versionTableCheck(migrator);
        assertThat(versionTable.passed()).isFalse();
        assertThat(versionTable.detail()).contains("c003 (expand)", "Run upgrade");
    }

    @Test
    void underApplyNothingIsDeferred(TestDatabase db) {
        Journal journal = graph(db);
        Migrator migrator = journal.load(ContractPolicy.APPLY);
        journal.assertRan(migrator.upgrade("a001"), up("a001", "a001"));

        assertThat(migrator.status().deferred()).isEmpty();
        assertThat(migrator.status().state()).isEqualTo(MigrationState.PENDING);
        assertThat(migrator.status().pending()).extracting(RevisionInfo::revision)
                .containsExactly("b002", "d004", "e005", "c003", "f006");
    }

    private static CheckResult versionTableCheck(Migrator migrator) {
        return migrator.check(List.of()).results().stream().filter(r -> r.name().equals("version-table")).findFirst()
                .orElseThrow();
    }
}
