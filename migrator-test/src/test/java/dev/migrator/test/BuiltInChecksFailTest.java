package dev.migrator.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Revision sets that must fail one built-in check each, run as a build would run them: the failing
 * dynamic test and its message (revision, direction, the exact difference), and the checks that
 * still pass.
 */
class BuiltInChecksFailTest {

    @MigratorTest(locations = "classpath:sets/forgotten_index", skip = BuiltInCheck.SAFE)
    static class ForgottenIndex implements BuiltInMigrationTests {
    }

    @MigratorTest(locations = "classpath:sets/two_heads",
            skip = {BuiltInCheck.STAIRWAY, BuiltInCheck.OFFLINE_EQUALS_ONLINE})
    static class TwoHeads implements BuiltInMigrationTests {
    }

    @MigratorTest(locations = "classpath:sets/non_idempotent_index", skip = BuiltInCheck.OFFLINE_EQUALS_ONLINE)
    static class NonIdempotentIndex implements BuiltInMigrationTests {
    }

    @MigratorTest(locations = "classpath:sets/false_verify", skip = {BuiltInCheck.STAIRWAY, BuiltInCheck.OFFLINE_EQUALS_ONLINE})
    static class FalseVerify implements BuiltInMigrationTests {
    }

    @MigratorTest(locations = "classpath:sets/session_dependent", skip = BuiltInCheck.STAIRWAY)
    static class SessionDependent implements BuiltInMigrationTests {
    }

    @MigratorTest(locations = "classpath:sets/unterminated")
    static class Unterminated implements BuiltInMigrationTests {
    }

    @MigratorTest(locations = "classpath:sets/java_refused",
            skip = {BuiltInCheck.STAIRWAY, BuiltInCheck.OFFLINE_EQUALS_ONLINE, BuiltInCheck.UPGRADE, BuiltInCheck.VERIFY,
                    BuiltInCheck.SAFE})
    static class JavaRefused implements BuiltInMigrationTests {
    }

    @MigratorTest(locations = "classpath:sets/unsafe_index", skip = {BuiltInCheck.STAIRWAY, BuiltInCheck.OFFLINE_EQUALS_ONLINE})
    static class UnsafeIndex implements BuiltInMigrationTests {
    }

    @Test
    void anIndexBuiltUnderLockOnAnExistingTableFailsTheSafetyCheckNamingRevisionLineAndRule() {
        SuiteResults results = SuiteResults.of(UnsafeIndex.class);

        assertThat(results.failed()).containsOnlyKeys("every revision passes the safety analysis");
        assertThat(results.failed().get("every revision passes the safety analysis"))
                .startsWith("1 unsafe statement(s); rewrite each the safe way docs/safety-rules.md gives")
                // the index of the table its own revision creates, and the reviewed one, are not findings
                .contains("create-index-non-concurrently 9c0000000002 (classpath:sets/unsafe_index/"
                        + "9c0000000002_index_tags_name.sql:6)")
                .doesNotContain("9c0000000001", "9c0000000003");
        assertThat(results.passed()).contains("single head", "every revision loads", "upgrade base → heads");
    }

    @Test
    void aDowngradeThatForgetsAnIndexFailsItsStairwayStepNamingTheIndex() {
        SuiteResults results = SuiteResults.of(ForgottenIndex.class);

        assertThat(results.failed()).containsOnlyKeys("2b0000000002 index tags.name");
        assertThat(results.failed().get("2b0000000002 index tags.name")).isEqualTo("Downgrade of 2b0000000002"
                + " (classpath:sets/forgotten_index/2b0000000002_index_tags_name.sql) did not restore the schema it was"
                + " upgraded from: left index tags_name_idx");
        assertThat(results.passed()).contains("single head", "every revision loads", "upgrade base → heads",
                "offline script equals online upgrade", "2b0000000001 create tags");
    }

    @Test
    void aSecondHeadFailsTheHeadCheckNamingBothHeads() {
        SuiteResults results = SuiteResults.of(TwoHeads.class);

        assertThat(results.failed()).containsOnlyKeys("single head");
        assertThat(results.failed().get("single head")).isEqualTo("Expected a single head, found 2: 3c0000000002"
                + " (classpath:sets/two_heads/3c0000000002_tags_color.sql), 3c0000000003"
                + " (classpath:sets/two_heads/3c0000000003_tags_weight.sql). Join them with a merge revision (-- Revises:"
                + " 3c0000000002, 3c0000000003), or declare the heads you mean to keep with @MigratorTest(heads = {...}).");
        assertThat(results.passed()).contains("upgrade base → heads");
    }

    @Test
    void aConcurrentIndexWithoutIfNotExistsIsNotIdempotent() {
        SuiteResults results = SuiteResults.of(NonIdempotentIndex.class);

        assertThat(results.failed()).containsOnlyKeys("4d0000000002 index tags.name concurrently, without IF NOT EXISTS");
        assertThat(results.failed().values().iterator().next()).startsWith("Non-transactional revision 4d0000000002"
                + " (classpath:sets/non_idempotent_index/4d0000000002_index_tags_name.sql) is not idempotent: its upgrade,"
                + " run again after a simulated failure (statements 1-1 of 1 had run, the version row was not written;"
                + " statement 1: CREATE INDEX CONCURRENTLY tags_name_idx ON tags (name)), failed: ")
                .contains("relation \"tags_name_idx\" already exists");
        assertThat(results.passed()).contains("upgrade base → heads", "4d0000000002 index tags.name concurrently,"
                + " without IF NOT EXISTS" /* its stairway step */);
    }

    @Test
    void aFalseVerifyQueryFailsTheVerifyCheckNamingTheRevisionAndLine() {
        SuiteResults results = SuiteResults.of(FalseVerify.class);

        assertThat(results.failed()).containsOnlyKeys("verify queries are true after the upgrade");
        assertThat(results.failed().get("verify queries are true after the upgrade")).isEqualTo("1 of 1 verify queries"
                + " are not true after upgrade base → heads:\n  revision 5e0000000002: verify query returned false"
                + " (expected true) (classpath:sets/false_verify/5e0000000002_default_tag.sql:12)");
    }

    @Test
    void aRevisionThatBehavesDifferentlyOfflineFailsOfflineEqualsOnline() {
        SuiteResults results = SuiteResults.of(SessionDependent.class);

        assertThat(results.failed()).containsOnlyKeys("offline script equals online upgrade");
        assertThat(results.failed().get("offline script equals online upgrade")).isEqualTo("The offline script"
                + " upgradeSql(\"base\", \"heads\") run on an empty database gives another schema than upgrade(\"heads\");"
                + " from the online schema to the offline one: sequence audit_id_seq dropped; table audit dropped");
    }

    @Test
    void aRevisionThatDoesNotSplitFailsTheLoadCheckAndTheOtherChecksAreNotRun() {
        SuiteResults results = SuiteResults.of(Unterminated.class);

        assertThat(results.failed()).containsOnlyKeys("every revision loads");
        assertThat(results.failed().get("every revision loads")).isEqualTo("The revisions do not load:"
                + " classpath:sets/unterminated/7a0000000002_broken.sql:6: unterminated string literal ' (opened on"
                + " line 6) in the statement starting on line 6. Close it; until then everything to the end of the"
                + " section is part of it.");
        assertThat(results.aborted()).containsOnlyKeys("single head", "every revision passes the safety analysis",
                "upgrade base → heads",
                "verify queries are true after the upgrade", "offline script equals online upgrade");
    }

    @Test
    void aRevisionThatLoadsButCannotRenderFailsTheLoadCheckNamingItAndItsDirection() {
        SuiteResults results = SuiteResults.of(JavaRefused.class);

        assertThat(results.failed()).containsOnlyKeys("every revision loads");
        assertThat(results.failed().get("every revision loads")).startsWith("1 revision section(s) do not load:\n"
                + "  8b0000000001 (java:sets.java_refused.BatchInTransaction) upgrade: Revision 8b0000000001"
                + " (java:sets.java_refused.BatchInTransaction) uses ");
    }
}
