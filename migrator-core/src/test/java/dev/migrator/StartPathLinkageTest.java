package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.internal.source.index.RevisionIndexWriter;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule of {@code docs/architecture.md}: the code every start runs joins strings with
 * {@code internal.support.Concat}, not {@code +}, because each {@code +} call site costs a fresh process a
 * {@code StringConcatFactory} bootstrap the first time it runs (docs/benchmarks.md). A no-op start with a
 * revision index runs in a fresh JVM with the JDK's linkage trace, and no call site of Migrator's may link
 * a string concatenation.
 */
@ExtendWith(FreshDatabase.class)
class StartPathLinkageTest {

    @Test
    void aNoOpStartLinksNoStringConcatenationOfMigrators(TestDatabase db, @TempDir Path dir) throws Exception {
        for (int n = 1; n <= 3; n++) {
            Files.writeString(dir.resolve(String.format("%012x_t%d.sql", n, n)), "-- Revision: " + String.format("%012x", n)
                    + "\n" + (n > 1 ? "-- Revises: " + String.format("%012x", n - 1) + "\n" : "") + "-- Message: t" + n
                    + "\n\n-- migrate:upgrade\nCREATE TABLE t" + n + " (id bigint PRIMARY KEY);\n\n-- migrate:downgrade\n"
                    + "DROP TABLE t" + n + ";\n", StandardCharsets.UTF_8);
        }
        String location = "filesystem:" + dir;
        RevisionIndexWriter.write(dir, location);
        assertThat(Migrator.configure().url(db.url(), db.user(), db.password()).locations(location).load()
                .upgrade("heads").applied()).isEqualTo(3);

        Path output = dir.resolve("child-output.txt");
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true", "-cp", System.getProperty("java.class.path"),
                NoOpStartProcess.class.getName(), db.url(), db.user(), location)
                .redirectErrorStream(true).redirectOutput(output.toFile());
        child.environment().put("MIGRATOR_TEST_PASSWORD", db.password());
        Process process = child.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the no-op start did not end within 60 s");
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit status; output:%n%s", String.join("\n", lines)).isZero();
        assertThat(lines).as("the child ran a no-op start").contains("applied 0");
        assertThat(lines).as("the linkage trace is on").anyMatch(line -> line.startsWith("linkCallSite "));
        List<String> concatenations = lines.stream()
                .filter(line -> line.startsWith("linkCallSite dev.migrator.") && line.contains("StringConcatFactory"))
                .toList();
        assertThat(concatenations).as("string concatenations linked by Migrator's code on a no-op start: use "
                + "internal.support.Concat.of there").isEmpty();
    }
}
