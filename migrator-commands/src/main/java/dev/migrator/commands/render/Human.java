package dev.migrator.commands.render;

import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.result.HistoryEntry;
import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigratorStatus;
import dev.migrator.Phase;
import dev.migrator.result.RevisionDetails;
import dev.migrator.result.RevisionInfo;
import dev.migrator.result.StampResult;
import dev.migrator.result.MigrationResult.StepResult;
import dev.migrator.result.ValidationResult;
import dev.migrator.result.VerifyResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The human-readable forms of the engine's results, shared by the command line and the Maven plugin. */
public final class Human {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Human() {}

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public static String duration(Duration duration) {
        long ms = duration.toMillis();
        return ms < 10_000 ? ms + " ms" : String.format("%.1f s", ms / 1000.0);
    }

    public static String rows(Set<String> rows) {
        return rows.isEmpty() ? "(base: nothing applied)" : String.join(", ", new TreeSet<>(rows));
    }

    /** {@code current}: the version rows with their messages, then the state. */
    public static List<String> current(MigratorStatus status, List<RevisionInfo> revisions, boolean verbose, String url) {
        List<String> lines = new ArrayList<>();
        if (status.current().isEmpty()) {
            lines.add("(base: nothing applied)");
        }
        for (String row : new TreeSet<>(status.current())) {
            RevisionInfo info = find(revisions, row);
            lines.add(row + (status.heads().contains(row) ? " (head)" : "") + (info == null ? "  (not defined by this code)" : "  " + info.message()));
        }
        lines.add("state: " + status.state() + (status.pending().isEmpty() ? "" : ", " + status.pending().size() + " pending"));
        if (verbose) {
            lines.add("database: " + url);
            lines.add("applied: " + status.applied() + " of the code's " + revisions.size() + " revisions");
            lines.add("heads of the code: " + String.join(", ", status.heads()));
            for (RevisionInfo pending : status.pending()) {
                lines.add("pending: " + pending.revision() + (pending.phase() == Phase.CONTRACT ? " (contract)" : "") + "  " + pending.message());
            }
        }
        return lines;
    }

    /** {@code heads}, {@code branches}, {@code pending}, {@code history}: one row per revision. */
    public static Table revisions(List<RevisionInfo> revisions, Set<String> applied) {
        Table table = applied == null ? new Table("REVISION", "REVISES", "LABELS", "PHASE", "MESSAGE")
                : new Table("REVISION", "REVISES", "LABELS", "PHASE", "APPLIED", "MESSAGE");
        for (RevisionInfo r : revisions) {
            String revises = r.revises().isEmpty() ? "(base)" : String.join(",", r.revises());
            String labels = String.join(",", new TreeSet<>(r.branchLabels()));
            String phase = r.phase().name().toLowerCase(java.util.Locale.ROOT);
            if (applied == null) {
                table.row(r.revision(), revises, labels, phase, r.message());
            } else {
                table.row(r.revision(), revises, labels, phase, applied.contains(r.revision()) ? "yes" : "no", r.message());
            }
        }
        return table;
    }

    /** {@code show}: the revision's fields, one per line. */
    public static List<String> show(RevisionInfo r, RevisionDetails details) {
        Table table = new Table("", "");
        table.row("revision", r.revision());
        table.row("message", r.message());
        table.row("revises", r.revises().isEmpty() ? "(base)" : String.join(", ", r.revises()));
        table.row("branch labels", String.join(", ", new TreeSet<>(r.branchLabels())));
        table.row("depends on", String.join(", ", r.dependsOn()));
        table.row("phase", r.phase().name().toLowerCase(java.util.Locale.ROOT));
        table.row("transactional", r.transactional());
        table.row("source", r.source());
        table.row("checksum", r.checksum() == null ? "(none: a Java revision)" : r.checksum());
        if (r.irreversible() != null) {
            table.row("irreversible", r.irreversible());
        }
        if (details != null) {
            table.row("applied", details.applied() ? "yes" + (details.appliedAt() == null ? "" : ", at " + time(details.appliedAt())) : "no");
        }
        List<String> lines = table.lines();
        return lines.subList(1, lines.size());
    }

    /** {@code log}: the executed steps, newest first. */
    public static Table log(List<HistoryEntry> entries) {
        Table table = new Table("ID", "STARTED", "DIRECTION", "REVISION", "DURATION", "RESULT", "BY", "MESSAGE");
        for (HistoryEntry e : entries) {
            table.row(e.id(), time(e.startedAt()), e.direction().label(), e.revision(), e.durationMs() + " ms",
                    e.success() ? "ok" : "FAILED", e.appliedBy(), e.success() ? e.message() : firstLine(e.error()));
        }
        return table;
    }

    /** The summary after an upgrade or downgrade (the per-revision lines were printed as they ran). */
    public static List<String> migration(MigrationResult result) {
        List<String> lines = new ArrayList<>();
        String verb = result.direction().label();
        if (result.steps().isEmpty()) {
            lines.add("Nothing to " + verb + ": the database is at " + rows(result.before()) + ".");
        } else {
            Duration total = result.steps().stream().map(StepResult::duration).reduce(Duration.ZERO, Duration::plus);
            lines.add(verb.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + verb.substring(1) + "d " + result.applied()
                    + " revision(s) in " + duration(total) + "; the database is at " + rows(result.after()) + ".");
        }
        if (!result.deferred().isEmpty()) {
            lines.add(result.deferred().size() + " contract-phase revision(s) deferred from " + result.deferred().get(0).revision()
                    + " on (set migrator.contract=apply, or --contract apply, once every instance runs the new code).");
        }
        if (!result.lockWait().isZero() && result.lockWait().toMillis() >= 1) {
            lines.add("Waited " + duration(result.lockWait()) + " for another instance's run.");
        }
        return lines;
    }

    public static List<String> stamp(StampResult result) {
        return List.of(result.before().equals(result.after())
                ? "Nothing to stamp: the version table already holds " + rows(result.after()) + "."
                : "Stamped: the version table held " + rows(result.before()) + ", now " + rows(result.after()) + ". No revision ran.");
    }

    public static List<String> validation(ValidationResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("state: " + result.state());
        lines.add("current: " + rows(result.current()));
        lines.add("checksums of applied revisions: unchanged");
        for (RevisionInfo pending : result.pending()) {
            lines.add("pending: " + pending.revision() + (pending.phase() == Phase.CONTRACT ? " (contract)" : "") + "  " + pending.message());
        }
        if (!result.unknown().isEmpty()) {
            lines.add("unknown to this code (database ahead): " + String.join(", ", new TreeSet<>(result.unknown())));
        }
        return lines;
    }

    public static List<String> checks(VerifyResult result) {
        Table table = new Table("CHECK", "STATUS", "DURATION", "DETAIL");
        for (CheckResult check : result.results()) {
            table.row(check.name(), check.status(), duration(check.duration()), check.detail());
        }
        List<String> lines = new ArrayList<>(table.lines());
        lines.add(result.passed() ? "All " + result.results().size() + " checks passed."
                : result.failed() + " of " + result.results().size() + " checks FAILED.");
        return lines;
    }

    private static RevisionInfo find(List<RevisionInfo> revisions, String id) {
        return revisions.stream().filter(r -> r.revision().equals(id)).findFirst().orElse(null);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
