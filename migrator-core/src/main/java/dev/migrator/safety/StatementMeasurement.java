package dev.migrator.safety;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one statement (or Java operation) of a pending revision did on the scratch database, and what
 * that means on the real one.
 *
 * @param statement the 1-based position of the statement or operation in the revision's upgrade
 * @param sql the statement on one line, abbreviated
 * @param locks the relation locks the statement acquired (diffed against what its transaction already
 *     held), strongest first
 * @param locksObserved false when the statement had to run outside a transaction and no lock could be
 *     observed (locks is then empty)
 * @param rewritten the relations whose storage the statement replaced (their {@code relfilenode} changed)
 * @param duration how long it ran on the scratch database (whose tables are empty); null when not timed
 */
public record StatementMeasurement(String revision, String source, int line, int statement, String sql,
        List<RelationLock> locks, boolean locksObserved, List<String> rewritten, Duration duration) {

    public StatementMeasurement {
        locks = List.copyOf(locks);
        rewritten = List.copyOf(rewritten);
    }

    /**
     * A lock on one relation.
     *
     * @param mode the strongest mode acquired, as PostgreSQL's documentation names it ({@code ACCESS EXCLUSIVE})
     * @param created the relation did not exist before the statement
     * @param alreadyHeld an earlier statement of the same transaction took the lock (the statement rewrote the
     *     relation under it)
     * @param rows the real database's row estimate ({@code reltuples}), or null when the real database does
     *     not have the relation
     * @param bytes the real database's {@code pg_total_relation_size}, or null likewise
     */
    public record RelationLock(String relation, String kind, String mode, boolean created, boolean alreadyHeld, Long rows,
            Long bytes) {}

    /** Whether the statement replaced the storage of {@code relation}. */
    public boolean rewrote(String relation) {
        return rewritten.contains(relation);
    }

    /** The strongest lock mode acquired on {@code relation}, or null. */
    public String lockOn(String relation) {
        return locks.stream().filter(l -> l.relation().equals(relation)).map(RelationLock::mode).findFirst().orElse(null);
    }

    /** Where: {@code file:line}, or the Java class and operation number. */
    public String where() {
        return line > 0 ? source + ":" + line : source + " operation " + statement;
    }

    /**
     * E.g. {@code 5b2e1d0f3c52 statement 2 (db/x.sql:7): ACCESS EXCLUSIVE on orders — 12.3 M rows, 2.1 GB —
     * table rewritten}.
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (RelationLock lock : locks) {
            StringBuilder part = new StringBuilder(lock.mode()).append(" on ").append(lock.relation());
            if (lock.created()) {
                part.append(" (created by this statement)");
            } else if (lock.alreadyHeld()) {
                part.append(" (held since an earlier statement of the transaction)");
            }
            if (!lock.created() && lock.rows() != null) {
                part.append(" — ").append(count(lock.rows())).append(" rows, ").append(bytes(lock.bytes()));
            }
            if (rewritten.contains(lock.relation())) {
                part.append(" — ").append(lock.kind()).append(" rewritten");
            }
            parts.add(part.toString());
        }
        for (String relation : rewritten) {
            if (locks.stream().noneMatch(l -> l.relation().equals(relation))) {
                parts.add(relation + " rewritten");
            }
        }
        String what = parts.isEmpty() ? (locksObserved ? "no relation lock" : "locks not observable (ran outside a transaction)")
                : String.join("; ", parts);
        String at = line > 0 ? "statement " + statement + " (" + source + ":" + line + ")"
                : "operation " + statement + " (" + source + ")";
        return revision + " " + at + ": " + what
                + (duration == null ? "" : " (" + duration.toMillis() + " ms on the scratch database)");
    }

    static String count(long rows) {
        if (rows >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f M", rows / 1_000_000.0);
        }
        if (rows >= 10_000) {
            return String.format(Locale.ROOT, "%.1f k", rows / 1_000.0);
        }
        return Long.toString(rows);
    }

    static String bytes(Long bytes) {
        if (bytes == null) {
            return "size unknown";
        }
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
