package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.result.RevisionInfo;
import dev.migrator.internal.source.index.RevisionIndex;
import dev.migrator.internal.source.index.RevisionIndexWriter;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A location with a build-time revision index: a start-up trusts the index for what it does not run,
 * reads exactly the files it runs (each checked against the index's checksum), and refuses an index that
 * no longer describes the files.
 */
@ExtendWith(FreshDatabase.class)
class RevisionIndexTest {

    @TempDir
    Path dir;

    private RevisionFiles files() {
        return new RevisionFiles(dir);
    }

    private Path writeIndex() {
        return RevisionIndexWriter.write(dir, files().location());
    }

    /**
     * Replaces a file's content by bytes of the same length that are no revision at all, dated before the
     * index: the listing still matches, so only reading the file can notice.
     */
    private void scramble(Path file) throws IOException {
        byte[] junk = new byte[(int) Files.size(file)];
        Arrays.fill(junk, (byte) 'x');
        Files.write(file, junk);
        Files.setLastModifiedTime(file, olderThanIndex());
    }

    private FileTime olderThanIndex() throws IOException {
        return FileTime.fromMillis(Files.getLastModifiedTime(dir.resolve(RevisionIndex.FILE_NAME)).toMillis() - 60_000);
    }

    @Test
    void aNoOpStartReadsTheIndexAndNoRevisionFile(TestDatabase db) throws IOException {
        RevisionFiles files = files();
        files.table("a001");
        files.revision("a002").revises("a001").upgrade("CREATE TABLE t2 (id int)").downgrade("DROP TABLE t2")
                .verify("SELECT count(*) = 0 FROM t2").write();
        files.load(db).upgrade("heads");
        writeIndex();
        scramble(files.file("a001"));
        scramble(files.file("a002"));

        Migrator migrator = files.load(db);
        MigrationResult result = migrator.upgrade("heads");

        assertThat(result.applied()).isZero();
        assertThat(migrator.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
        assertThat(migrator.revisions()).extracting(RevisionInfo::revision).containsExactly("a001", "a002");
        assertThat(migrator.verify().results()).singleElement()
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckResult.Status.PASSED));
    }

    @Test
    void aRevisionThatRunsIsReadAndMustMatchTheIndex(TestDatabase db) throws IOException {
        RevisionFiles files = files();
        files.table("b001");
        files.table("b002", "b001");
        writeIndex();

        Migrator indexed = files.load(db);
        assertThat(indexed.upgrade("b001").applied()).isEqualTo(1);
        assertThat(db.tableExists("table_b001")).isTrue();

        scramble(files.file("b002"));
        Migrator stale = files.load(db);
        assertThatThrownBy(() -> stale.upgrade("heads"))
                .isInstanceOf(MigratorException.class)
                .extracting(e -> ((MigratorException) e).code()).isEqualTo(ErrorCode.REVISION_INDEX_STALE);
        assertThatThrownBy(() -> stale.upgrade("heads"))
                .hasMessageContaining("b002_revision.sql (revision b002) changed after the revision index")
                .hasMessageContaining("Nothing was run");
        assertThat(db.tableExists("table_b002")).isFalse();
        assertThat(stale.current()).containsExactly("b001");
    }

    @Test
    void aStaleIndexIsAnErrorAtLoadNamingEveryDifference(TestDatabase db) throws IOException {
        RevisionFiles files = files();
        files.table("c001");
        files.table("c002", "c001");
        files.table("c003", "c002");
        writeIndex();

        files.table("c004", "c003");                                            // added
        files.delete("c001");                                                   // removed
        Files.writeString(files.file("c002"), "-- a longer file\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);                       // edited, size changed

        assertThatThrownBy(() -> files.load(db))
                .isInstanceOf(MigratorException.class)
                .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.REVISION_INDEX_STALE))
                .hasMessageContaining("migrator.index does not match the files next to it")
                .hasMessageContaining("c004_revision.sql is not in the index")
                .hasMessageContaining("c001_revision.sql is in the index but not in the location")
                .hasMessageContaining("c002_revision.sql has ")
                .hasMessageContaining("Rebuild the index");
    }

    @Test
    void aFileEditedAfterTheIndexIsCaughtEvenAtTheSameSize(TestDatabase db) throws IOException {
        RevisionFiles files = files();
        files.revision("d001").upgrade("CREATE TABLE d1 (id int)").downgrade("DROP TABLE d1").write();
        Path index = writeIndex();
        Files.setLastModifiedTime(index, FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        // touched but unchanged: re-hashed, equal, fine
        Files.setLastModifiedTime(files.file("d001"), FileTime.fromMillis(System.currentTimeMillis()));
        assertThat(files.load(db).revisions()).extracting(RevisionInfo::revision).containsExactly("d001");

        // same size, other content, newer than the index
        String text = Files.readString(files.file("d001"));
        Files.writeString(files.file("d001"), text.replace("d1", "d2"));
        assertThatThrownBy(() -> files.load(db))
                .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.REVISION_INDEX_STALE))
                .hasMessageContaining("d001_revision.sql was edited after the index was built");
    }

    @Test
    void anAppliedRevisionEditedAndReindexedFailsChecksumValidation(TestDatabase db) throws IOException {
        RevisionFiles files = files();
        files.table("e001");
        files.load(db).upgrade("heads");
        Files.writeString(files.file("e001"), Files.readString(files.file("e001")) + "-- edited\n");
        writeIndex();

        assertThatThrownBy(() -> files.load(db).upgrade("heads"))
                .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH))
                .hasMessageContaining("e001");
    }

    @Test
    void anIndexThatIsNotAtTheLocationsRootIsNotUsed(TestDatabase db) throws IOException {
        RevisionFiles files = files();
        Path nested = dir.resolve("nested");
        new RevisionFiles(nested).table("f001");
        RevisionIndexWriter.write(nested, "filesystem:" + nested);
        Path nestedFile = new RevisionFiles(nested).file("f001");
        Files.writeString(nestedFile, Files.readString(nestedFile).replace("f001 (id", "f001 (id2 int, id"));

        // the location is dir: its files are read as without an index, so the edit is simply loaded
        Migrator migrator = files.load(db);
        migrator.upgrade("heads");
        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'table_f001'")).isEqualTo(2);
    }

    @Test
    void anUnreadableIndexIsAnErrorNotASilentFallBack(TestDatabase db) throws IOException {
        RevisionFiles files = files();
        files.table("g001");
        Path index = writeIndex();
        String text = Files.readString(index);
        Files.writeString(index, text.substring(0, text.lastIndexOf("end\t")));

        assertThatThrownBy(() -> files.load(db))
                .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.REVISION_INDEX_STALE))
                .hasMessageContaining("it has no end line (the file is truncated)");

        Files.writeString(index, "# migrator revision index v0\n");
        assertThatThrownBy(() -> files.load(db))
                .satisfies(e -> assertThat(((MigratorException) e).code()).isEqualTo(ErrorCode.REVISION_INDEX_STALE))
                .hasMessageContaining("written by another version of Migrator");
    }

    @Test
    void theIndexCarriesEveryHeaderTheEngineUses(TestDatabase db) throws IOException {
        RevisionFiles files = files();
        files.table("h001");
        files.revision("h002").revises("h001").phase("contract").lockTimeout("750ms").irreversible("drops\tdata")
                .upgrade("CREATE TABLE h2 (id int)").write();
        files.revision("h003").revises("h002").nonTransactional()
                .upgrade("CREATE INDEX CONCURRENTLY IF NOT EXISTS h2_idx ON h2 (id)").downgrade("DROP INDEX h2_idx").write();
        Migrator plain = files.load(db);
        writeIndex();
        Migrator indexed = files.load(db);

        assertThat(indexed.revisions()).isEqualTo(plain.revisions());
        assertThat(withoutDate(indexed.upgradeSql("base", "heads"))).isEqualTo(withoutDate(plain.upgradeSql("base", "heads")));
    }

    private static String withoutDate(String script) {
        return script.replaceAll("(?m)^-- Generated .*$", "");
    }
}
