package dev.migrator.internal.source.index;

import dev.migrator.IndexGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.Phase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionIndexWriterTest {

    @TempDir
    Path classes;

    private Path migrations() throws IOException {
        return Files.createDirectories(classes.resolve("db/migrations"));
    }

    private void file(String relative, String text) throws IOException {
        Path file = migrations().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String revision(String id, String revises) {
        return "-- Revision: " + id + "\n" + (revises == null ? "" : "-- Revises: " + revises + "\n")
                + "-- Message: create " + id + "\n-- Lock-Timeout: 2s\n\n-- migrate:upgrade\nCREATE TABLE " + id
                + " (id int);\n\n-- migrate:downgrade\nDROP TABLE " + id + ";\n\n-- migrate:verify\nSELECT true;\n";
    }

    @Test
    void indexesEverySqlFileBelowTheLocationInFileOrder() throws IOException {
        file("0002_b.sql", revision("b2", "a1"));
        file("0001_a.sql", revision("a1", null));
        file("sub/0003_c.sql", revision("c3", "b2"));
        file("README.txt", "not a revision");

        RevisionIndex index = RevisionIndexWriter.build(migrations(), "classpath:db/migrations");

        assertThat(index.files()).extracting(IndexedFile::relativePath).containsExactly("0001_a.sql", "0002_b.sql", "sub/0003_c.sql");
        IndexedFile b = index.files().get(1);
        assertThat(b.id()).isEqualTo("b2");
        assertThat(b.revises()).containsExactly("a1");
        assertThat(b.message()).isEqualTo("create b2");
        assertThat(b.phase()).isEqualTo(Phase.EXPAND);
        assertThat(b.lockTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.size()).isEqualTo(Files.size(migrations().resolve("0002_b.sql")));
        assertThat(b.checksum()).hasSize(64);
        assertThat(b.verifySql()).isEqualTo("SELECT true");
        assertThat(b.verifyLine()).isEqualTo(13);
    }

    @Test
    void reportsEveryProblemOfEveryFileAndWritesNothing() throws IOException {
        file("0001_a.sql", revision("a1", null));
        file("0002_bad_header.sql", "-- Revision: not valid!\n-- migrate:upgrade\nSELECT 1;\n");
        file("0003_no_upgrade.sql", "-- Revision: c3\n");
        file("0004_bad_statement.sql", "-- Revision: d4\n-- migrate:upgrade\nSELECT 'unterminated;\n-- migrate:downgrade\nSELECT 1;\n");
        file("0005_same_id.sql", revision("a1", null));

        assertThatThrownBy(() -> RevisionIndexWriter.write(migrations(), "classpath:db/migrations"))
                .isInstanceOf(MigratorException.class)
                .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.REVISION_MALFORMED))
                .hasMessageContaining("6 problems in classpath:db/migrations (no index was written")
                .hasMessageContaining("classpath:db/migrations/0002_bad_header.sql:1: invalid revision id")
                .hasMessageContaining("classpath:db/migrations/0002_bad_header.sql: no \"-- migrate:downgrade\" section")
                .hasMessageContaining("classpath:db/migrations/0003_no_upgrade.sql: no \"-- migrate:upgrade\" section")
                .hasMessageContaining("classpath:db/migrations/0004_bad_statement.sql:3")
                .hasMessageContaining("classpath:db/migrations/0005_same_id.sql: revision id a1 is already used by "
                        + "classpath:db/migrations/0001_a.sql");
        assertThat(migrations().resolve(RevisionIndex.FILE_NAME)).doesNotExist();
    }

    @Test
    void checkComparesTheIndexWithEveryFile() throws IOException {
        file("0001_a.sql", revision("a1", null));
        file("0002_b.sql", revision("b2", "a1"));
        RevisionIndexWriter.write(migrations(), "classpath:db/migrations");
        assertThat(RevisionIndexWriter.check(migrations(), "classpath:db/migrations")).isEmpty();

        file("0002_b.sql", revision("b2", "a1").replace("create b2", "create B2"));
        file("0003_c.sql", revision("c3", "b2"));

        assertThat(RevisionIndexWriter.check(migrations(), "classpath:db/migrations")).containsExactly(
                "0002_b.sql changed since the index was built", "0003_c.sql is not in the index");
    }

    @Test
    void theGeneratorMainWritesChecksAndSaysWhatWentWrongInItsExitStatus() throws IOException {
        file("0001_a.sql", revision("a1", null));

        assertThat(IndexGenerator.run(new String[] {"--check", classes.toString()})).isEqualTo(1);
        assertThat(IndexGenerator.run(new String[] {classes.toString(), "classpath:db/migrations"})).isZero();
        assertThat(migrations().resolve(RevisionIndex.FILE_NAME)).exists();
        assertThat(IndexGenerator.run(new String[] {"--check", classes.toString(), "db/migrations"})).isZero();

        file("0002_bad.sql", "-- Revision: b2\n");
        assertThat(IndexGenerator.run(new String[] {classes.toString()})).isEqualTo(1);
        assertThat(IndexGenerator.run(new String[] {})).isEqualTo(2);
    }
}
