package dev.migrator.safety;

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
}
