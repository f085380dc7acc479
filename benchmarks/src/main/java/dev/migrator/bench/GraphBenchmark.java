package dev.migrator.bench;

import dev.migrator.internal.revision.RevisionGraph;
import dev.migrator.internal.revision.RevisionNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Planning on large graphs, no database: building the graph and the plans every command makes
 * (upgrade, downgrade, stamp, relative and labelled targets), warm, minimum and median of many runs. Only the
 * public {@link RevisionGraph} API, so the same main runs against an older build of
 * {@code migrator-core} to compare (see benchmarks/README.md).
 *
 * <p>Graphs: a linear history of {@code bench.graph.revisions} (10,000) revisions, and as many
 * revisions as 100 labelled branches off one base, joined by one merge.
 */
public final class GraphBenchmark {

    private static volatile Object sink;

    private GraphBenchmark() {}

    public static void main(String[] args) {
        int n = Integer.getInteger("bench.graph.revisions", 10_000);
        int warmup = Integer.getInteger("bench.graph.warmup", 10);
        int runs = Integer.getInteger("bench.graph.runs", 30);

        List<RevisionNode> linear = linear(n);
        RevisionGraph line = RevisionGraph.of(linear);
        String head = id(n);
        System.out.printf(Locale.ROOT, "linear history, %,d revisions (warm, %d runs after %d)%n", n, runs, warmup);
        measure("build the graph", warmup, runs, () -> RevisionGraph.of(linear));
        measure("upgrade base -> heads", warmup, runs, () -> line.upgrade(Set.of(), "heads"));
        measure("upgrade heads -> heads (no-op)", warmup, runs, () -> line.upgrade(Set.of(head), "heads"));
        measure("downgrade heads -> base", warmup, runs, () -> line.downgrade(Set.of(head), "base"));
        measure("downgrade -3", warmup, runs, () -> line.downgrade(Set.of(head), "-3"));
        measure("upgrade +3 from the middle", warmup, runs, () -> line.upgrade(Set.of(id(n / 2)), "+3"));
        measure("stamp heads from base", warmup, runs, () -> line.stamp(Set.of(), "heads"));

        int branches = 100;
        int length = Math.max(1, (n - 2) / branches);
        List<RevisionNode> forked = branched(branches, length);
        RevisionGraph fork = RevisionGraph.of(forked);
        Set<String> tips = tips(branches, length);
        System.out.printf(Locale.ROOT, "%d labelled branches of %d revisions, one merge (%,d revisions)%n", branches, length,
                forked.size());
        measure("build the graph", warmup, runs, () -> RevisionGraph.of(forked));
        measure("upgrade base -> heads", warmup, runs, () -> fork.upgrade(Set.of(), "heads"));
        measure("upgrade base -> b050@head", warmup, runs, () -> fork.upgrade(Set.of(), "b050@head"));
        measure("downgrade merge -> base", warmup, runs, () -> fork.downgrade(Set.of("merge"), "base"));
        measure("downgrade tips -> b050@base", warmup, runs, () -> fork.downgrade(tips, "b050@base"));
        measure("downgrade tips -> b050@-3", warmup, runs, () -> fork.downgrade(tips, "b050@-3"));
        measure("stamp tips -> b050@" + branchId(50, 1), warmup, runs, () -> fork.stamp(tips, "b050@" + branchId(50, 1)));
    }

    private static void measure(String what, int warmup, int runs, Supplier<Object> work) {
        for (int i = 0; i < warmup; i++) {
            sink = work.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink = work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        // On a shared machine the minimum is the steadiest figure: other processes only ever add time.
        System.out.printf(Locale.ROOT, "  %-34s min %7.3f ms  median %8.3f ms%n", what, ms[0], ms[runs / 2]);
    }

    private static String id(int i) {
        return String.format(Locale.ROOT, "r%05d", i);
    }

    private static List<RevisionNode> linear(int n) {
        List<RevisionNode> nodes = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            nodes.add(new RevisionNode(id(i), i == 1 ? List.of() : List.of(id(i - 1)), List.of(), Set.of(), id(i)));
        }
        Collections.shuffle(nodes, new Random(42));
        return nodes;
    }

    private static String branchId(int branch, int step) {
        return String.format(Locale.ROOT, "b%03d_%04d", branch, step);
    }

    private static List<RevisionNode> branched(int branches, int length) {
        List<RevisionNode> nodes = new ArrayList<>();
        nodes.add(new RevisionNode("base0", List.of(), List.of(), Set.of(), "base0"));
        List<String> tips = new ArrayList<>();
        for (int b = 1; b <= branches; b++) {
            for (int s = 1; s <= length; s++) {
                String parent = s == 1 ? "base0" : branchId(b, s - 1);
                Set<String> labels = s == 1 ? Set.of(String.format(Locale.ROOT, "b%03d", b)) : Set.of();
                nodes.add(new RevisionNode(branchId(b, s), List.of(parent), List.of(), labels, branchId(b, s)));
            }
            tips.add(branchId(b, length));
        }
        nodes.add(new RevisionNode("merge", tips, List.of(), Set.of(), "merge"));
        Collections.shuffle(nodes, new Random(42));
        return nodes;
    }

    private static Set<String> tips(int branches, int length) {
        List<String> tips = new ArrayList<>();
        for (int b = 1; b <= branches; b++) {
            tips.add(branchId(b, length));
        }
        return Set.copyOf(tips);
    }
}
