package dev.migrator.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Durations of one contender in one case, in nanoseconds. */
final class Samples {

    private final List<Long> nanos = new ArrayList<>();

    void add(long value) {
        nanos.add(value);
    }

    int size() {
        return nanos.size();
    }

    boolean isEmpty() {
        return nanos.isEmpty();
    }

    long get(int i) {
        return nanos.get(i);
    }

    /** Nearest-rank percentile (p in 0..100); the median is the 50th. */
    long percentile(double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    long median() {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    long min() {
        return Collections.min(nanos);
    }

    long max() {
        return Collections.max(nanos);
    }

    static String ms(long nanos) {
        double ms = nanos / 1e6;
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    /** Median of the per-round differences {@code this[i] - baseline[i]}, in nanoseconds. */
    long pairedDifference(Samples baseline) {
        Samples differences = new Samples();
        for (int i = 0; i < Math.min(size(), baseline.size()); i++) {
            differences.add(get(i) - baseline.get(i));
        }
        return differences.median();
    }

    /** Median of the per-round ratios {@code this[i] / baseline[i]}: robust to load drifting between rounds. */
    double pairedRatio(Samples baseline) {
        Samples ratios = new Samples();
        for (int i = 0; i < Math.min(size(), baseline.size()); i++) {
            ratios.add(Math.round(1e6 * get(i) / (double) baseline.get(i)));
        }
        return ratios.median() / 1e6;
    }
}
