package dev.migrator.safety;

import java.util.Objects;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import dev.migrator.safety.Rule.Level;

import java.util.List;

/**
 * The result of {@code Migrator.analyze(target)}: the findings for the revisions an upgrade to the target
 * would apply, in plan order, and (in measured mode) what each of their statements did on a scratch database.
 *
 * @param revisions the ids of the revisions analysed, in the order an upgrade applies them
 * @param connected whether the real database was read (current state, table sizes, catalog)
 * @param serverVersion {@code server_version_num} the rules assumed (read from the server when connected; 0 when
 *     nothing was pending, so nothing was analysed)
 * @param measurements empty unless the analysis was measured
 */
public record SafetyReport(String target, List<String> revisions, List<Finding> findings,
        List<StatementMeasurement> measurements, boolean connected, int serverVersion) {

    public SafetyReport {
        revisions = List.copyOf(revisions);
        findings = List.copyOf(findings);
        measurements = List.copyOf(measurements);
    }

    /** Unsuppressed error-level findings: what {@code migrator.safety=fail} and {@code migrator lint} fail on. */
    public List<Finding> errors() {
        return findings.stream().filter(f -> !f.suppressed() && f.level() == Level.ERROR).toList();
    }

    /** Unsuppressed warning-level findings. */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.suppressed() && f.level() == Level.WARNING).toList();
    }

    /** Findings an allow comment or annotation suppressed, with its reason: reported, never dropped. */
    public List<Finding> suppressed() {
        return findings.stream().filter(Finding::suppressed).toList();
    }

    /** Unsuppressed findings of any level. */
    public List<Finding> unsuppressed() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    public boolean hasErrors() {
        return !errors().isEmpty();
    }

    /** No unsuppressed finding at all. */
    public boolean isClean() {
        return unsuppressed().isEmpty();
    }

    /** The findings of one revision. */
    public List<Finding> findingsOf(String revision) {
        return findings.stream().filter(f -> f.revision().equals(revision)).toList();
    }

    /** A summary line, then one line per finding and per measured statement. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("Safety analysis of ").append(revisions.size()).append(" revision(s) up to ").append(target)
                .append(connected ? "" : " (offline: tables from earlier revisions taken to be large)").append(": ")
                .append(errors().size()).append(" error(s), ").append(warnings().size()).append(" warning(s), ")
                .append(suppressed().size()).append(" suppressed");
        findings.forEach(f -> out.append("\n  ").append(f));
        measurements.forEach(m -> out.append("\n  ").append(m.describe()));
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }

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

        public static String count(long rows) {
            if (rows >= 1_000_000) {
                return String.format(Locale.ROOT, "%.1f M", rows / 1_000_000.0);
            }
            if (rows >= 10_000) {
                return String.format(Locale.ROOT, "%.1f k", rows / 1_000.0);
            }
            return Long.toString(rows);
        }

        public static String bytes(Long bytes) {
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

    /**
     * One rule a revision breaks, where, and what to do instead.
     *
     * @param revision the revision id
     * @param source the revision's file or class, e.g. {@code classpath:db/migrations/5b2e1d0f3c52_orders.sql}
     * @param line the 1-based line of the statement in a SQL file; 0 for a Java revision
     * @param statement the 1-based position of the statement (SQL) or operation (Java) in the upgrade; 0 when
     *     the finding is about the revision as a whole
     * @param sql the statement on one line, abbreviated (or the operation's description)
     * @param message what is unsafe here, why, and the safe alternative
     * @param suppressedBecause the reason given by {@code -- migrator:allow} or {@link AllowUnsafe}, or null
     * @param measured the verdict rests on what the measured mode observed on a scratch database
     */
    public record Finding(String revision, String source, int line, int statement, Rule rule, Level level, String sql,
            String message, String suppressedBecause, boolean measured) {

        public Finding {
            Objects.requireNonNull(revision, "revision");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(level, "level");
        }

        public boolean suppressed() {
            return suppressedBecause != null;
        }

        /** {@code file:line} for a SQL revision, {@code java:Class operation N} for a Java one. */
        public String where() {
            if (line > 0) {
                return source + ":" + line;
            }
            return statement > 0 ? source + " operation " + statement : source;
        }

        /**
         * One line for logs and terminals, e.g. {@code ERROR create-index-non-concurrently 5b2e1d0f3c52
         * (classpath:db/migrations/x.sql:12): CREATE INDEX ... - message}.
         */
        @Override
        public String toString() {
            return (suppressed() ? "SUPPRESSED " : level.name() + " ") + rule.id() + " " + revision + " (" + where() + ")"
                    + (sql == null || sql.isEmpty() ? "" : ": " + sql) + " - " + message
                    + (suppressed() ? " [allowed: " + suppressedBecause + "]" : "");
        }
    }
}
