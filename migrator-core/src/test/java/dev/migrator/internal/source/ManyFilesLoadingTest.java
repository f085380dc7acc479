package dev.migrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many files are parsed on several cores; order and error reporting stay those of one thread. */
class ManyFilesLoadingTest {

    @TempDir
    Path dir;

    @Test
    void manyFilesLoadInFileOrder() throws IOException {
        write(300, -1, -1);

        List<LoadedRevision> revisions = load();

        assertThat(revisions).hasSize(300);
        for (int i = 0; i < 300; i++) {
            assertThat(revisions.get(i).id()).isEqualTo(id(i));
        }
    }

    @Test
    void everyMalformedFileIsReportedInFileOrderWhateverTheScheduling() throws IOException {
        write(300, 42, 250);

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(this::load)
                    .isInstanceOfSatisfying(RevisionLoadException.class, e -> assertThat(e.problems())
                            .hasSize(4) // per file: the misspelt key, and so no Revision header
                            .allSatisfy(problem -> assertThat(problem).containsAnyOf(id(42) + "_x.sql", id(250) + "_x.sql"))
                            .first().asString().contains(id(42) + "_x.sql"))
                    .hasMessageStartingWith("4 problems in the revisions");
        }
    }

    private List<LoadedRevision> load() {
        return RevisionLoader.load(List.of("filesystem:" + dir), getClass().getClassLoader(), List.of());
    }

    private void write(int count, int brokenA, int brokenB) throws IOException {
        for (int i = 0; i < count; i++) {
            String header = i == brokenA || i == brokenB ? "-- Revisoin: " + id(i) + "\n" : "-- Revision: " + id(i) + "\n";
            String revises = i == 0 ? "" : "-- Revises: " + id(i - 1) + "\n";
            Files.writeString(dir.resolve(id(i) + "_x.sql"), header + revises
                    + "-- migrate:upgrade\nCREATE TABLE t" + i + " (id int);\n-- migrate:downgrade\nDROP TABLE t" + i + ";\n");
        }
    }

    private static String id(int i) {
        return String.format("m%05d", i);
    }
}
