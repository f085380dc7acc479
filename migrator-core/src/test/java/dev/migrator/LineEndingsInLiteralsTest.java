package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Line endings are read as LF everywhere in a file, string literals and dollar-quoted bodies included, on
 * every OS: a Windows checkout (CRLF) of a revision sends the same statements, and so stores the same data,
 * as a Unix one, just as it has the same checksum. A carriage return that is data is written as an escape.
 */
@ExtendWith(FreshDatabase.class)
class LineEndingsInLiteralsTest {

    @TempDir
    Path dir;

    private static final String REVISION = """
            -- Revision: crlf001
            -- migrate:upgrade
            CREATE TABLE notes (id int, body text);
            INSERT INTO notes VALUES (1, 'line one
            line two');
            INSERT INTO notes VALUES (2, $$dollar
            quoted$$);
            INSERT INTO notes VALUES (3, E'escaped\\r\\nreturn');
            -- migrate:downgrade
            DROP TABLE notes;
            """;

    @Test
    void aCrlfFilesMultiLineLiteralsStoreLfAndEqualTheLfFilesData(TestDatabase db) throws IOException {
        Path file = dir.resolve("crlf001_notes.sql");
        Files.write(file, REVISION.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        Migrator migrator = Migrator.configure().dataSource(db.dataSource()).locations("filesystem:" + dir).load();

        migrator.upgrade("heads");

        assertThat(db.queryValue("SELECT body FROM notes WHERE id = 1")).isEqualTo("line one\nline two");
        assertThat(db.queryValue("SELECT body FROM notes WHERE id = 2")).isEqualTo("dollar\nquoted");
        assertThat(db.queryValue("SELECT body FROM notes WHERE id = 3")).isEqualTo("escaped\r\nreturn");
        // Same statements and the same checksum as the LF file: a CRLF checkout is not an edit.
        String crlfChecksum = migrator.show("crlf001").revision().checksum();
        Files.writeString(file, REVISION);
        assertThat(Migrator.configure().dataSource(db.dataSource()).locations("filesystem:" + dir).load()
                .show("crlf001").revision().checksum()).isEqualTo(crlfChecksum);
    }

    @Test
    void aLoneCarriageReturnIsALineBreakToo(TestDatabase db) throws IOException {
        Files.write(dir.resolve("cr001_notes.sql"), REVISION.replace("crlf001", "cr001").replace("\n", "\r")
                .getBytes(StandardCharsets.UTF_8));
        Migrator migrator = Migrator.configure().dataSource(db.dataSource()).locations("filesystem:" + dir).load();

        migrator.upgrade("heads");

        assertThat(db.queryValue("SELECT string_agg(body, '|' ORDER BY id) FROM notes"))
                .isEqualTo("line one\nline two|dollar\nquoted|escaped\r\nreturn");
    }
}
