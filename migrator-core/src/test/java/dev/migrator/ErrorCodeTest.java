package dev.migrator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every failure carries the code of its class, so tools can react without reading the message. */
@ExtendWith(FreshDatabase.class)
class ErrorCodeTest {

    @TempDir
    Path dir;

    @Test
    void loadFailuresSayWhetherTheFileOrTheGraphIsWrong(TestDatabase db) throws Exception {
        RevisionFiles files = new RevisionFiles(dir);
        Files.writeString(files.file("m001"), "-- Revision: m001\nCREATE TABLE t (id int);\n");
        assertThatThrownBy(() -> files.load(db)).isInstanceOf(MigratorException.class)
                .extracting(e -> ((MigratorException) e).code()).isEqualTo(ErrorCode.REVISION_MALFORMED);

        files.delete("m001");
        files.revision("g001").revises("nowhere").upgrade("SELECT 1").downgrade("SELECT 1").write();
        assertThatThrownBy(() -> files.load(db))
                .extracting(e -> ((MigratorException) e).code()).isEqualTo(ErrorCode.GRAPH_INVALID);

        assertThatThrownBy(() -> Migrator.configure().dataSource(db.dataSource()).locations("nowhere:x").load())
                .extracting(e -> ((MigratorException) e).code()).isEqualTo(ErrorCode.LOCATION_INVALID);
        assertThatThrownBy(() -> Migrator.configure().locations(files.location()).load())
                .extracting(e -> ((MigratorException) e).code()).isEqualTo(ErrorCode.CONFIGURATION_INVALID);
    }

    @Test
    void runFailuresSayWhatKindOfFailureStoppedTheRun(TestDatabase db) throws Exception {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("r001");
        files.revision("r002").revises("r001").irreversible("drops data").upgrade("SELECT 1").write();
        files.revision("r003").revises("r002").upgrade("INSERT INTO missing VALUES (1)").downgrade("SELECT 1").write();
        Migrator migrator = files.load(db);

        assertThatThrownBy(() -> migrator.upgrade("nosuchrevision"))
                .extracting(e -> ((MigratorException) e).code()).isEqualTo(ErrorCode.TARGET_INVALID);
        assertThatThrownBy(() -> migrator.upgrade("heads"))
                .extracting(e -> ((MigratorException) e).code()).isEqualTo(ErrorCode.STATEMENT_FAILED);
        assertThatThrownBy(() -> migrator.downgrade("base"))
                .extracting(e -> ((MigratorException) e).code()).isEqualTo(ErrorCode.IRREVERSIBLE);

        Files.writeString(files.file("r001"), Files.readString(files.file("r001")) + "\n-- edited\nSELECT 2;\n");
        assertThatThrownBy(() -> files.load(db).upgrade("heads"))
                .extracting(e -> ((MigratorException) e).code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
    }

    @Test
    void aStatementTimeoutIsNotBlamedOnTheRevisionsSql(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("s001").upgrade("SELECT pg_sleep(5)").downgrade("SELECT 1").write();
        Migrator migrator = files.configure(db).statementTimeout(Duration.ofMillis(100)).load();

        assertThatThrownBy(() -> migrator.upgrade("heads"))
                .extracting(e -> ((MigratorException) e).code()).isEqualTo(ErrorCode.STATEMENT_TIMEOUT);
    }
}
