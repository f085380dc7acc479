package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.result.HistoryEntry;
import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigrationResult.StepResult;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A section that holds only comments is a no-op: real histories keep reverted or renumbered migrations
 * as comment-only files. The revision is applied and recorded like any other, with no statement.
 */
@ExtendWith(FreshDatabase.class)
class NoOpRevisionTest {

    @TempDir
    Path dir;

    @Test
    void aCommentOnlyRevisionIsAppliedAndRecordedWithNoStatement(TestDatabase db) throws IOException {
        write("r001_create.sql", "-- Revision: r001\n-- Message: create t\n-- migrate:upgrade\nCREATE TABLE t (id int);\n"
                + "-- migrate:downgrade\nDROP TABLE t;\n");
        write("r002_reverted.sql", "-- Revision: r002\n-- Revises: r001\n-- Message: reverted, kept for its place\n"
                + "-- migrate:upgrade\n-- Empty migration, this migration was reverted\n\n"
                + "-- migrate:downgrade\n-- nothing to undo\n");
        write("r003_reverted_too.sql", "-- Revision: r003\n-- Revises: r002\n-- Transactional: false\n"
                + "-- migrate:upgrade\n/* was: CREATE INDEX CONCURRENTLY t_id ON t (id); */\n-- migrate:downgrade\n");
        write("r004_note.sql", "-- Revision: r004\n-- Revises: r003\n-- migrate:upgrade\nALTER TABLE t ADD note text;\n"
                + "-- migrate:downgrade\nALTER TABLE t DROP note;\n");
        Migrator migrator = Migrator.configure().dataSource(db.dataSource()).locations("filesystem:" + dir).load();

        MigrationResult result = migrator.upgrade("heads");

        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r001", "r002", "r003", "r004");
        assertThat(migrator.current()).containsExactly("r004");
        List<HistoryEntry> history = migrator.log(4);
        assertThat(history).extracting(HistoryEntry::revision).containsExactly("r004", "r003", "r002", "r001");
        assertThat(history).allSatisfy(entry -> {
            assertThat(entry.success()).isTrue();
            assertThat(entry.checksum()).hasSize(64);
        });
        assertThat(migrator.upgradeSql("r001", "r002")).contains("-- upgrade r002: reverted, kept for its place")
                .contains("INSERT INTO");

        migrator.downgrade("base");
        assertThat(migrator.current()).isEmpty();
        assertThat(db.tableExists("t")).isFalse();
        assertThat(db.count("SELECT count(*) FROM migrator_history WHERE direction = 'downgrade' AND success")).isEqualTo(4);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
