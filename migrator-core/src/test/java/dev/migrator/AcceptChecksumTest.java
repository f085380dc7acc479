package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.result.AcceptedChecksum;
import dev.migrator.result.HistoryEntry;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An intentional edit of an applied revision gets through with an audited history row, and only that way. */
@ExtendWith(FreshDatabase.class)
class AcceptChecksumTest {

    @TempDir
    Path dir;

    /** r001, r002 applied; then r002's file gets a comment (the schema it makes is the same). */
    private RevisionFiles appliedThenEdited(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("r001");
        files.table("r002", "r001");
        files.load(db).upgrade("heads");
        files.revision("r002").revises("r001").upgrade("-- creates the second table", "CREATE TABLE table_r002 (id int PRIMARY KEY)")
                .downgrade("DROP TABLE table_r002").write();
        return files;
    }

    @Test
    void theChecksumErrorNamesTheAuditedWayThrough(TestDatabase db) {
        Migrator migrator = appliedThenEdited(db).load(db);

        assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(MigratorException.class)
                .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH))
                .hasMessageContaining("r002").hasMessageContaining("acceptChecksum(")
                .hasMessageContaining("migrator accept-checksum").hasMessageContaining("migrator.accept-checksum-change")
                .hasMessageNotContaining("disable checksum validation");
    }

    @Test
    void acceptingRecordsTheNewChecksumWithWhoWhenAndWhySoLaterRunsAndChecksPass(TestDatabase db) {
        Migrator migrator = appliedThenEdited(db).load(db);
        String previous = migrator.log(1).get(0).checksum();
        String now = migrator.show("r002").revision().checksum();

        List<AcceptedChecksum> accepted = migrator.acceptChecksum("r002", "comment added, reviewed in PR 42");

        assertThat(accepted).containsExactly(new AcceptedChecksum("r002", migrator.show("r002").revision().source(), previous, now));
        HistoryEntry row = migrator.log(1).get(0);
        assertThat(row.revision()).isEqualTo("r002");
        assertThat(row.direction()).isEqualTo(Direction.STAMP);
        assertThat(row.checksum()).isEqualTo(now);
        assertThat(row.message()).isEqualTo("checksum accepted: comment added, reviewed in PR 42");
        assertThat(row.appliedBy()).contains("@").contains("pid");
        assertThat(row.finishedAt()).isNotNull();
        assertThat(row.success()).isTrue();
        assertThat(migrator.current()).containsExactly("r002");
        // a later start: the run and the checks compare with the accepted checksum
        Migrator later = new RevisionFiles(dir).load(db);
        assertThat(later.upgrade("heads").applied()).isZero();
        assertThat(later.check(List.of()).results()).filteredOn(r -> r.name().equals("checksums"))
                .singleElement().satisfies(r -> assertThat(r.passed()).isTrue());
        assertThat(later.validate().state()).isEqualTo(MigrationState.UP_TO_DATE);
    }

    @Test
    void allAcceptsEveryEditedAppliedRevisionOneRowEach(TestDatabase db) {
        RevisionFiles files = appliedThenEdited(db);
        files.revision("r001").upgrade("CREATE TABLE table_r001 (id int PRIMARY KEY) -- trailing comment")
                .downgrade("DROP TABLE table_r001").write();
        Migrator migrator = files.load(db);

        List<AcceptedChecksum> accepted = migrator.acceptChecksum("all", "formatting pass");

        assertThat(accepted).extracting(AcceptedChecksum::revision).containsExactly("r001", "r002");
        assertThat(migrator.log(2)).extracting(HistoryEntry::message)
                .containsOnly("checksum accepted: formatting pass");
        assertThat(migrator.upgrade("heads").applied()).isZero();
    }

    @Test
    void nothingToAcceptWritesNothing(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("r001");
        Migrator migrator = files.load(db);
        migrator.upgrade("heads");
        long rows = db.count("SELECT count(*) FROM migrator_history");

        assertThat(migrator.acceptChecksum("all", "just in case")).isEmpty();
        assertThat(migrator.acceptChecksum("r001", "just in case")).isEmpty();

        assertThat(db.count("SELECT count(*) FROM migrator_history")).isEqualTo(rows);
    }

    @Test
    void aReasonIsRequired(TestDatabase db) {
        Migrator migrator = appliedThenEdited(db).load(db);

        for (String reason : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> migrator.acceptChecksum("r002", reason)).isInstanceOf(MigratorException.class)
                    .hasMessageContaining("needs a reason");
        }
        assertThat(db.count("SELECT count(*) FROM migrator_history WHERE direction = 'stamp'")).isZero();
    }

    @Test
    void aRevisionThatIsNotAppliedIsAnError(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("r001");
        files.table("r002", "r001");
        Migrator migrator = files.load(db);
        migrator.upgrade("r001");

        assertThatThrownBy(() -> migrator.acceptChecksum("r002", "edited")).isInstanceOf(MigratorException.class)
                .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.TARGET_INVALID))
                .hasMessageContaining("r002").hasMessageContaining("is not applied");
    }

    @Test
    void anUnknownRevisionIsAnError(TestDatabase db) {
        Migrator migrator = appliedThenEdited(db).load(db);

        assertThatThrownBy(() -> migrator.acceptChecksum("nope9999", "edited")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("nope9999");
    }
}
