package dev.migrator.bench;

import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How a no-op start grows with the number of revisions (issue 17, items 1 and 4): for 1,000, 5,000 and
 * 10,000 revisions, raw JDBC, Migrator and Migrator with its build-time revision index, interleaved.
 *
 * <ul>
 * <li>{@code warm}: load (configure + load: files or index, graph) and {@code upgrade("heads")} (state read,
 * checksums, plan, nothing to run) in this warm JVM, per size;</li>
 * <li>{@code process}: the same no-op as a fresh process ({@link NoOpProcess}), per size;</li>
 * <li>{@code memory}: per size, Migrator with and without index, {@code load()} alone and a no-op start in
 * a fresh JVM ({@link MemoryProbe}): the peak heap it needs (the smallest {@code -Xmx} with which it
 * completes, binary search in 1 MB steps) and the heap retained afterwards.</li>
 * </ul>
 */
public final class ScaleBenchmark {

    private final List<Integer> sizes = parseSizes(System.getProperty("bench.sizes", "1000,5000,10000"));
    private final int warmIterations = Integer.getInteger("bench.warmIterations", 30);
    private final int warmWarmup = Integer.getInteger("bench.warmWarmup", 60);
    private final int processRuns = Integer.getInteger("bench.processRuns", 7);
    private final Set<String> cases = Set.of(System.getProperty("bench.cases", "warm,process,memory").split(","));
    private final Path out = Path.of(System.getProperty("bench.out", "benchmarks/target/scale-benchmark.md"));
    private final List<String> contenders = List.of(RawJdbc.NAME, MigratorContender.NAME, MigratorContender.INDEXED_NAME);
    private final Report report = new Report();

    public static void main(String[] args) throws Exception {
        new ScaleBenchmark().run();
    }

    private static List<Integer> parseSizes(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",")) {
            sizes.add(Integer.parseInt(part.trim()));
        }
        return sizes;
    }

    private void run() throws Exception {
        Path root = Files.createTempDirectory("migrator-bench-scale");
        try (BenchServer server = BenchServer.start()) {
            report.line("## Scale: no-op start at " + sizes + " revisions");
            report.line("");
            Machine.describe(report);
            report.line("- server: " + server.version() + " — " + server.kind());
            report.line("- revisions: generated as in the engine benchmark (`CREATE TABLE` + `CREATE INDEX` each), all applied");
            report.line("");
            Map<Integer, RevisionFiles> files = new LinkedHashMap<>();
            Map<Integer, Map<String, Db>> dbs = new LinkedHashMap<>();
            for (int size : sizes) {
                RevisionFiles f = RevisionFiles.generate(root.resolve("n" + size), size);
                files.put(size, f);
                if (cases.contains("warm") || cases.contains("process") || cases.contains("memory")) {
                    dbs.put(size, prepare(server, f, size));
                }
            }
            if (cases.contains("warm")) {
                warm(files, dbs);
            }
            if (cases.contains("process")) {
                process(files, dbs);
            }
            if (cases.contains("memory")) {
                memory(files, dbs);
            }
            report.line("- load average at end: " + Machine.load());
        }
        report.write(out);
    }

    /** Raw JDBC in its own database; both Migrator contenders share one (same files, same tables). */
    private Map<String, Db> prepare(BenchServer server, RevisionFiles files, int size) throws Exception {
        Map<String, Db> map = new LinkedHashMap<>();
        Db raw = server.createDatabase("scale_raw_" + size);
        EngineBenchmark.expect(Contender.named(RawJdbc.NAME).upgrade(raw, files).applied() == size, "raw applied all");
        Db migrator = server.createDatabase("scale_migrator_" + size);
        EngineBenchmark.expect(Contender.named(MigratorContender.INDEXED_NAME).upgrade(migrator, files).applied() == size,
                "Migrator applied all");
        map.put(RawJdbc.NAME, raw);
        map.put(MigratorContender.NAME, migrator);
        map.put(MigratorContender.INDEXED_NAME, migrator);
        System.out.println("prepared " + size + " revisions");
        return map;
    }

    private void warm(Map<Integer, RevisionFiles> files, Map<Integer, Map<String, Db>> dbs) throws Exception {
        report.line("### Warm no-op per size (" + warmIterations + " measured after " + warmWarmup + " per contender and size)");
        report.line("");
        List<List<String>> rows = new ArrayList<>();
        Map<String, Double> perRevisionAtFirst = new LinkedHashMap<>();
        for (int size : sizes) {
            Map<String, Samples> total = new LinkedHashMap<>();
            Map<String, Samples> load = new LinkedHashMap<>();
            contenders.forEach(c -> {
                total.put(c, new Samples());
                load.put(c, new Samples());
            });
            for (int i = -warmWarmup; i < warmIterations; i++) {
                for (String name : rotated(contenders, i)) {
                    long start = System.nanoTime();
                    Contender.Run run = Contender.named(name).upgrade(dbs.get(size).get(name), files.get(size));
                    long elapsed = System.nanoTime() - start;
                    EngineBenchmark.expect(run.applied() == 0, name + " applied " + run.applied());
                    if (i >= 0) {
                        total.get(name).add(elapsed);
                        load.get(name).add(run.loadNanos());
                    }
                }
            }
            Samples raw = total.get(RawJdbc.NAME);
            for (String name : contenders) {
                Samples t = total.get(name);
                double perRevision = t.median() / 1000.0 / size;
                perRevisionAtFirst.putIfAbsent(name, perRevision);
                rows.add(List.of(String.format(Locale.ROOT, "%,d", size), name, Samples.ms(t.median()),
                        Samples.ms(load.get(name).median()), Samples.ms(t.median() - load.get(name).median()),
                        String.format(Locale.ROOT, "%.2f µs", perRevision),
                        String.format(Locale.ROOT, "%.2f", perRevision / perRevisionAtFirst.get(name)),
                        Samples.ratio(t.pairedRatio(raw))));
            }
        }
        report.table(List.of("revisions", "contender", "total median ms", "load ms", "upgrade (state, checksums, plan) ms",
                "per revision", "per revision ÷ at " + String.format(Locale.ROOT, "%,d", sizes.get(0)) + " (1.00 = linear)",
                "÷ raw (per-iteration)"), rows);
    }

    private void process(Map<Integer, RevisionFiles> files, Map<Integer, Map<String, Db>> dbs) throws Exception {
        report.line("### Fresh-process no-op per size (" + processRuns + " processes per contender and size, after one unmeasured round)");
        report.line("");
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        List<List<String>> rows = new ArrayList<>();
        for (int size : sizes) {
            Map<String, Samples> samples = new LinkedHashMap<>();
            contenders.forEach(c -> samples.put(c, new Samples()));
            for (int round = -1; round < processRuns; round++) {
                for (String name : rotated(contenders, round)) {
                    Db db = dbs.get(size).get(name);
                    ProcessBuilder pb = new ProcessBuilder(java, "-cp", classpath, "-Dbench.child.url=" + db.url(),
                            "-Dbench.child.user=" + db.user(), NoOpProcess.class.getName(), name,
                            files.get(size).root().toString(), Integer.toString(size))
                            .redirectOutput(Redirect.DISCARD).redirectError(Redirect.INHERIT);
                    pb.environment().put("BENCH_PASSWORD", db.password());
                    long start = System.nanoTime();
                    int exit = pb.start().waitFor();
                    long elapsed = System.nanoTime() - start;
                    EngineBenchmark.expect(exit == 0, name + " exited with " + exit);
                    if (round >= 0) {
                        samples.get(name).add(elapsed);
                    }
                }
            }
            Samples raw = samples.get(RawJdbc.NAME);
            for (String name : contenders) {
                Samples s = samples.get(name);
                rows.add(List.of(String.format(Locale.ROOT, "%,d", size), name, Samples.ms(s.median()), Samples.ms(s.min()),
                        Samples.ratio(s.median() / (double) raw.median()), Samples.ratio(s.pairedRatio(raw))));
            }
        }
        report.table(List.of("revisions", "contender", "median ms", "min ms", "÷ raw (medians)", "÷ raw (per-round)"), rows);
    }

    private void memory(Map<Integer, RevisionFiles> files, Map<Integer, Map<String, Db>> dbs) throws Exception {
        report.line("### Memory: `load()` and a no-op start in a fresh JVM");
        report.line("");
        report.line("Peak heap: the least maximum heap (-Xmx, binary search in 1 MB steps) with which the run "
                + "completes within " + PROBE_LIMIT_SECONDS + " s, i.e. the most the run needs live at once (a larger "
                + "heap only lets garbage accumulate; G1's pool statistics, updated at collections, do not measure "
                + "it). Retained: heap in use after a full GC at the end, the Migrator still referenced. Both include "
                + "the JVM's own heap, the first row.");
        report.line("");
        List<List<String>> rows = new ArrayList<>();
        Db anyDb = dbs.get(sizes.get(0)).get(MigratorContender.NAME);
        long[] jvm = probe("none", "plain", files.get(sizes.get(0)), anyDb, null);
        rows.add(List.of("—", "the JVM alone (baseline)", "—",
                smallestHeap("none", "plain", files.get(sizes.get(0)), anyDb) + " MB", mb(jvm[1])));
        for (int size : sizes) {
            for (String what : List.of("load", "noop")) {
                for (String variant : List.of("index", "plain")) {
                    Db db = dbs.get(size).get(MigratorContender.NAME);
                    long[] defaults = probe(what, variant, files.get(size), db, null);
                    int low = smallestHeap(what, variant, files.get(size), db);
                    rows.add(List.of(String.format(Locale.ROOT, "%,d", size),
                            what.equals("load") ? "`load()`" : "no-op start (load + upgrade)",
                            variant.equals("index") ? "index" : "no index", low + " MB", mb(defaults[1])));
                    System.out.println("memory " + size + " " + what + " " + variant + " done");
                }
            }
        }
        report.table(List.of("revisions", "run", "Migrator", "peak heap (smallest -Xmx that completes)",
                "retained after"), rows);
    }

    /** The smallest {@code -Xmx}, in MB, with which the probe completes. */
    private static int smallestHeap(String what, String variant, RevisionFiles files, Db db) throws Exception {
        int low = 2;
        int high = 1024;
        while (low < high) {
            int mid = (low + high) / 2;
            if (probe(what, variant, files, db, mid) != null) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** Runs {@link MemoryProbe}; {@code {peak, retained}}, or null when it failed (with {@code -Xmx} given). */
    private static long[] probe(String what, String variant, RevisionFiles files, Db db, Integer maxHeapMb) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        if (maxHeapMb != null) {
            command.add("-Xmx" + maxHeapMb + "m");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dbench.child.url=" + db.url(),
                "-Dbench.child.user=" + db.user(), MemoryProbe.class.getName(), what, variant, files.root().toString()));
        Path output = Files.createTempFile("memory-probe", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("BENCH_PASSWORD", db.password());
        Process process = pb.start();
        // Just above the smallest heap that works the collector can thrash for minutes: past the limit a
        // run counts as failed, as an application that slow would.
        boolean finished = process.waitFor(PROBE_LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String result = null;
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            if (line.startsWith("MEMORY ")) {
                result = line;
            }
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        if (!finished || process.exitValue() != 0 || result == null) {
            if (maxHeapMb == null) {
                throw new IllegalStateException("memory probe failed (" + (finished ? "exit " + process.exitValue()
                        : "over " + PROBE_LIMIT_SECONDS + " s") + "):\n" + text);
            }
            return null;
        }
        String[] parts = result.split(" ");
        return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }

    /** How long one memory probe may take before it counts as failed. */
    private static final int PROBE_LIMIT_SECONDS = 60;

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static <T> List<T> rotated(List<T> items, int round) {
        List<T> order = new ArrayList<>(items);
        java.util.Collections.rotate(order, -Math.floorMod(round, items.size()));
        return order;
    }
}
