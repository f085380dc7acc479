package dev.migrator.internal.source.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.Phase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexFormatTest {

    private static final String CHECKSUM = "a".repeat(64);

    private static IndexedFile file(String path, String message, String irreversible, String verify) {
        return new IndexedFile(path, 123, CHECKSUM, "r1", List.of("p1", "p2"), List.of("d1"), List.of("b", "a"),
                Phase.CONTRACT, false, Duration.ofSeconds(3, 5), irreversible, message, verify == null ? 0 : 7, verify);
    }

    @Test
    void whatIsWrittenReadsBackEqualEscapesIncluded() {
        RevisionIndex index = new RevisionIndex("classpath:db/migrations", List.of(
                file("a dir/0001 x.sql", "tab\there, newline\nhere, back\\slash", "drops\tdata", "SELECT\n  true"),
                new IndexedFile("0002.sql", 0, CHECKSUM, "r2", List.of(), List.of(), List.of(), Phase.EXPAND, true,
                        null, null, "", 0, null)));

        assertThat(IndexFormat.read(IndexFormat.write(index), "test")).isEqualTo(index);
    }

    @Test
    void oneLinePerFileBetweenAVersionLineAndACount() {
        String text = IndexFormat.write(new RevisionIndex("x", List.of(file("f.sql", "m", null, null))));

        assertThat(text).startsWith(IndexFormat.VERSION_LINE + "\n").endsWith("end\t1\n");
        assertThat(text.lines().filter(l -> l.startsWith("file\t"))).hasSize(1);
    }

    @Test
    void aTruncatedForeignOrDamagedIndexIsStaleNotShorter() {
        String text = IndexFormat.write(new RevisionIndex("x", List.of(file("f.sql", "m", null, null),
                file("g.sql", "m", null, null))));
        String withoutEnd = text.substring(0, text.indexOf("end\t"));
        String oneFileLost = text.replaceFirst("(?m)^file\tg\\.sql.*\n", "");
        String badSize = text.replace("\t123\t", "\tlots\t");

        assertStale(withoutEnd, "it has no end line");
        assertStale(oneFileLost, "its end line counts 2 files but it lists 1");
        assertStale(badSize, "line 5: \"lots\" is not a size");
        assertStale("{\"json\": true}", "does not start with \"" + IndexFormat.VERSION_LINE + "\"");
    }

    private static void assertStale(String text, String message) {
        assertThatThrownBy(() -> IndexFormat.read(text, "db/migrations/migrator.index"))
                .isInstanceOf(MigratorException.class)
                .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.REVISION_INDEX_STALE))
                .hasMessageContaining("The revision index db/migrations/migrator.index cannot be read")
                .hasMessageContaining(message)
                .hasMessageContaining("Rebuild it");
    }
}
