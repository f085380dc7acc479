package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A Flyway project moves over: its scripts become a chain of revisions, and its database is stamped where Flyway left it. */
@ExtendWith(FreshDatabase.class)
class FlywayImportTest {

    @TempDir
    Path dir;

    private Path flyway;

    private void script(String name, String sql) throws IOException {
        Files.writeString(flyway.resolve(name), sql);
    }

    /** The Flyway project: versions 1, 1.1 and 2 (with an undo script), a repeatable and a callback. */
    private void flywayProject() throws IOException {
        flyway = Files.createDirectories(dir.resolve("flyway/db/migration"));
        script("V1__create_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        script("V1_1__add_name.sql", "ALTER TABLE users ADD COLUMN name text;\n");
        script("V2__index_email.sql", "CREATE INDEX CONCURRENTLY users_email ON users (email);\n");
        script("U2__index_email.sql", "DROP INDEX CONCURRENTLY users_email;\n");
        script("R__user_view.sql", "CREATE OR REPLACE VIEW user_names AS SELECT name FROM users;\n");
        script("afterMigrate.sql", "ANALYZE;\n");
    }

    /** What Flyway left: 1 and 1.1 applied, 2 failed (Flyway's own table layout). */
    private void flywayRanUpTo11(TestDatabase db) {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text, name text)");
        db.execute("""
                CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50),
                  description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum int,
                  installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), execution_time int NOT NULL,
                  success boolean NOT NULL)""");
        db.execute("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, installed_by,
                  execution_time, success) VALUES
                  (1, '1', 'create users', 'SQL', 'V1__create_users.sql', 'me', 5, true),
                  (2, '1.1', 'add name', 'SQL', 'V1_1__add_name.sql', 'me', 5, true),
                  (3, '2', 'index email', 'SQL', 'V2__index_email.sql', 'me', 5, false)""");
    }

    @Test
    void scriptsBecomeAChainAndTheDatabaseIsStampedAtFlywaysHighestSuccessfulVersion(TestDatabase db) throws IOException {
        flywayProject();
        flywayRanUpTo11(db);
        Cli cli = Cli.project(dir).env("MIGRATOR_URL", db.url()).env("MIGRATOR_USER", db.user()).env("MIGRATOR_PASSWORD", db.password());

        Cli.Run imported = cli.run("import", "flyway", "flyway/db/migration", "--stamp");

        assertThat(imported.status()).as(imported.all()).isZero();
        Path migrations = dir.resolve("src/main/resources/db/migrations");
        assertThat(migrations.resolve("flyway_v1_create_users.sql")).content()
                .startsWith("-- Revision: flyway_v1\n-- Revises: \n-- Message: create users (imported from Flyway V1__create_users.sql)\n")
                .contains("-- Irreversible: imported from Flyway, which had no undo script for version 1")
                .contains("CREATE TABLE users (id bigint PRIMARY KEY, email text);");
        assertThat(migrations.resolve("flyway_v1_1_add_name.sql")).content()
                .contains("-- Revises: flyway_v1\n");
        assertThat(migrations.resolve("flyway_v2_index_email.sql")).content()
                .contains("-- Revises: flyway_v1_1\n").contains("-- Transactional: false\n")
                .contains("-- migrate:downgrade\nDROP INDEX CONCURRENTLY users_email;");
        assertThat(imported.err()).contains("R__user_view.sql: repeatable migration (R__), not imported")
                .contains("afterMigrate.sql: not a Flyway migration name");
        assertThat(imported.out()).contains("3 version(s) imported").contains("flyway_schema_history says version 1.1 is applied")
                .contains("Stamped");
        assertThat(cli.run("current").out()).startsWith("flyway_v1_1  add name");

        Cli.Run upgrade = cli.run("upgrade");
        assertThat(upgrade.status()).as(upgrade.all()).isZero();
        assertThat(upgrade.out()).containsPattern("upgrade\\s+flyway_v2 ").contains("Upgraded 1 revision(s)");

        Cli.Run again = cli.run("import", "flyway", "flyway/db/migration", "--json");
        assertThat(again.status()).as("importing again writes the same files: nothing changes").isZero();
        assertThat(again.out()).contains("\"written\" : false").doesNotContain("\"written\" : true");
    }

    @Test
    void withoutADatabaseTheImportOnlyWritesTheRevisions() throws IOException {
        flywayProject();
        Cli cli = Cli.project(dir);

        Cli.Run imported = cli.run("import", "flyway", "flyway/db/migration");
        Cli.Run stamp = cli.run("import", "flyway", "flyway/db/migration", "--stamp");

        assertThat(imported.status()).as(imported.all()).isZero();
        assertThat(cli.run("heads").out()).contains("flyway_v2");
        assertThat(stamp.status()).isEqualTo(ExitCodes.of(dev.migrator.ErrorCode.CONFIGURATION_INVALID));
        assertThat(stamp.err()).contains("--stamp needs the database");
    }
}
