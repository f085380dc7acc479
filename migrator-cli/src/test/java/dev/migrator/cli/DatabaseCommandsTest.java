package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.ErrorCode;
import dev.migrator.Migrator;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The commands that read and change a real database, run in-process as a user types them. */
@ExtendWith(FreshDatabase.class)
class DatabaseCommandsTest {

    @TempDir
    Path dir;

    private Path migrations;

    private Cli cli(TestDatabase db) throws IOException {
        migrations = Files.createDirectories(dir.resolve("src/main/resources/db/migrations"));
        write("a1000001", "", "create users", "CREATE TABLE users (id bigint PRIMARY KEY, email text);", "DROP TABLE users;");
        write("a1000002", "a1000001", "create orders", "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users);",
                "DROP TABLE orders;");
        write("a1000003", "a1000002", "index orders by user", "-- Transactional: false",
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user ON orders (user_id);",
                "DROP INDEX CONCURRENTLY IF EXISTS orders_user;");
        return Cli.project(dir).env("MIGRATOR_URL", db.url()).env("MIGRATOR_USER", db.user()).env("MIGRATOR_PASSWORD", db.password());
    }

    private void write(String id, String revises, String message, String upgrade, String downgrade) throws IOException {
        write(id, revises, message, "", upgrade, downgrade);
    }

    private void write(String id, String revises, String message, String extraHeader, String upgrade, String downgrade) throws IOException {
        Files.writeString(migrations.resolve(id + "_" + message.replace(' ', '_') + ".sql"), "-- Revision: " + id + "\n-- Revises: "
                + revises + "\n-- Message: " + message + "\n" + (extraHeader.isEmpty() ? "" : extraHeader + "\n")
                + "\n-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\n" + downgrade + "\n");
    }

    @Test
    void upgradePrintsEachRevisionWithItsDurationAndTheReadCommandsSeeTheResult(TestDatabase db) throws IOException {
        Cli cli = cli(db);

        Cli.Run upgrade = cli.run("upgrade");

        assertThat(upgrade.status()).as(upgrade.all()).isZero();
        assertThat(upgrade.out()).containsPattern("upgrade\\s+a1000001  create users  \\(\\d+ ms\\)")
                .containsPattern("upgrade\\s+a1000003  index orders by user  \\(\\d+ ms\\)")
                .contains("Upgraded 3 revision(s) in").contains("the database is at a1000003.");
        assertThat(db.tableExists("orders")).isTrue();

        Cli.Run current = cli.run("current");
        assertThat(current.out()).startsWith("a1000003 (head)  index orders by user\n").contains("state: UP_TO_DATE");
        assertThat(cli.run("current", "--json").out()).contains("\"state\" : \"UP_TO_DATE\"").contains("\"current\" : [ \"a1000003\" ]");
        assertThat(cli.run("log").out()).containsPattern("upgrade\\s+a1000003\\s+\\d+ ms\\s+ok");
        assertThat(cli.run("log", "--json", "--limit", "1").out()).contains("\"direction\" : \"upgrade\"").contains("\"durationMs\"");

        Cli.Run downgrade = cli.run("downgrade", "-1");
        assertThat(downgrade.status()).as(downgrade.all()).isZero();
        assertThat(downgrade.out()).containsPattern("downgrade\\s+a1000003").contains("the database is at a1000002.");
        assertThat(cli.run("pending").out().lines().skip(1)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("a1000003");
        assertThat(cli.run("history", "--graph").out()).isEqualTo("""
                o a1000003 index orders by user  (pending)
                * a1000002 create orders
                * a1000001 create users
                """);
        assertThat(cli.run("show", "a100").status()).as("a prefix naming three revisions").isEqualTo(ExitCodes.of(ErrorCode.TARGET_INVALID));
        assertThat(cli.run("show", "a1000002").out()).containsPattern("applied\\s+yes, at ");

        Cli.Run validate = cli.run("validate");
        assertThat(validate.status()).isEqualTo(ExitCodes.of(ErrorCode.PENDING_REVISIONS));
        assertThat(validate.out()).contains("pending: a1000003");
        assertThat(cli.run("validate", "--allow-pending").status()).isZero();

        Cli.Run stamp = cli.run("stamp", "a1000001");
        assertThat(stamp.out()).contains("now a1000001. No revision ran.");
        assertThat(db.tableExists("orders")).as("a stamp runs nothing").isTrue();
        assertThat(cli.run("stamp", "a1000002").status()).isZero();

        Cli.Run behind = cli.run("verify");
        assertThat(behind.status()).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(behind.out()).containsPattern("version-table\\s+FAILED").contains("1 of 4 checks FAILED.");
        assertThat(cli.run("upgrade").status()).isZero();
        Cli.Run verify = cli.run("verify", "--json");
        assertThat(verify.status()).as(verify.all()).isZero();
        assertThat(verify.out()).contains("\"status\" : \"PASSED\"").contains("\"failed\" : 0");
        Cli.Run lint = cli.run("lint");
        assertThat(lint.status()).as("connected, only pending revisions are analysed: none").isZero();
        assertThat(lint.out()).startsWith("Safety analysis of 0 revision(s) up to heads: 0 error(s)");
    }

    @Test
    void theOfflineScriptsAreExactlyTheEnginesOnes(TestDatabase db) throws IOException {
        Cli cli = cli(db);
        Migrator migrator = Migrator.configure().url(db.url(), db.user(), db.password()).locations("filesystem:" + migrations).load();

        assertThat(withoutTimestamp(cli.run("upgrade", "--sql").out())).isEqualTo(withoutTimestamp(migrator.upgradeSql("base", "heads")));
        assertThat(withoutTimestamp(cli.run("upgrade", "a1000001:a1000003", "--sql").out()))
                .isEqualTo(withoutTimestamp(migrator.upgradeSql("a1000001", "a1000003")));
        assertThat(withoutTimestamp(cli.run("downgrade", "base", "--sql", "--from", "heads").out()))
                .isEqualTo(withoutTimestamp(migrator.downgradeSql("heads", "base")));
        assertThat(withoutTimestamp(cli.run("stamp", "a1000002", "--sql").out()))
                .isEqualTo(withoutTimestamp(migrator.stampSql("base", "a1000002")));
        assertThat(db.tableExists("migrator_version")).as("--sql touches no database").isFalse();
    }

    /** The script's second line says when it was generated: the only part two renderings may differ in. */
    private static String withoutTimestamp(String script) {
        return script.replaceFirst("-- Generated \\S+ by ", "-- Generated <time> by ");
    }

    @Test
    void failuresExitWithTheCodeOfTheirClassAndNeverPrintThePassword(TestDatabase db) throws IOException {
        String password = "Sup3r-S3cret-" + ProcessHandle.current().pid();
        String role = "cli_pw_" + ProcessHandle.current().pid();
        db.execute("CREATE ROLE " + role + " LOGIN SUPERUSER PASSWORD '" + password + "'");
        Cli cli = cli(db).env("MIGRATOR_USER", role).env("MIGRATOR_PASSWORD", password);

        Cli.Run upgrade = cli.run("upgrade", "a1000002");
        Cli.Run verbose = cli.run("current", "--verbose");
        Cli.Run badTarget = cli.run("upgrade", "nosuch");
        Files.writeString(migrations.resolve("a1000001_create_users.sql"),
                Files.readString(migrations.resolve("a1000001_create_users.sql")).replace("email text", "email varchar"));
        Cli.Run edited = cli.run("upgrade");
        Cli.Run noReason = cli.run("accept-checksum", "a1000001");
        Cli.Run accepted = cli.run("accept-checksum", "a1000001", "--reason", "column type widened in review, schema equal");
        Cli.Run afterAccept = cli.run("upgrade");
        Cli.Run refused = new Cli(dir).env("MIGRATOR_URL", "jdbc:postgresql://127.0.0.1:1/nowhere?password=" + password)
                .env("MIGRATOR_PASSWORD", password).run("current", "--verbose");
        Cli.Run refusedJson = new Cli(dir).env("MIGRATOR_URL", "jdbc:postgresql://127.0.0.1:1/nowhere")
                .env("MIGRATOR_PASSWORD", password).run("--json", "log");
        Cli.Run headsUnreachable = new Cli(dir).env("MIGRATOR_URL", "jdbc:postgresql://127.0.0.1:1/nowhere")
                .env("MIGRATOR_PASSWORD", password).run("heads");

        assertThat(upgrade.status()).as(upgrade.all()).isZero();
        assertThat(verbose.out()).contains("database: " + db.url());
        assertThat(badTarget.status()).isEqualTo(ExitCodes.of(ErrorCode.TARGET_INVALID));
        assertThat(badTarget.err()).startsWith("error [TARGET_INVALID]: ").contains("nosuch").doesNotContain("\tat ");
        assertThat(edited.status()).isEqualTo(ExitCodes.of(ErrorCode.CHECKSUM_MISMATCH));
        assertThat(edited.err()).contains("a1000001").contains("changed since");
        assertThat(noReason.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(accepted.status()).as(accepted.all()).isZero();
        assertThat(accepted.out()).contains("a1000001").contains("Accepted 1 edited revision(s)");
        assertThat(afterAccept.status()).as(afterAccept.all()).isZero();
        assertThat(cli.run("log", "--limit", "5").out()).contains("column type widened in review");
        assertThat(headsUnreachable.status()).as("heads is about the code").isZero();
        assertThat(headsUnreachable.out()).contains("a1000003");
        assertThat(headsUnreachable.err()).contains("cannot be reached, so applied revisions are not marked");
        assertThat(refused.status()).isEqualTo(ExitCodes.of(ErrorCode.CONNECTION_FAILED));
        assertThat(refusedJson.out()).contains("\"code\" : \"CONNECTION_FAILED\"").contains("\"exitCode\" : 19");
        for (Cli.Run run : new Cli.Run[] {upgrade, verbose, badTarget, edited, accepted, refused, refusedJson, headsUnreachable}) {
            assertThat(run.all()).doesNotContain(password);
        }
    }

    @Test
    void aBackfillShowsItsProgressWhileTheRevisionRuns(TestDatabase db) {
        Path testClasses = Path.of(CreateAccountsLocation.DIRECTORY);
        Cli cli = new Cli(dir).env("MIGRATOR_URL", db.url()).env("MIGRATOR_USER", db.user()).env("MIGRATOR_PASSWORD", db.password());

        Cli.Run upgrade = cli.run("upgrade", "--locations", "classpath:dev/migrator/cli/fixtures/backfill",
                "--classpath", testClasses.toString());

        assertThat(upgrade.status()).as(upgrade.all()).isZero();
        assertThat(upgrade.out()).contains("bf0002 batchUpdate accounts: batch 1, 500 rows")
                .containsPattern("upgrade\\s+bf0002  backfill status  \\(\\d+ ms\\)");
        assertThat(db.count("SELECT count(*) FROM accounts WHERE status = 'active'")).isEqualTo(2500);
    }

    /** Where this module's compiled test classes (and so the fixtures) are. */
    static final class CreateAccountsLocation {
        static final String DIRECTORY = location();

        private static String location() {
            try {
                return Path.of(dev.migrator.cli.fixtures.backfill.CreateAccounts.class.getProtectionDomain().getCodeSource()
                        .getLocation().toURI()).toString();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
