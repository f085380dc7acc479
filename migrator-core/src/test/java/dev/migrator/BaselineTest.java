package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.result.HistoryEntry;
import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.result.MigrationResult.StepResult;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Adopting a schema that exists already: stamp the baseline revision, then upgrade from there. */
@ExtendWith(FreshDatabase.class)
class BaselineTest {

    @TempDir
    Path dir;

    /** r001 and r002 describe what the schema already holds; r003 is the first new revision. */
    private RevisionFiles files() {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("r001");
        files.table("r002", "r001");
        files.table("r003", "r002");
        return files;
    }

    private static void existingSchema(TestDatabase db) {
        db.execute("CREATE TABLE table_r001 (id int PRIMARY KEY)");
        db.execute("CREATE TABLE table_r002 (id int PRIMARY KEY)");
    }

    @Test
    void aSchemaWithTablesAndNoMigratorStateIsStampedThenUpgraded(TestDatabase db) {
        existingSchema(db);
        Migrator migrator = files().configure(db).baseline("r002").load();

        MigrationResult result = migrator.upgrade("heads");

        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r003");
        assertThat(migrator.current()).containsExactly("r003");
        List<HistoryEntry> history = migrator.log(10);
        assertThat(history).extracting(HistoryEntry::direction).containsExactly(Direction.UPGRADE, Direction.STAMP);
        HistoryEntry stamp = history.get(1);
        assertThat(stamp.revision()).isEqualTo("r002");
        assertThat(stamp.success()).isTrue();
        assertThat(stamp.appliedBy()).contains("@").contains("pid");
        assertThat(stamp.startedAt()).isNotNull();
        assertThat(stamp.checksum()).as("the stamped file counts as applied").isEqualTo(migrator.show("r002").revision().checksum());
    }

    @Test
    void theSafetyAnalysisBeforeTheUpgradeLooksAtWhatRunsAfterTheBaseline(TestDatabase db) {
        existingSchema(db);
        Migrator migrator = files().configure(db).baseline("r002").load();

        assertThat(migrator.analyze("heads").revisions()).containsExactly("r003");
        assertThat(db.tableExists("migrator_version")).as("the analysis changes nothing").isFalse();
    }

    @Test
    void withoutABaselineTheExistingTableFailsTheFirstRevisionThenABaselineAdoptsIt(TestDatabase db) {
        existingSchema(db);
        assertThatThrownBy(() -> files().load(db).upgrade("heads")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("already exists");

        // the failed attempt left Migrator's tables with one failed row: still no state to keep
        Migrator migrator = files().configure(db).baseline("r002").load();
        migrator.upgrade("heads");

        assertThat(migrator.current()).containsExactly("r003");
        assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
    }

    @Test
    void anEmptySchemaIsUpgradedFromBase(TestDatabase db) {
        Migrator migrator = files().configure(db).baseline("r002").load();

        MigrationResult result = migrator.upgrade("heads");

        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r001", "r002", "r003");
        assertThat(migrator.log(10)).extracting(HistoryEntry::direction).containsOnly(Direction.UPGRADE);
    }

    @Test
    void aManagedSchemaIsNeverStampedAgain(TestDatabase db) {
        files().load(db).upgrade("r001");
        files().load(db).downgrade("base");

        Migrator migrator = files().configure(db).baseline("r002").load();
        MigrationResult result = migrator.upgrade("heads");

        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r001", "r002", "r003");
        assertThat(migrator.log(10)).extracting(HistoryEntry::direction).doesNotContain(Direction.STAMP);
    }

    @Test
    void anUnknownBaselineFailsAndLeavesTheSchemaUnmanaged(TestDatabase db) {
        existingSchema(db);
        Migrator migrator = files().configure(db).baseline("nope9999").load();

        assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("nope9999");

        assertThat(migrator.current()).isEmpty();
        assertThat(db.count("SELECT count(*) FROM migrator_history")).isZero();
    }

    @Test
    void aBlankBaselineIsAConfigurationError(TestDatabase db) {
        assertThatThrownBy(() -> files().configure(db).baseline(" ").load()).isInstanceOf(MigratorException.class)
                .hasMessageContaining("baseline is blank");
    }
}
