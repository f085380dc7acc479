package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init, revision, merge, heads, history --graph and check on a project's files, with no database. */
class RevisionCommandsTest {

    private static final Pattern CREATED = Pattern.compile("revision ([0-9a-f]{12})");

    @TempDir
    Path dir;

    private Path migrations() {
        return dir.resolve("src/main/resources/db/migrations");
    }

    private static String id(Cli.Run run) {
        Matcher matcher = CREATED.matcher(run.out());
        assertThat(matcher.find()).as(run.all()).isTrue();
        return matcher.group(1);
    }

    /** Fills a generated revision's sections, as the developer would. */
    private void fill(String id, String upgrade, String downgrade) throws IOException {
        Path file = file(id);
        String text = Files.readString(file)
                .replaceFirst("-- TODO the statements that make the change[^\n]*\n", upgrade + "\n")
                .replace("-- TODO the statements that undo the upgrade.\n", downgrade + "\n");
        Files.writeString(file, text);
    }

    private Path file(String id) throws IOException {
        try (Stream<Path> files = Files.list(migrations())) {
            return files.filter(f -> f.getFileName().toString().startsWith(id + "_")).findFirst().orElseThrow();
        }
    }

    @Test
    void initThenRevisionsBuildAChainOnTheHead() throws IOException {
        Cli cli = Cli.project(dir);

        Cli.Run init = cli.run("init");
        assertThat(init.status()).isZero();
        assertThat(migrations()).isDirectory();
        assertThat(dir.resolve("migrator.properties")).content().contains("#migrator.url=").contains("MIGRATOR_PASSWORD")
                .doesNotContain("migrator.password=");
        assertThat(cli.run("init").out()).as("a second init overwrites nothing").contains("exists");

        String first = id(cli.run("revision", "-m", "create users"));
        String second = id(cli.run("revision", "-m", "add email to users"));

        assertThat(file(first).getFileName().toString()).isEqualTo(first + "_create_users.sql");
        assertThat(file(first)).content().startsWith("-- Revision: " + first + "\n-- Revises: \n-- Message: create users\n")
                .contains("-- migrate:upgrade").contains("-- migrate:downgrade");
        assertThat(file(second)).content().contains("-- Revises: " + first + "\n");
        Cli.Run heads = cli.run("heads", "--json");
        assertThat(heads.status()).isZero();
        assertThat(heads.out()).contains("\"revision\" : \"" + second + "\"").doesNotContain("\"revision\" : \"" + first + "\"");
    }

    @Test
    void aSecondHeadNeedsHeadAndAMergeJoinsThem() throws IOException {
        Cli cli = Cli.project(dir);
        String users = id(cli.run("revision", "-m", "create users"));
        fill(users, "CREATE TABLE users (id bigint PRIMARY KEY);", "DROP TABLE users;");
        String billing = id(cli.run("revision", "-m", "billing", "--head", "base", "--branch-label", "billing"));
        fill(billing, "CREATE TABLE invoices (id bigint PRIMARY KEY);", "DROP TABLE invoices;");

        Cli.Run ambiguous = cli.run("revision", "-m", "one more");
        assertThat(ambiguous.status()).isEqualTo(ExitCodes.of(dev.migrator.ErrorCode.TARGET_INVALID));
        assertThat(ambiguous.err()).contains("The code has 2 heads").contains(users).contains(billing).contains("--head");

        String onBilling = id(cli.run("revision", "-m", "invoice lines", "--head", "billing@head", "--phase", "contract",
                "--non-transactional", "--depends-on", users.substring(0, 6)));
        assertThat(file(onBilling)).content().contains("-- Revises: " + billing + "\n").contains("-- Phase: contract\n")
                .contains("-- Transactional: false\n").contains("-- Depends-On: " + users + "\n");
        fill(onBilling, "CREATE INDEX CONCURRENTLY IF NOT EXISTS invoices_id ON invoices (id);", "DROP INDEX CONCURRENTLY IF EXISTS invoices_id;");

        Cli.Run twoHeads = cli.run("check");
        assertThat(twoHeads.status()).isEqualTo(ExitCodes.of(dev.migrator.ErrorCode.GRAPH_INVALID));
        assertThat(twoHeads.err()).contains("The code has 2 heads").contains("migrator merge");
        assertThat(cli.run("check", "--allow-branches").status()).isZero();

        String merge = id(cli.run("merge", "-m", "join billing"));
        assertThat(file(merge)).content().containsPattern("-- Revises: (" + onBilling + ", " + users + "|" + users + ", "
                + onBilling + ")\n");
        Cli.Run check = cli.run("check");
        assertThat(check.status()).as(check.all()).isZero();
        assertThat(check.out()).contains("4 revisions load").contains("single head " + merge).contains("check passed");

        List<String> graph = cli.run("history", "--graph").out().lines().toList();
        // generated ids are random and order ties: the two bases' lanes end in either order (5 or 6 lines)
        assertThat(graph).filteredOn(line -> line.contains("* ")).hasSize(4);
        assertThat(graph.get(0)).startsWith("* " + merge + " (merge) join billing");
        assertThat(graph.get(1)).isEqualTo("|\\");
        assertThat(graph).anySatisfy(line -> assertThat(line).contains(onBilling + " (contract) invoice lines  [depends on " + users + "]"));
        assertThat(graph).anySatisfy(line -> assertThat(line).contains(billing + " (billing) billing"));

        assertThat(cli.run("branches").out()).contains("No branch points");
        cli.run("revision", "-m", "hotfix on users", "--head", users);
        assertThat(cli.run("branches").out().lines().skip(1)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith(users);
    }

    @Test
    void outsideAProjectInitUsesAFilesystemLocation() throws IOException {
        Cli cli = new Cli(dir);

        assertThat(cli.run("init").status()).isZero();
        Cli.Run revision = cli.run("revision", "-m", "first");

        assertThat(dir.resolve("migrator.properties")).content().contains("\nmigrator.locations=filesystem:migrations\n");
        assertThat(revision.status()).as(revision.all()).isZero();
        assertThat(revision.out()).contains(dir.resolve("migrations").toString());
    }

    @Test
    void checkNamesTheFileAndLineOfAMalformedRevisionAndItsClassOfFailure() throws IOException {
        Cli cli = Cli.project(dir);
        String id = id(cli.run("revision", "-m", "not written yet"));

        assertThat(cli.run("check").status()).as("an unwritten revision is a no-op, as the template says").isZero();

        Files.writeString(file(id), "-- Revision: " + id + "\n-- Revizes: nothing\n\n-- migrate:upgrade\nSELECT 'unterminated;\n");
        Cli.Run header = cli.run("check");
        assertThat(header.status()).isEqualTo(ExitCodes.of(dev.migrator.ErrorCode.REVISION_MALFORMED));
        assertThat(header.err()).as("every problem of the file at once").contains(id + "_not_written_yet.sql:2").contains("Revises")
                .contains(id + "_not_written_yet.sql:5").doesNotContain("\tat ");
    }

    @Test
    void lintAndCheckFailOnAnUnsafeRevisionUntilItIsAllowedWithAReason() throws IOException {
        Cli cli = Cli.project(dir);
        String users = id(cli.run("revision", "-m", "create users"));
        fill(users, "CREATE TABLE users (id bigint PRIMARY KEY, email text);", "DROP TABLE users;");
        String index = id(cli.run("revision", "-m", "index email"));
        fill(index, "CREATE INDEX users_email ON users (email);", "DROP INDEX users_email;");

        Cli.Run lint = cli.run("lint");
        Cli.Run check = cli.run("check");

        assertThat(lint.status()).as(lint.all()).isEqualTo(ExitCodes.of(dev.migrator.ErrorCode.SAFETY_VIOLATION));
        assertThat(lint.out()).contains("(offline").contains("ERROR create-index-non-concurrently " + index)
                .contains(index + "_index_email.sql:6");
        assertThat(cli.run("lint", "--json").out()).contains("\"rule\" : \"create-index-non-concurrently\"")
                .contains("\"errors\" : 1");
        assertThat(check.status()).isEqualTo(ExitCodes.of(dev.migrator.ErrorCode.SAFETY_VIOLATION));
        assertThat(check.err()).contains("[SAFETY_VIOLATION] 1 error-level safety finding(s)").contains("migrator:allow");
        assertThat(cli.run("check", "--skip-safety").status()).isZero();

        Files.writeString(file(index), Files.readString(file(index)).replace("CREATE INDEX users_email",
                "-- migrator:allow create-index-non-concurrently: users is written only by the signup job\nCREATE INDEX users_email"));
        Cli.Run allowed = cli.run("lint");
        assertThat(allowed.status()).as(allowed.all()).isZero();
        assertThat(allowed.out()).contains("0 error(s)").contains("1 suppressed").contains("SUPPRESSED create-index-non-concurrently");
        assertThat(cli.run("check").out()).contains("safety analysis of 2 revision(s) (offline): no error");
    }

    @Test
    void upgradeSqlNeedsNoDatabase() throws IOException {
        Cli cli = Cli.project(dir);
        String users = id(cli.run("revision", "-m", "create users"));
        fill(users, "CREATE TABLE users (id bigint PRIMARY KEY);", "DROP TABLE users;");

        Cli.Run sql = cli.run("upgrade", "--sql");

        assertThat(sql.status()).as(sql.err()).isZero();
        assertThat(sql.out()).startsWith("-- Migrator offline script: upgrade from base to heads")
                .contains("CREATE TABLE users (id bigint PRIMARY KEY);")
                .contains("INSERT INTO migrator_version (revision) VALUES ('" + users + "');");
        assertThat(cli.run("downgrade", users + ":base", "--sql").out()).contains("DROP TABLE users;");
        Cli.Run current = cli.run("current");
        assertThat(current.status()).isEqualTo(ExitCodes.of(dev.migrator.ErrorCode.CONFIGURATION_INVALID));
        assertThat(current.err()).contains("'current' needs a database").contains("MIGRATOR_URL");
    }

    @Test
    void aJavaRevisionIsWrittenInTheLocationsPackage() throws IOException {
        Cli cli = Cli.project(dir);
        String base = id(cli.run("revision", "-m", "create users"));

        Cli.Run java = cli.run("revision", "-m", "backfill user names", "--java");

        assertThat(java.status()).as(java.err()).isZero();
        String id = id(java);
        Path source = dir.resolve("src/main/java/db/migrations/BackfillUserNames.java");
        assertThat(source).content().contains("package db.migrations;")
                .contains("@Revision(id = \"" + id + "\", revises = \"" + base + "\"")
                .contains("public class BackfillUserNames implements Migration");
    }
}
