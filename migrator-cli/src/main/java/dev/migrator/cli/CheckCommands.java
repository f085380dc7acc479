package dev.migrator.cli;

import dev.migrator.ErrorCode;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.MigratorException;
import dev.migrator.result.ValidationResult;
import dev.migrator.result.VerifyResult;
import dev.migrator.commands.CiCheck;
import dev.migrator.commands.Safety;
import dev.migrator.safety.SafetyReport.Finding;
import dev.migrator.safety.SafetyOptions;
import dev.migrator.safety.SafetyReport;
import dev.migrator.commands.Workspace;
import dev.migrator.commands.render.Human;
import dev.migrator.commands.render.Printer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The commands that judge: {@code validate}, {@code verify}, {@code check}, {@code lint}, and {@code accept-checksum}. */
final class CheckCommands {

    private CheckCommands() {}

    @Command(name = "validate", description = "Compare the code with the database: fails on an edited applied revision, "
            + "and on pending revisions (exit 10) unless they are deferred contract ones.")
    static final class Validate extends BaseCommand implements Callable<Integer> {
        @Option(names = "--allow-pending", description = "pending revisions are not a failure")
        boolean allowPending;

        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                ValidationResult result = workspace.migratorWithDatabase("validate").validate();
                if (json()) {
                    root().printJson(Json.validation(result));
                } else {
                    Human.validation(result).forEach(root().printer()::line);
                }
                boolean pending = result.state() == MigrationState.PENDING || result.state() == MigrationState.NOT_INITIALIZED
                        && !result.pending().isEmpty();
                if (pending && !allowPending) {
                    throw new MigratorException(ErrorCode.PENDING_REVISIONS, result.pending().size() + " revision(s) pending, "
                            + "from " + result.pending().get(0).revision() + ": run 'migrator upgrade' (or pass --allow-pending).");
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "verify", description = "Run the post-deploy checks: version table, checksums, INVALID indexes, "
            + "schema drift, every applied revision's verify query. Exit 1 when one fails.")
    static final class Verify extends BaseCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                VerifyResult result = workspace.migratorWithDatabase("verify").check(List.of());
                if (json()) {
                    root().printJson(Json.checks(result));
                } else {
                    Human.checks(result).forEach(root().printer()::line);
                }
                return result.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
            }
        }
    }

    @Command(name = "check", description = "The CI gate: every revision loads, statements split, a single head "
            + "(unless --allow-branches), and with a database the applied checksums match.")
    static final class Check extends BaseCommand implements Callable<Integer> {
        @Option(names = "--allow-branches", description = "several heads are not a failure")
        boolean allowBranches;

        @Option(names = "--skip-safety", description = "leave out the safety analysis (e.g. for a history written before it)")
        boolean skipSafety;

        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                CiCheck.Report report = CiCheck.run(workspace, allowBranches, !skipSafety);
                if (json()) {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("ok", report.ok());
                    map.put("passed", report.passed());
                    List<Map<String, Object>> problems = new ArrayList<>();
                    for (CiCheck.Problem problem : report.problems()) {
                        problems.add(Map.of("code", problem.code().name(), "exitCode", ExitCodes.of(problem.code()),
                                "message", problem.message()));
                    }
                    map.put("problems", problems);
                    root().printJson(map);
                } else {
                    Printer printer = root().printer();
                    report.passed().forEach(line -> printer.line("ok       " + line));
                    for (CiCheck.Problem problem : report.problems()) {
                        root().context.err().println("FAILED   [" + problem.code() + "] " + problem.message());
                    }
                    root().context.err().flush();
                    printer.line(report.ok() ? "check passed" : "check FAILED: " + report.problems().size() + " problem(s)");
                }
                return report.ok() ? ExitCodes.OK : ExitCodes.of(report.problems().get(0).code());
            }
        }
    }

    @Command(name = "lint", description = "The safety analysis of what an upgrade to TARGET (default heads) would apply: "
            + "pending revisions with a database, every revision offline. Exit 21 on an unsuppressed error-level finding.")
    static final class Lint extends BaseCommand implements Callable<Integer> {
        @picocli.CommandLine.Parameters(paramLabel = "TARGET", arity = "0..1", defaultValue = "heads")
        String target;

        @Option(names = "--offline", description = "read no database even when one is configured")
        boolean offline;

        @Option(names = "--measured", description = "also apply the pending revisions on a scratch database and record "
                + "each statement's locks and rewrites (needs a user that may create databases)")
        boolean measured;

        @Option(names = "--small-table-rows", paramLabel = "N", description = "tables with at most N rows are small (default 10000)")
        Long smallTableRows;

        @Option(names = "--server-version", paramLabel = "NUM", description = "the server_version_num the rules assume, e.g. 140000")
        Integer serverVersion;

        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                SafetyOptions options = offline ? SafetyOptions.offline() : Safety.options(workspace);
                if (measured) {
                    options = options.measured();
                }
                if (smallTableRows != null) {
                    options = options.smallTableRows(smallTableRows);
                }
                if (serverVersion != null) {
                    options = options.serverVersion(serverVersion);
                }
                SafetyReport report = workspace.migrator().analyze(target, options);
                if (json()) {
                    root().printJson(json(report));
                } else {
                    report.format().lines().forEach(root().printer()::line);
                }
                return report.hasErrors() ? ExitCodes.of(ErrorCode.SAFETY_VIOLATION) : ExitCodes.OK;
            }
        }

        private static Map<String, Object> json(SafetyReport report) {
            List<Map<String, Object>> findings = new ArrayList<>();
            for (Finding f : report.findings()) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("revision", f.revision());
                map.put("rule", f.rule().id());
                map.put("level", f.level().label());
                map.put("where", f.where());
                map.put("source", f.source());
                map.put("line", f.line());
                map.put("statement", f.statement());
                map.put("sql", f.sql());
                map.put("message", f.message());
                map.put("suppressed", f.suppressed());
                map.put("suppressedBecause", f.suppressedBecause());
                map.put("measured", f.measured());
                findings.add(map);
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("target", report.target());
            map.put("revisions", report.revisions());
            map.put("connected", report.connected());
            map.put("serverVersion", report.serverVersion());
            map.put("errors", report.errors().size());
            map.put("warnings", report.warnings().size());
            map.put("suppressed", report.suppressed().size());
            map.put("findings", findings);
            return map;
        }
    }

    @Command(name = "accept-checksum", description = "Record that an applied revision's file was edited on purpose "
            + "(an audited history row with the reason); runs and checks compare with the new checksum from then on.")
    static final class AcceptChecksum extends BaseCommand implements Callable<Integer> {
        @picocli.CommandLine.Parameters(paramLabel = "ID|all", description = "a revision id or prefix, or all for every edited applied revision")
        String revision;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why the edit is safe (recorded in the history table)")
        String reason;

        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                List<dev.migrator.result.AcceptedChecksum> accepted = workspace.migratorWithDatabase("accept-checksum")
                        .acceptChecksum(revision, reason);
                if (json()) {
                    List<Map<String, Object>> list = new ArrayList<>();
                    for (dev.migrator.result.AcceptedChecksum a : accepted) {
                        list.add(Map.of("revision", a.revision(), "source", a.source(), "previous", a.previous(), "accepted", a.accepted()));
                    }
                    root().printJson(Map.of("accepted", list));
                } else if (accepted.isEmpty()) {
                    root().printer().line("Nothing to accept: every applied file matches its recorded checksum.");
                } else {
                    dev.migrator.commands.render.Table table = new dev.migrator.commands.render.Table("REVISION", "PREVIOUS", "ACCEPTED", "SOURCE");
                    accepted.forEach(a -> table.row(a.revision(), a.previous(), a.accepted(), a.source()));
                    table.print(root().printer());
                    root().printer().line("Accepted " + accepted.size() + " edited revision(s): \"" + reason + "\" is in the history table.");
                }
                return ExitCodes.OK;
            }
        }
    }
}
