package dev.migrator.commands;

import dev.migrator.ErrorCode;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.result.RevisionInfo;
import dev.migrator.result.ValidationResult;
import dev.migrator.safety.SafetyOptions;
import dev.migrator.safety.SafetyReport;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check}, the gate for continuous integration: every revision loads (headers, sections, statements), the code
 * has a single head (unless branches are allowed), no unsuppressed error-level safety finding (unless skipped), and
 * with a database configured the applied revisions' checksums match and the database is not ahead under a
 * {@code fail} policy. Every problem found is reported,
 * not only the first; the exit code (or the build failure) follows the first one's {@link ErrorCode}.
 */
public final class CiCheck {

    public record Problem(ErrorCode code, String message) {}

    /** @param passed what was checked and found fine, for the report */
    public record Report(List<String> passed, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private CiCheck() {}

    /**
     * @param safety whether to run the safety analysis: of the pending revisions with a database, of every
     *     revision without one ({@link Safety#options})
     */
    public static Report run(Workspace workspace, boolean allowBranches, boolean safety) {
        List<String> passed = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Migrator migrator;
        try {
            migrator = workspace.migrator();
        } catch (MigratorException e) {
            problems.add(new Problem(e.code(), e.getMessage()));
            return new Report(passed, problems);
        }
        List<RevisionInfo> revisions = migrator.revisions();
        if (revisions.isEmpty()) {
            problems.add(new Problem(ErrorCode.LOCATION_INVALID, "No revision found in " + workspace.config().locations()
                    + " (read as " + workspace.sources().locations() + "). Check migrator.locations, or run the check in the "
                    + "project's directory."));
            return new Report(passed, problems);
        }
        passed.add(revisions.size() + " revisions load (headers, sections, statements, graph)");
        List<RevisionInfo> heads = migrator.heads();
        if (heads.size() > 1 && !allowBranches) {
            List<String> described = new ArrayList<>();
            for (RevisionInfo head : heads) {
                described.add(head.revision() + "  " + head.message() + "  (" + head.source() + ")");
            }
            problems.add(new Problem(ErrorCode.GRAPH_INVALID, "The code has " + heads.size() + " heads:\n  "
                    + String.join("\n  ", described) + "\nTwo changes were written on the same parent. Join them with "
                    + "'migrator merge -m \"merge\"' (or rebase one onto the other with --head), or pass --allow-branches "
                    + "if the branches are meant to stay apart."));
        } else {
            passed.add(heads.size() == 1 ? "single head " + heads.get(0).revision()
                    : heads.size() + " heads (branches allowed)");
        }
        if (safety) {
            try {
                SafetyReport report = migrator.analyze("heads", Safety.options(workspace));
                if (report.hasErrors()) {
                    List<String> lines = new ArrayList<>();
                    report.errors().forEach(f -> lines.add(f.toString()));
                    problems.add(new Problem(ErrorCode.SAFETY_VIOLATION, report.errors().size() + " error-level safety "
                            + "finding(s):\n  " + String.join("\n  ", lines) + "\nRewrite the revision the safe way the "
                            + "message gives, or allow it with \"-- migrator:allow <rule>: <reason>\" (docs/safety-rules.md)."));
                } else {
                    passed.add("safety analysis of " + report.revisions().size() + " revision(s)" + (report.connected() ? "" : " (offline)")
                            + ": no error, " + report.warnings().size() + " warning(s), " + report.suppressed().size() + " suppressed");
                }
            } catch (MigratorException e) {
                problems.add(new Problem(e.code(), e.getMessage()));
            }
        }
        if (workspace.hasDatabase()) {
            try {
                ValidationResult validation = migrator.validate();
                passed.add("database " + workspace.config().displayUrl() + ": applied checksums match (state "
                        + validation.state() + ", " + validation.pending().size() + " pending)");
            } catch (MigratorException e) {
                problems.add(new Problem(e.code(), e.getMessage()));
            }
        }
        return new Report(passed, problems);
    }
}
