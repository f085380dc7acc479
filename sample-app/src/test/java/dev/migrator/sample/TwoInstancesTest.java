package dev.migrator.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two copies of the sample started at the same moment as separate JVMs on one database, as two pods
 * of a rolling deploy: one migrates under the advisory lock, the other waits and finds nothing to do.
 */
@ExtendWith(FreshDatabase.class)
class TwoInstancesTest {

    @Test
    void bothStartAndEveryRevisionIsAppliedOnce(TestDatabase db, @TempDir Path logs) throws Exception {
        List<Process> processes = new ArrayList<>();
        List<CompletableFuture<Boolean>> started = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Path log = logs.resolve("instance-" + i + ".log");
                Process process = start(db, log);
                processes.add(process);
                started.add(watchForStartup(process, log));
            }
            for (int i = 0; i < 2; i++) {
                assertThat(started.get(i).get(180, TimeUnit.SECONDS))
                        .as("instance %d started; its log: %s", i, logs.resolve("instance-" + i + ".log"))
                        .isTrue();
            }
        } finally {
            processes.forEach(Process::destroy);
            for (Process p : processes) {
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }

        assertThat(db.count("SELECT count(*) FROM migrator_history WHERE direction = 'upgrade' AND success"))
                .as("one upgrade step per expand revision (11), none twice").isEqualTo(11);
        assertThat(db.count("SELECT count(*) FROM (SELECT revision FROM migrator_history WHERE direction = 'upgrade'"
                + " GROUP BY revision HAVING count(*) > 1) twice")).isZero();
        assertThat(db.queryValue("SELECT revision FROM migrator_version")).isEqualTo("a5c2b1d03f12");
    }

    private static Process start(TestDatabase db, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                SampleApplication.class.getName(),
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--server.port=0",
                "--spring.main.banner-mode=off")
                .redirectErrorStream(true)
                .start();
    }

    /**
     * Copies the process's output to {@code log} and completes with true when it says the application
     * started, false when the output ends first (the process died). Keeps draining afterwards.
     */
    private static CompletableFuture<Boolean> watchForStartup(Process process, Path log) {
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    var out = Files.newBufferedWriter(log)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.contains("Started SampleApplication")) {
                        started.complete(true);
                    }
                }
            } catch (IOException e) {
                started.completeExceptionally(e);
            }
            started.complete(false);
        }, "output-of-" + log.getFileName());
        reader.setDaemon(true);
        reader.start();
        return started;
    }
}
