package dev.migrator.autoconfigure;

import dev.migrator.ErrorCode;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.safety.SafetyReport.Finding;
import dev.migrator.safety.SafetyReport;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code migrator.safety}: the safety analysis of what the startup upgrade is about to apply, before it applies
 * it ({@code Migrator.analyze} analyses the upgrade's own plan, so what {@code migrator.contract=defer} holds
 * back is left out: it does not run now).
 */
final class StartupSafety {

    private static final Logger log = LoggerFactory.getLogger(StartupSafety.class);

    private final SafetyMode mode;

    StartupSafety(SafetyMode mode) {
        this.mode = mode;
    }

    void check(Migrator migrator, String target) {
        if (mode == SafetyMode.OFF) {
            return;
        }
        SafetyReport report;
        try {
            report = migrator.analyze(target);
        } catch (MigratorException e) {
            if (mode == SafetyMode.FAIL) {
                throw e;
            }
            // advisory under warn: the upgrade itself reports what is wrong with the revisions or the database
            log.warn("Migration safety: the analysis failed ({}); migrating anyway (migrator.safety=warn): {}", e.code(),
                    e.getMessage());
            return;
        }
        List<Finding> findings = report.findings();
        findings.stream().filter(Finding::suppressed).forEach(f -> log.info("Migration safety: {}", f));
        findings.stream().filter(f -> !f.suppressed()).forEach(f -> log.warn("Migration safety: {}", f));
        List<Finding> errors = findings.stream().filter(f -> !f.suppressed() && f.level() == dev.migrator.safety.Rule.Level.ERROR)
                .toList();
        if (mode == SafetyMode.FAIL && !errors.isEmpty()) {
            throw new MigratorException(ErrorCode.SAFETY_VIOLATION, "migrator.safety=fail: " + errors.size()
                    + " error-level safety finding(s) in the revisions to apply, so nothing was migrated:\n  "
                    + errors.stream().map(Finding::toString).collect(Collectors.joining("\n  "))
                    + "\nApply the safe alternative each message gives (docs/safety-rules.md), or, once reviewed, allow one "
                    + "with a comment \"-- migrator:allow <rule>: <reason>\" above the statement (@AllowUnsafe on a Java "
                    + "revision); migrator.safety=warn only logs them.");
        }
    }
}
