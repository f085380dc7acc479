package dev.migrator.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin in a real Maven build: a small project declares it, and {@code mvn migrator:...} runs in a child
 * process with the Maven that builds this module, resolving the plugin from the staged {@code target/it-repo}.
 */
class MavenPluginIT {

    @TempDir
    Path project;

    private record Build(int status, String log) {}

    private void pom() throws IOException {
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>shop</artifactId>
                  <version>1.0</version>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.migrator</groupId>
                        <artifactId>migrator-maven-plugin</artifactId>
                        <version>%s</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(System.getProperty("it.plugin.version")));
    }

    private void revision(String id, String revises, String upgrade) throws IOException {
        Path dir = Files.createDirectories(project.resolve("src/main/resources/db/migrations"));
        Files.writeString(dir.resolve(id + "_change.sql"), "-- Revision: " + id + "\n-- Revises: " + revises
                + "\n-- Message: change " + id + "\n\n-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\nSELECT 1;\n");
    }

    private Build mvn(String... args) throws IOException, InterruptedException {
        Path maven = Path.of(System.getProperty("maven.home"), "bin", "mvn");
        List<String> command = new ArrayList<>(List.of(maven.toString(), "-B", "-o", "-ntp",
                "-Dmaven.repo.local=" + System.getProperty("it.repository"),
                "-Dmaven.repo.local.tail=" + System.getProperty("it.repository.tail")));
        command.addAll(List.of(args));
        Path log = project.resolve("build.log");
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("mvn did not finish within 120 s:\n" + Files.readString(log));
        }
        return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void checkFailsTheBuildOnAMalformedRevisionThenOnASecondHeadAndPassesOnceMerged() throws Exception {
        pom();
        revision("aa0001", "", "CREATE TABLE a (id int);");
        revision("bb0001", "", "CREATE TABLE b (id int);");
        Path broken = project.resolve("src/main/resources/db/migrations/bb0002_broken.sql");
        Files.writeString(broken, "-- Revision: bb0002\n-- Revises: bb0001\n\n-- migrate:upgrade\nSELECT 'unterminated;\n\n-- migrate:downgrade\nSELECT 1;\n");

        Build malformed = mvn("migrator:check");

        assertThat(malformed.status()).as(malformed.log()).isNotZero();
        assertThat(malformed.log()).contains("BUILD FAILURE").contains("[REVISION_MALFORMED]").contains("bb0002_broken.sql:5");

        Files.delete(broken);
        Build twoHeads = mvn("migrator:check");
        assertThat(twoHeads.status()).as(twoHeads.log()).isNotZero();
        assertThat(twoHeads.log()).contains("BUILD FAILURE").contains("[GRAPH_INVALID] The code has 2 heads")
                .contains("aa0001").contains("bb0001");

        revision("cc0001", "aa0001, bb0001", "SELECT 1;");
        Build merged = mvn("migrator:check");
        assertThat(merged.status()).as(merged.log()).isZero();
        assertThat(merged.log()).contains("ok: single head cc0001").contains("BUILD SUCCESS");
    }

    @Test
    void upgradeCurrentSqlDowngradeValidateAndStampRunAgainstTheDatabaseFromProperties() throws Exception {
        pom();
        revision("aa0001", "", "CREATE TABLE accounts (id int);");
        revision("aa0002", "aa0001", "ALTER TABLE accounts ADD COLUMN email text;");
        try (TestDatabase db = TestDatabase.create()) {
            Build build = mvn("migrator:sql", "migrator:upgrade", "migrator:current", "migrator:history",
                    "-Dmigrator.url=" + db.url(), "-Dmigrator.user=" + db.user(), "-Dmigrator.password=" + db.password());

            assertThat(build.status()).as(build.log()).isZero();
            assertThat(build.log()).containsPattern("upgrade\\s+aa0002  change aa0002  \\(\\d+ ms\\)")
                    .contains("Upgraded 2 revision(s)").contains("aa0002 (head)  change aa0002").contains("state: UP_TO_DATE")
                    .contains("* aa0002 change aa0002");
            assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'email'"))
                    .isEqualTo(1);
            assertThat(project.resolve("target/migrator/migration.sql")).content()
                    .startsWith("-- Migrator offline script: upgrade from base to heads")
                    .contains("ALTER TABLE accounts ADD COLUMN email text;");

            // downgrade one, then validate fails the build on the revision now pending
            Build back = mvn("migrator:downgrade", "migrator:validate", "-Dmigrator.target=aa0001",
                    "-Dmigrator.url=" + db.url(), "-Dmigrator.user=" + db.user(), "-Dmigrator.password=" + db.password());
            assertThat(back.status()).as(back.log()).isNotZero();
            assertThat(back.log()).contains("BUILD FAILURE").contains("[PENDING_REVISIONS]").contains("aa0002");
            assertThat(db.queryValue("SELECT revision FROM migrator_version")).isEqualTo("aa0001");

            // stamp the head without running it, and validate passes
            Build stamped = mvn("migrator:stamp", "migrator:validate", "-Dmigrator.target=aa0002",
                    "-Dmigrator.url=" + db.url(), "-Dmigrator.user=" + db.user(), "-Dmigrator.password=" + db.password());
            assertThat(stamped.status()).as(stamped.log()).isZero();
            assertThat(db.queryValue("SELECT revision FROM migrator_version")).isEqualTo("aa0002");
        }
    }

    /** A project whose build runs the index goal (bound to process-classes by default). */
    private void pomWithIndex() throws IOException {
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>shop</artifactId>
                  <version>1.0</version>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.13.0</version>
                      </plugin>
                      <plugin>
                        <groupId>dev.migrator</groupId>
                        <artifactId>migrator-maven-plugin</artifactId>
                        <version>%s</version>
                        <executions>
                          <execution>
                            <goals><goal>index</goal></goals>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(System.getProperty("it.plugin.version")));
    }

    @Test
    void theIndexGoalWritesTheIndexIntoTheBuildOutputAndChecksIt() throws Exception {
        pomWithIndex();
        revision("aa0001", "", "CREATE TABLE a (id int);");
        revision("aa0002", "aa0001", "CREATE TABLE b (id int);");

        Build build = mvn("process-classes");

        assertThat(build.status()).as(build.log()).isZero();
        Path index = project.resolve("target/classes/db/migrations/migrator.index");
        assertThat(build.log()).contains("migrator: wrote " + index);
        var written = dev.migrator.internal.source.index.IndexFormat.read(Files.readString(index), index.toString());
        assertThat(written.files()).extracting(dev.migrator.internal.source.index.IndexedFile::id).containsExactly("aa0001", "aa0002");
        Build current = mvn("migrator:index", "-Dmigrator.index.check");
        assertThat(current.status()).as(current.log()).isZero();
        assertThat(current.log()).contains("the revision index of classpath:db/migrations is current");

        // a copy edited after the build (an IDE copying a resource) makes the index stale
        Path copied = project.resolve("target/classes/db/migrations/aa0002_change.sql");
        Files.writeString(copied, Files.readString(copied).replace("TABLE b", "TABLE c"));
        Build stale = mvn("migrator:index", "-Dmigrator.index.check");
        assertThat(stale.status()).as(stale.log()).isNotZero();
        assertThat(stale.log()).contains("aa0002_change.sql changed since the index was built").contains("BUILD FAILURE");
    }

    @Test
    void theIndexGoalFailsTheBuildListingEveryProblemAndWritesNoIndex() throws Exception {
        pomWithIndex();
        revision("aa0001", "", "CREATE TABLE a (id int);");
        Path dir = project.resolve("src/main/resources/db/migrations");
        Files.writeString(dir.resolve("bb0001_broken.sql"), "-- Revision: bb0001\n\n-- migrate:upgrade\nSELECT 'unterminated;\n");
        Files.writeString(dir.resolve("cc0001_broken.sql"), "-- Revision: not an id\n-- migrate:upgrade\nSELECT 1;\n");

        Build build = mvn("process-classes");

        assertThat(build.status()).as(build.log()).isNotZero();
        assertThat(build.log()).contains("BUILD FAILURE").contains("[REVISION_MALFORMED]").contains("no index was written")
                .contains("bb0001_broken.sql:4").contains("cc0001_broken.sql:1");
        assertThat(project.resolve("target/classes/db/migrations/migrator.index")).doesNotExist();
    }
}
