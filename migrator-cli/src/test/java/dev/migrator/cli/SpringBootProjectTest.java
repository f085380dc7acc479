package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.ErrorCode;
import dev.migrator.cli.fixtures.backfill.CreateAccounts;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a Spring Boot project the command needs no flag: the database comes from spring.datasource.*, SQL revisions from
 * src/main/resources, Java revisions (in any package, as beans may be) from target/classes.
 */
@ExtendWith(FreshDatabase.class)
class SpringBootProjectTest {

    @TempDir
    Path dir;

    @Test
    void currentAndUpgradeWorkWithNoFlagFromTheApplicationsOwnConfiguration(TestDatabase db) throws IOException {
        Path resources = Files.createDirectories(dir.resolve("src/main/resources/db/migrations")).getParent().getParent();
        Files.writeString(resources.resolve("application.yml"), """
                spring:
                  datasource:
                    url: %s
                    username: %s
                    password: "%s"
                migrator:
                  contract: defer
                """.formatted(db.url(), db.user(), db.password()));
        Files.writeString(resources.resolve("db/migrations/sp0002_status_index.sql"), """
                -- Revision: sp0002
                -- Revises: bf0001
                -- Message: index account status

                -- migrate:upgrade
                CREATE INDEX accounts_status ON accounts (status);

                -- migrate:downgrade
                DROP INDEX accounts_status;
                """);
        Cli cli = Cli.project(dir);

        Cli.Run notCompiled = cli.run("heads");
        assertThat(notCompiled.status()).isEqualTo(ExitCodes.of(ErrorCode.GRAPH_INVALID));
        assertThat(notCompiled.err()).contains("bf0001").contains("target/classes does not exist")
                .contains("build the project first");

        copyCompiledClass(CreateAccounts.class);
        Cli.Run upgrade = cli.run("upgrade");
        Cli.Run current = cli.run("current", "--verbose");

        assertThat(upgrade.status()).as(upgrade.all()).isZero();
        assertThat(upgrade.out()).containsPattern("upgrade\\s+bf0001  accounts with rows").containsPattern("upgrade\\s+sp0002");
        assertThat(current.status()).as(current.all()).isZero();
        assertThat(current.out()).startsWith("sp0002 (head)  index account status").contains("state: UP_TO_DATE")
                .contains("database: " + db.url());
        assertThat(cli.run("show", "bf0001").out()).contains("java:" + CreateAccounts.class.getName());
    }

    /** As the build would leave it: the class file under target/classes, in its package. */
    private void copyCompiledClass(Class<?> type) throws IOException {
        String relative = type.getName().replace('.', '/') + ".class";
        Path target = dir.resolve("target/classes").resolve(relative);
        Files.createDirectories(target.getParent());
        try (var in = type.getClassLoader().getResourceAsStream(relative)) {
            Files.write(target, in.readAllBytes());
        }
    }
}
