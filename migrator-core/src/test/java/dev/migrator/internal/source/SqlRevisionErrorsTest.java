package dev.migrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each malformed SQL revision fails when it is loaded, with a message naming the file, the line, what was
 * expected and what to do: header, sections and statements alike, every problem of every file at once (see
 * {@code LoadReportsEveryProblemTest} for the same on a real database).
 */
class SqlRevisionErrorsTest {

    private static final String BODY = "-- migrate:upgrade\nCREATE TABLE t (id int);\n\n-- migrate:downgrade\nDROP TABLE t;\n";

    @TempDir
    Path dir;

    /** Loads {@code content} as {@code dir/0001_bad.sql} and returns the assertion on the failure. */
    private AbstractThrowableAssert<?, ? extends Throwable> loading(String content) throws IOException {
        Files.writeString(dir.resolve("0001_bad.sql"), content);
        return assertThatThrownBy(() -> RevisionLoader.load(List.of("filesystem:" + dir), getClass().getClassLoader(), List.of()))
                .isInstanceOf(RevisionLoadException.class)
                .satisfies(e -> assertThat(((RevisionLoadException) e).code()).isEqualTo(ErrorCode.REVISION_MALFORMED));
    }

    private String file() {
        return "filesystem:" + dir + "/0001_bad.sql";
    }

    @Test
    void missingRevisionHeader() throws IOException {
        loading("-- Message: no id\n\n" + BODY)
                .hasMessageStartingWith(file() + ": missing the \"-- Revision: <id>\" header")
                .hasMessageContaining("e.g. \"-- Revision: 1f3c9a7e2b44\"");
    }

    @Test
    void invalidRevisionId() throws IOException {
        loading("-- Message: x\n-- Revision: add-users\n" + BODY)
                .hasMessageStartingWith(file() + ":2: invalid revision id \"add-users\"")
                .hasMessageContaining("1 to 64 characters of A-Z, a-z, 0-9 and _");
    }

    @Test
    void tooLongRevisionId() throws IOException {
        loading("-- Revision: " + "a".repeat(65) + "\n" + BODY)
                .hasMessageStartingWith(file() + ":1: invalid revision id");
    }

    @Test
    void invalidIdInRevises() throws IOException {
        loading("-- Revision: a1\n-- Revises: b2, c 3\n" + BODY)
                .hasMessageStartingWith(file() + ":2: invalid revision id \"c 3\" in Revises");
    }

    @Test
    void invalidBranchLabel() throws IOException {
        loading("-- Revision: a1\n-- Branch-Labels: ok.label, team@x\n" + BODY)
                .hasMessageStartingWith(file() + ":2: invalid branch label \"team@x\"")
                .hasMessageContaining("A-Z, a-z, 0-9, _, . and -");
    }

    @Test
    void unknownHeaderKeySuggestsTheCloseOne() throws IOException {
        loading("-- Revision: a1\n-- Revison: b2\n" + BODY)
                .hasMessageStartingWith(file() + ":2: unknown header key \"Revison\"")
                .hasMessageContaining("Did you mean \"Revision\"?")
                .hasMessageContaining("Revision, Revises, Message, Branch-Labels, Depends-On, Phase, Transactional, "
                        + "Lock-Timeout, Irreversible");
    }

    @Test
    void unknownHeaderKeyWithoutCloseOneListsTheKeys() throws IOException {
        loading("-- Revision: a1\n-- Author: bob\n" + BODY)
                .hasMessageStartingWith(file() + ":2: unknown header key \"Author\"")
                .hasMessageNotContaining("Did you mean")
                .hasMessageContaining("reword a free comment");
    }

    @Test
    void duplicateHeaderKeyIsCaseInsensitive() throws IOException {
        loading("-- Revision: a1\n-- Revises: b2\n-- REVISES: c3\n" + BODY)
                .hasMessageStartingWith(file() + ":3: duplicate header key \"Revises\" (first given on line 2)")
                .hasMessageContaining("separate several ids or labels with commas");
    }

    @Test
    void badPhase() throws IOException {
        loading("-- Revision: a1\n-- Phase: later\n" + BODY)
                .hasMessageStartingWith(file() + ":2: invalid Phase \"later\": expected \"expand\" or \"contract\"");
    }

    @Test
    void badTransactional() throws IOException {
        loading("-- Revision: a1\n-- Transactional: no\n" + BODY)
                .hasMessageStartingWith(file() + ":2: invalid Transactional \"no\": expected \"true\" or \"false\"");
    }

    @Test
    void badLockTimeout() throws IOException {
        loading("-- Revision: a1\n\n-- Lock-Timeout: 5 seconds\n" + BODY)
                .hasMessageStartingWith(file() + ":3: invalid Lock-Timeout \"5 seconds\"")
                .hasMessageContaining("\"500ms\", \"5s\" or \"2m\"");
    }

    @Test
    void missingUpgradeSection() throws IOException {
        loading("-- Revision: a1\n-- migrate:downgrade\nDROP TABLE t;\n")
                .hasMessageStartingWith(file() + ": no \"-- migrate:upgrade\" section")
                .hasMessageContaining("below a line \"-- migrate:upgrade\"");
    }

    @Test
    void plainSqlFileWithoutSectionsIsMissingTheUpgradeAndDowngradeSections() throws IOException {
        loading("-- Revision: a1\n")
                .hasMessageStartingWith("2 problems in the revisions")
                .hasMessageContaining("\n  " + file() + ": no \"-- migrate:upgrade\" section")
                .hasMessageContaining("\n  " + file() + ": no \"-- migrate:downgrade\" section");
    }

    @Test
    void sqlBeforeTheFirstSectionMarker() throws IOException {
        loading("-- Revision: a1\nCREATE TABLE t (id int);\n" + BODY)
                .hasMessageStartingWith(file() + ":2: SQL before the first section marker")
                .hasMessageContaining("below a line \"-- migrate:upgrade\"");
    }

    @Test
    void sqlAfterABlockCommentBeforeTheFirstSectionMarker() throws IOException {
        loading("/* licence\n */\n-- Revision: a1\n/* note */ DROP TABLE t;\n" + BODY)
                .hasMessageStartingWith(file() + ":4: SQL before the first section marker");
    }

    @Test
    void missingDowngradeWithoutIrreversible() throws IOException {
        loading("-- Revision: a1\n-- migrate:upgrade\nCREATE TABLE t (id int);\n")
                .hasMessageStartingWith(file() + ": no \"-- migrate:downgrade\" section")
                .hasMessageContaining("\"-- Irreversible: <why>\"");
    }

    @Test
    void irreversibleWithoutReason() throws IOException {
        loading("-- Revision: a1\n-- Irreversible:\n-- migrate:upgrade\nDROP TABLE t;\n")
                .hasMessageStartingWith(file() + ":2: the Irreversible header gives no reason");
    }

    @Test
    void irreversibleAndDowngradeSectionTogether() throws IOException {
        loading("-- Revision: a1\n-- Irreversible: drops data\n" + BODY)
                .hasMessageStartingWith(file() + ":6: the revision is declared Irreversible (line 2) but has a "
                        + "\"-- migrate:downgrade\" section");
    }

    @Test
    void unknownSectionMarkerSuggestsTheCloseOne() throws IOException {
        loading("-- Revision: a1\n-- migrate:upgarde\nCREATE TABLE t (id int);\n-- migrate:downgrade\nDROP TABLE t;\n")
                .hasMessageContaining("\n  " + file() + ":2: unknown section marker \"-- migrate:upgarde\"")
                .hasMessageContaining("Did you mean \"-- migrate:upgrade\"?")
                .hasMessageContaining("\n  " + file() + ": no \"-- migrate:upgrade\" section");
    }

    @Test
    void duplicateSection() throws IOException {
        loading("-- Revision: a1\n" + BODY + "-- migrate:upgrade\nSELECT 1;\n")
                .hasMessageStartingWith(file() + ":7: second \"-- migrate:upgrade\" section (the first is on line 2)");
    }

    @Test
    void textAfterSectionMarker() throws IOException {
        loading("-- Revision: a1\n-- migrate:upgrade transaction:false\nSELECT 1;\n-- migrate:downgrade\nSELECT 1;\n")
                .hasMessageStartingWith(file() + ":2: unexpected text after the section marker")
                .hasMessageContaining("\"-- Transactional: false\"");
    }

    @Test
    void verifyWithSeveralStatements() throws IOException {
        loading("-- Revision: a1\n" + BODY + "-- migrate:verify\nSELECT true;\nSELECT false;\n")
                .hasMessageStartingWith(file() + ":7: the \"-- migrate:verify\" section must hold exactly one query "
                        + "returning one boolean, but has 2 statements (on lines 8, 9)")
                .hasMessageContaining("SELECT (<check 1>) AND (<check 2>)");
    }

    @Test
    void emptyVerifySection() throws IOException {
        loading("-- Revision: a1\n" + BODY + "-- migrate:verify\n")
                .hasMessageStartingWith(file() + ":7: the \"-- migrate:verify\" section must hold exactly one query")
                .hasMessageContaining("but has 0 statements");
    }

    @Test
    void unterminatedQuoteNamesTheLineOfTheStatement() throws IOException {
        loading("-- Revision: a1\n-- migrate:upgrade\nCREATE TABLE t (id int);\nINSERT INTO t\n  VALUES ('x);\n"
                + "-- migrate:downgrade\nDROP TABLE t;\n")
                .hasMessageStartingWith(file() + ":4: unterminated string literal ' (opened on line 5)");
    }

    @Test
    void unterminatedDollarQuote() throws IOException {
        loading("-- Revision: a1\n-- migrate:upgrade\nDO $$ BEGIN NULL; END;\n-- migrate:downgrade\nSELECT 1;\n")
                .hasMessageStartingWith(file() + ":3: unterminated dollar-quoted string $$");
    }

    @Test
    void unterminatedBlockComment() throws IOException {
        loading("-- Revision: a1\n-- migrate:upgrade\nSELECT 1;\n/* a /* nested */ comment\nSELECT 2;\n"
                + "-- migrate:downgrade\nSELECT 1;\n")
                .hasMessageStartingWith(file() + ":4: unterminated block comment");
    }

    @Test
    void fileThatIsNotUtf8() throws IOException {
        Files.write(dir.resolve("0001_bad.sql"), new byte[] {'-', '-', ' ', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> RevisionLoader.load(List.of("filesystem:" + dir), getClass().getClassLoader(), List.of()))
                .isInstanceOf(RevisionLoadException.class)
                .hasMessageStartingWith(file() + ": the file is not valid UTF-8");
    }

    @Test
    void missingFilesystemLocationIsAnErrorNamingIt() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> RevisionLoader.load(List.of("filesystem:" + missing), getClass().getClassLoader(), List.of()))
                .isInstanceOf(RevisionLoadException.class)
                .hasMessageContaining("Migration location \"filesystem:" + missing + "\" does not exist")
                .hasMessageContaining("Create the directory or fix the location");
    }

    // ---- transaction control

    @Test
    void transactionControlInsideATransactionalRevisionNamesTheLineAndBothWaysOut() throws IOException {
        loading("-- Revision: a1\n-- migrate:upgrade\nBEGIN;\nCREATE TABLE t1 (id int);\nCOMMIT;\nSELECT 1 / 0;\n"
                + "-- migrate:downgrade\nDROP TABLE t1;\n")
                .hasMessageStartingWith("2 problems in the revisions")
                .hasMessageContaining("\n  " + file() + ":3: \"BEGIN\" in a transactional revision.")
                .hasMessageContaining("\n  " + file() + ":5: \"COMMIT\" in a transactional revision.")
                .hasMessageContaining("a section wrapped as a whole in BEGIN; ... COMMIT; is accepted")
                .hasMessageContaining("declare \"-- Transactional: false\"");
    }

    @Test
    void everyKindOfTransactionEndIsRefusedInATransactionalRevision() throws IOException {
        loading("-- Revision: a1\n-- migrate:upgrade\nSELECT 1;\nEND;\nROLLBACK;\nABORT;\nCOMMIT AND CHAIN;\n"
                + "START TRANSACTION;\nROLLBACK TO SAVEPOINT s;\n-- migrate:downgrade\nSELECT 1;\n")
                .satisfies(e -> assertThat(((RevisionLoadException) e).problems()).extracting(p -> p.substring(file().length()))
                        .allSatisfy(p -> assertThat(p).contains("in a transactional revision"))
                        .extracting(p -> p.substring(0, p.indexOf(' ')))
                        .containsExactly(":4:", ":5:", ":6:", ":7:", ":8:"));
    }

    @Test
    void aWrapperWithTransactionModesIsRefusedInATransactionalRevision() throws IOException {
        loading("-- Revision: a1\n-- migrate:upgrade\nBEGIN ISOLATION LEVEL SERIALIZABLE;\nSELECT 1;\nCOMMIT;\n"
                + "-- migrate:downgrade\n")
                .hasMessageStartingWith(file() + ":3: \"BEGIN ISOLATION LEVEL SERIALIZABLE\" wraps the section with "
                        + "transaction modes")
                .hasMessageContaining("Remove the modes");
    }

    @Test
    void twoPhaseCommitIsRefusedInAnyRevision() throws IOException {
        loading("-- Revision: a1\n-- Transactional: false\n-- migrate:upgrade\nBEGIN;\nSELECT 1;\n"
                + "PREPARE TRANSACTION 'x';\n-- migrate:downgrade\nCOMMIT PREPARED 'x';\n")
                .hasMessageContaining(file() + ":6: \"PREPARE TRANSACTION 'x'\": two-phase commit is not supported")
                .hasMessageContaining(file() + ":8: \"COMMIT PREPARED 'x'\": two-phase commit is not supported")
                .hasMessageContaining(file() + ":4: the transaction block opened by \"BEGIN\" is not closed in the "
                        + "\"-- migrate:upgrade\" section");
    }

    @Test
    void aNonTransactionalRevisionsBlocksMustBeClosedAndNotNested() throws IOException {
        loading("-- Revision: a1\n-- Transactional: false\n-- migrate:upgrade\nCOMMIT;\nBEGIN;\nSELECT 1;\nBEGIN;\n"
                + "COMMIT;\n-- migrate:downgrade\nBEGIN;\nSELECT 1;\n")
                .hasMessageContaining(file() + ":4: \"COMMIT\" with no transaction block open")
                .hasMessageContaining(file() + ":7: \"BEGIN\" inside the transaction block opened on line 5")
                .hasMessageContaining(file() + ":10: the transaction block opened by \"BEGIN\" is not closed in the "
                        + "\"-- migrate:downgrade\" section");
    }

    // ---- every problem at once

    @Test
    void everyProblemOfAFileIsReportedAtOnceInLineOrderOfItsParts() throws IOException {
        loading("-- Revision: a-1\n-- Phase: later\n-- Lock-Timeout: soon\n-- migrate:upgrade\nSELECT 'x;\n"
                + "-- migrate:downgrade\nCOMMIT;\n-- migrate:verify\nSELECT 1;\nSELECT 2;\n")
                .satisfies(e -> assertThat(((RevisionLoadException) e).problems()).containsExactly(
                        file() + ":1: invalid revision id \"a-1\" in the Revision header: expected "
                                + dev.migrator.internal.revision.RevisionIds.ID_RULE + ". Change the id (and every Revises or "
                                + "Depends-On that refers to it).",
                        file() + ":2: invalid Phase \"later\": expected \"expand\" or \"contract\". Use \"expand\" for a "
                                + "change old code survives, \"contract\" for one that removes what old code needs.",
                        file() + ":3: invalid Lock-Timeout \"soon\": expected " + Durations.EXPECTED + ". Fix the value, or "
                                + "remove the header to use the configured lock timeout.",
                        file() + ":5: unterminated string literal ' (opened on line 5) in the statement starting on line 5. "
                                + "Close it; until then everything to the end of the section is part of it.",
                        ((RevisionLoadException) e).problems().get(4), // the COMMIT, worded as above
                        file() + ":8: the \"-- migrate:verify\" section must hold exactly one query returning one boolean, "
                                + "but has 2 statements (on lines 9, 10). Combine them into one query, e.g. SELECT "
                                + "(<check 1>) AND (<check 2>).")
                        .element(4).asString().startsWith(file() + ":7: \"COMMIT\" in a transactional revision"));
    }

    @Test
    void everyMalformedFileIsReportedNotJustTheFirst() throws IOException {
        Files.writeString(dir.resolve("0000_fine.sql"), "-- Revision: a0\n" + BODY);
        Files.writeString(dir.resolve("0002_also_bad.sql"), "-- Revision: a2\n-- migrate:upgrade\nSELECT \"x;\n");
        Files.writeString(dir.resolve("0003_bad_too.sql"), "-- Revison: a3\n" + BODY);
        loading("-- Revision: a1\n-- migrate:upgrade\nCREATE TABLE t (id int);\n")
                .hasMessageStartingWith("5 problems in the revisions (nothing was run; fix them all, then load again):\n  "
                        + file() + ": no \"-- migrate:downgrade\" section.")
                .hasMessageContaining("\n  filesystem:" + dir + "/0002_also_bad.sql:3: unterminated quoted identifier")
                .hasMessageContaining("\n  filesystem:" + dir + "/0002_also_bad.sql: no \"-- migrate:downgrade\" section.")
                .hasMessageContaining("\n  filesystem:" + dir + "/0003_bad_too.sql:1: unknown header key \"Revison\"")
                .hasMessageContaining("\n  filesystem:" + dir + "/0003_bad_too.sql: missing the \"-- Revision: <id>\" header")
                .hasMessageNotContaining("0000_fine.sql");
    }
}
