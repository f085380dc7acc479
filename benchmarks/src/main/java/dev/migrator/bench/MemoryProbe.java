package dev.migrator.bench;

import dev.migrator.Migrator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * The child process of the memory case: one {@code load()} or one no-op start (load + {@code upgrade}),
 * then it prints {@code MEMORY <peak heap bytes> <retained heap bytes>} and exits 0 (an
 * {@link OutOfMemoryError} exits non-zero, which is how the launcher finds the smallest heap that works).
 * Arguments: {@code load|noop|none} ({@code none}: nothing, the JVM's own heap), {@code index|plain}, the revision directory root; the database of a no-op
 * from {@code -Dbench.child.url}, {@code -Dbench.child.user} and {@code BENCH_PASSWORD}.
 *
 * <p>Peak: the sum of the heap pools' peak usage since the JVM started, i.e. what the heap held at most,
 * garbage included, under this JVM's sizing. Retained: the heap in use after a full GC with the
 * {@link Migrator} still referenced, i.e. what the loaded revisions keep.
 */
public final class MemoryProbe {

    private MemoryProbe() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("none")) { // the JVM's own heap, the baseline of the other rows
            report(null);
            return;
        }
        boolean noop = args[0].equals("noop");
        RevisionFiles files = new RevisionFiles(Path.of(args[2]), 0);
        Path dir = args[1].equals("index") ? files.indexedDir() : files.migratorDir();
        String password = System.getenv("BENCH_PASSWORD");
        var configuration = Migrator.configure().locations("filesystem:" + dir);
        configuration.url(noop ? System.getProperty("bench.child.url") : "jdbc:postgresql://unused/none",
                System.getProperty("bench.child.user", "postgres"), password == null ? "" : password);
        Migrator migrator = configuration.load();
        if (noop && migrator.upgrade("heads").applied() != 0) {
            System.err.println("a no-op run applied revisions");
            System.exit(2);
        }
        report(migrator);
    }

    private static void report(Migrator migrator) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long retained = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.println("MEMORY " + peak + " " + retained + " " + (migrator == null ? 0 : migrator.revisions().size()));
    }
}
