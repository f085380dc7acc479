package dev.migrator.cli;

import dev.migrator.ErrorCode;
import dev.migrator.MigrationState;
import dev.migrator.MigratorException;
import dev.migrator.ValidationResult;
import dev.migrator.VerifyResult;
import dev.migrator.commands.CiCheck;
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

/** The commands that judge: {@code validate}, {@code verify}, {@code check}. */
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

        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                CiCheck.Report report = CiCheck.run(workspace, allowBranches);
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
}
