package dev.migrator.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The child process of the fresh-process case: one contender's no-op run, then exit. Arguments: contender
 * name (or {@link #JVM_ONLY}), revision directory root, revision count; the database comes from
 * {@code -Dbench.child.url}, {@code -Dbench.child.user} and the environment variable {@code BENCH_PASSWORD}. With
 * {@code -Dbench.child.cpu=true} it prints its CPU time in nanoseconds as its last line.
 */
public final class NoOpProcess {

    /** Measures the JVM alone: the same command, a main that returns at once. */
    static final String JVM_ONLY = "JVM only";

    private NoOpProcess() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals(JVM_ONLY)) {
            return;
        }
        String password = System.getenv("BENCH_PASSWORD");
        Db db = new Db("child", System.getProperty("bench.child.url"), System.getProperty("bench.child.user"),
                password == null ? "" : password);
        RevisionFiles files = new RevisionFiles(Path.of(args[1]), Integer.parseInt(args[2]));
        Contender.Run run = Contender.named(args[0]).upgrade(db, files);
        if (run.applied() != 0) {
            System.err.println(args[0] + " applied " + run.applied() + " revisions in a no-op run");
            System.exit(2);
        }
        if (Boolean.getBoolean("bench.child.cpu")) {
            // The process's CPU time (all threads: JIT and GC included) so far, for the parent: on a shared machine it
            // moves with other processes' load much less than wall time does.
            Optional<Duration> cpu = ProcessHandle.current().info().totalCpuDuration();
            System.out.println(cpu.isPresent() ? cpu.get().toNanos() : -1);
        }
    }
}
