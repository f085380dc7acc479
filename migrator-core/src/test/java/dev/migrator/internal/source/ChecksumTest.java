package dev.migrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChecksumTest {

    private static final String FILE = "-- Revision: a1\n\n-- migrate:upgrade\nCREATE TABLE t (id int);\n\n"
            + "-- migrate:downgrade\nDROP TABLE t;\n";

    private static String checksumOf(String content) {
        return Checksum.of(SourceText.decode("f.sql", content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void isTheSha256HexOfTheNormalisedText() {
        // printf 'SELECT 1;' | sha256sum: the final line break is not part of the normalised text
        assertThat(checksumOf("SELECT 1;\n"))
                .isEqualTo("17db4fd369edb9244b9f91d9aeed145c3d04ad8ba6e95d06247f07a63527d11a");
    }

    @Test
    void crlfAndCrLineEndingsAreNotAnEdit() {
        assertThat(checksumOf(FILE.replace("\n", "\r\n"))).isEqualTo(checksumOf(FILE));
        assertThat(checksumOf(FILE.replace("\n", "\r"))).isEqualTo(checksumOf(FILE));
    }

    @Test
    void trailingWhitespaceAndTrailingBlankLinesAndByteOrderMarkAreNotAnEdit() {
        String edited = "\uFEFF" + FILE.replace(";\n", ";   \t\n").replace("upgrade\n", "upgrade \n") + "\n\n  \n";
        assertThat(checksumOf(edited)).isEqualTo(checksumOf(FILE));
        assertThat(checksumOf(FILE.strip())).isEqualTo(checksumOf(FILE));
    }

    @Test
    void aRealEditChangesTheChecksum() {
        String base = checksumOf(FILE);
        assertThat(checksumOf(FILE.replace("id int", "id bigint"))).isNotEqualTo(base);
        assertThat(checksumOf(FILE.replace("CREATE TABLE", "CREATE  TABLE"))).isNotEqualTo(base);
        assertThat(checksumOf(FILE.replace("-- migrate:downgrade", "-- undo\n-- migrate:downgrade"))).isNotEqualTo(base);
        assertThat(checksumOf(FILE.replace("\n\n-- migrate:downgrade", "\n-- migrate:downgrade"))).isNotEqualTo(base);
    }
}
