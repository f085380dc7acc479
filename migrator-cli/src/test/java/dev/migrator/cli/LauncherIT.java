package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.ErrorCode;
import dev.migrator.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user gets it: {@code target/migrator} (the launcher script) running {@code target/migrator.jar}
 * in a real process, against the embedded PostgreSQL, with output and exit status read from the process.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("target/migrator").toAbsolutePath();

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {}

    private Result run(TestDatabase db, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(LAUNCHER.toString());
        builder.command().addAll(List.of(args));
        builder.directory(dir.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("MIGRATOR_URL", db.url());
        builder.environment().put("MIGRATOR_USER", db.user());
        builder.environment().put("MIGRATOR_PASSWORD", db.password());
        builder.redirectOutput(dir.resolve("out.txt").toFile());
        builder.redirectError(dir.resolve("err.txt").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command ends").isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void theLauncherRunsTheCommandsAndExitsWithTheirStatus() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
            Result init = run(db, "init");
            assertThat(init.status()).as(init.err()).isZero();
            Path migrations = dir.resolve("src/main/resources/db/migrations");
            Files.writeString(migrations.resolve("c0ffee000001_create_notes.sql"), """
                    -- Revision: c0ffee000001
                    -- Message: create notes

                    -- migrate:upgrade
                    CREATE TABLE notes (id bigint PRIMARY KEY, body text);

                    -- migrate:downgrade
                    DROP TABLE notes;
                    """);

            Result version = run(db, "--version");
            Result upgrade = run(db, "upgrade");
            Result current = run(db, "current");
            Result badTarget = run(db, "downgrade", "nosuch");

            assertThat(version.out()).startsWith("migrator 0.1.0-SNAPSHOT");
            assertThat(upgrade.status()).as(upgrade.err()).isZero();
            assertThat(upgrade.out()).containsPattern("upgrade\\s+c0ffee000001  create notes  \\(\\d+ ms\\)");
            assertThat(current.out()).startsWith("c0ffee000001 (head)  create notes").contains("state: UP_TO_DATE");
            assertThat(db.tableExists("notes")).isTrue();
            assertThat(badTarget.status()).isEqualTo(ExitCodes.of(ErrorCode.TARGET_INVALID));
            assertThat(badTarget.err()).startsWith("error [TARGET_INVALID]:").doesNotContain("\tat ");
        }
    }
}
