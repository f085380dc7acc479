package dev.migrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SqlRevisionParserTest {

    private static final String FILE = "-- Revision: a1\n-- Revises:\n-- https://tracker.example.com/TICKET-1\n"
            + "-- a free comment\n\n-- migrate:upgrade\nCREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n\n"
            + "-- migrate:downgrade\nDROP TABLE t;\n";

    private static LoadedRevision parse(String content) {
        return SqlRevisionParser.parse("classpath:db/migrations/a1.sql", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyRevisesIsABaseAndLinksAndFreeCommentsAreNotHeaderKeys() {
        LoadedRevision revision = parse(FILE);

        assertThat(revision.id()).isEqualTo("a1");
        assertThat(revision.node().revises()).isEmpty();
        assertThat(revision.message()).isEmpty();
        assertThat(((RevisionBody.Sql) revision.body()).verify()).isNull();
    }

    @Test
    void crlfFileParsesToTheSameStatementsLinesAndChecksum() {
        LoadedRevision lf = parse(FILE);
        LoadedRevision crlf = parse(FILE.replace("\n", "\r\n"));

        RevisionBody.Sql lfBody = (RevisionBody.Sql) lf.body();
        RevisionBody.Sql crlfBody = (RevisionBody.Sql) crlf.body();
        assertThat(crlfBody.upgrade()).isEqualTo(lfBody.upgrade());
        assertThat(crlfBody.downgrade()).isEqualTo(lfBody.downgrade());
        assertThat(crlfBody.verify()).isEqualTo(lfBody.verify());
        assertThat(crlfBody.upgrade()).extracting(SqlStatement::line).containsExactly(7, 8);
        assertThat(crlf.checksum()).isEqualTo(lf.checksum());
    }

    @Test
    void sectionMarkersAreCaseInsensitiveAndMayOmitTheSpace() {
        LoadedRevision revision = parse("-- Revision: a1\n--Migrate:Upgrade\nSELECT 1;\n--  migrate:DOWNGRADE\nSELECT 2;\n");

        RevisionBody.Sql body = (RevisionBody.Sql) revision.body();
        assertThat(body.upgrade()).containsExactly(new SqlStatement("SELECT 1", 3));
        assertThat(body.downgrade()).containsExactly(new SqlStatement("SELECT 2", 5));
    }

    @Test
    void emptyDowngradeSectionIsANoOpDowngrade() {
        LoadedRevision revision = parse("-- Revision: a1\n-- migrate:upgrade\nSELECT 1;\n-- migrate:downgrade\n-- nothing to undo\n");

        assertThat(((RevisionBody.Sql) revision.body()).downgrade()).isEmpty();
        assertThat(revision.irreversible()).isNull();
    }

    @Test
    void aSectionWithOnlyCommentsIsANoOp() {
        LoadedRevision revision = parse("-- Revision: a1\n-- migrate:upgrade\n-- Empty migration, this migration was reverted\n"
                + "/* kept so that the history keeps its numbers */\n;\n-- migrate:downgrade\n");

        assertThat(((RevisionBody.Sql) revision.body()).upgrade()).isEmpty();
        assertThat(((RevisionBody.Sql) revision.body()).downgrade()).isEmpty();
    }

    @Test
    void aTransactionalSectionWrappedAsAWholeInBeginCommitRunsWithoutTheWrapper() {
        LoadedRevision revision = parse("-- Revision: a1\n-- migrate:upgrade\nBEGIN;\nCREATE TABLE t (id int);\n"
                + "SAVEPOINT s;\nINSERT INTO t VALUES (1);\nROLLBACK TO SAVEPOINT s;\nCOMMIT;\n"
                + "-- migrate:downgrade\nSTART TRANSACTION;\nDROP TABLE t;\nEND;\n");

        RevisionBody.Sql body = (RevisionBody.Sql) revision.body();
        assertThat(body.upgrade()).containsExactly(new SqlStatement("CREATE TABLE t (id int)", 4),
                new SqlStatement("SAVEPOINT s", 5), new SqlStatement("INSERT INTO t VALUES (1)", 6),
                new SqlStatement("ROLLBACK TO SAVEPOINT s", 7));
        assertThat(body.downgrade()).containsExactly(new SqlStatement("DROP TABLE t", 11));
        assertThat(parse("-- Revision: a1\n-- migrate:upgrade\nbegin work;\nSELECT 1;\ncommit work;\n-- migrate:downgrade\n")
                .body()).extracting(b -> ((RevisionBody.Sql) b).upgrade()).asList().containsExactly(new SqlStatement("SELECT 1", 4));
    }

    @Test
    void aNonTransactionalRevisionKeepsItsBlocksAsWritten() {
        LoadedRevision revision = parse("-- Revision: a1\n-- Transactional: false\n-- migrate:upgrade\n"
                + "CREATE INDEX CONCURRENTLY i ON t (v);\nBEGIN;\nUPDATE t SET v = 1;\nCOMMIT;\n"
                + "-- migrate:downgrade\nBEGIN;\nDELETE FROM t;\nROLLBACK;\nDROP INDEX CONCURRENTLY i;\n");

        RevisionBody.Sql body = (RevisionBody.Sql) revision.body();
        assertThat(body.upgrade()).extracting(SqlStatement::sql)
                .containsExactly("CREATE INDEX CONCURRENTLY i ON t (v)", "BEGIN", "UPDATE t SET v = 1", "COMMIT");
        assertThat(body.downgrade()).extracting(SqlStatement::sql)
                .containsExactly("BEGIN", "DELETE FROM t", "ROLLBACK", "DROP INDEX CONCURRENTLY i");
    }
}
