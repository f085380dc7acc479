package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.result.HistoryEntry;
import dev.migrator.result.RevisionInfo;
import dev.migrator.internal.template.RevisionTemplate;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The core APIs the command line and the build plugin stand on: loading without a database, targets, templates, stamp scripts. */
@ExtendWith(FreshDatabase.class)
class ToolingApiTest {

    @TempDir
    Path dir;

    private void write(RevisionTemplate template) throws Exception {
        Files.writeString(dir.resolve(template.sqlFileName()), template.sql());
    }

    private Migrator withoutDatabase() {
        return Migrator.configure().locations("filesystem:" + dir).loadRevisions();
    }

    private void branchedGraph() throws Exception {
        write(new RevisionTemplate("aaaa00000001", List.of(), "create things", Set.of(), List.of(), Phase.EXPAND, true,
                "CREATE TABLE things (id int);", "DROP TABLE things;", null));
        write(new RevisionTemplate("aaaa00000002", List.of("aaaa00000001"), "accounts work", Set.of("accounts"),
                List.of(), Phase.EXPAND, true, "CREATE TABLE accounts (id int);", "DROP TABLE accounts;", null));
        write(new RevisionTemplate("aaaa00000003", List.of("aaaa00000001"), "billing: note\non two lines", Set.of(),
                List.of("aaaa00000002"), Phase.CONTRACT, false, "DROP TABLE IF EXISTS old_billing;", null, "drops data"));
    }

    @Test
    void writtenTemplatesLoadAsWrittenWithEveryHeader() throws Exception {
        branchedGraph();

        Migrator migrator = withoutDatabase();

        assertThat(migrator.heads()).extracting(RevisionInfo::revision).containsExactly("aaaa00000002", "aaaa00000003");
        RevisionInfo billing = migrator.revisions().stream().filter(r -> r.revision().equals("aaaa00000003")).findFirst().orElseThrow();
        assertThat(billing.message()).as("a message is one header line").isEqualTo("billing: note on two lines");
        assertThat(billing.phase()).isEqualTo(Phase.CONTRACT);
        assertThat(billing.transactional()).isFalse();
        assertThat(billing.dependsOn()).containsExactly("aaaa00000002");
        assertThat(billing.irreversible()).isEqualTo("drops data");
        assertThat(migrator.resolve("accounts@head")).containsExactly("aaaa00000002");
        assertThat(migrator.resolve("heads")).containsExactly("aaaa00000002", "aaaa00000003");
    }

    @Test
    void aMergeTemplateJoinsTheHeads() throws Exception {
        branchedGraph();
        write(RevisionTemplate.of("aaaa00000004", List.of("aaaa00000002", "aaaa00000003"), "merge"));

        assertThat(withoutDatabase().heads()).extracting(RevisionInfo::revision).containsExactly("aaaa00000004");
    }

    @Test
    void anUnfilledTemplateIsANoOpThatSaysSo() throws Exception {
        RevisionTemplate template = RevisionTemplate.of("aaaa00000001", List.of(), "to be written");
        write(template);

        Migrator migrator = withoutDatabase();

        assertThat(template.sql()).contains("-- TODO the statements that make the change. Until they are written this revision is a no-op.");
        assertThat(migrator.upgradeSql("base", "heads")).contains("-- upgrade aaaa00000001: to be written")
                .contains("INSERT INTO migrator_version (revision) VALUES ('aaaa00000001');");
    }

    @Test
    void generatedIdsAndNamesFollowTheConventions() {
        assertThat(RevisionTemplate.newId()).matches("[0-9a-f]{12}").isNotEqualTo(RevisionTemplate.newId());
        RevisionTemplate template = RevisionTemplate.of("abc123abc123", List.of(), "Add e-mail to Users!");
        assertThat(template.sqlFileName()).isEqualTo("abc123abc123_add_e_mail_to_users.sql");
        assertThat(template.javaClassName()).isEqualTo("AddEMailToUsers");
        assertThat(RevisionTemplate.of("abc123abc123", List.of(), "42 things").javaClassName()).isEqualTo("Revision42Things");
        assertThat(template.java("db.migrations", "AddEMailToUsers"))
                .contains("package db.migrations;")
                .contains("@Revision(id = \"abc123abc123\", revises = {},")
                .contains("public class AddEMailToUsers implements Migration");
        assertThatThrownBy(() -> RevisionTemplate.of("no-dashes", List.of(), "x"))
                .isInstanceOfSatisfying(MigratorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION_INVALID));
    }

    @Test
    void withoutADatabaseTheGraphWorksAndDatabaseCommandsSayWhatIsMissing() throws Exception {
        branchedGraph();
        Migrator migrator = withoutDatabase();

        assertThat(migrator.upgradeSql("base", "accounts@head")).contains("CREATE TABLE accounts (id int);");
        assertThatThrownBy(migrator::current)
                .isInstanceOfSatisfying(MigratorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION_INVALID);
                    assertThat(e.getMessage()).contains("No database configured");
                });
        assertThatThrownBy(() -> migrator.resolve("-1"))
                .isInstanceOfSatisfying(MigratorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TARGET_INVALID));
        assertThatThrownBy(() -> Migrator.configure().locations("filesystem:" + dir).load())
                .as("load() still requires a database").hasMessageContaining("No database configured");
    }

    @Test
    void theStampScriptLeavesTheVersionTableAsAnOnlineStampDoes(TestDatabase db) throws Exception {
        branchedGraph();
        Migrator migrator = Migrator.configure().dataSource(db.dataSource()).locations("filesystem:" + dir).load();

        String script = migrator.stampSql("base", "aaaa00000002");
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute(script); // one simple-query batch, as psql -f runs it
        }

        assertThat(script).startsWith("-- Migrator offline script: stamp from base to aaaa00000002")
                .doesNotContain("CREATE TABLE accounts");
        assertThat(migrator.current()).containsExactly("aaaa00000002");
        assertThat(migrator.applied()).containsExactly("aaaa00000001", "aaaa00000002");
        assertThat(migrator.log(10)).extracting(HistoryEntry::direction).containsOnly(Direction.STAMP);
        assertThat(migrator.stampSql("aaaa00000002", "aaaa00000002")).doesNotContain("BEGIN;");
    }
}
