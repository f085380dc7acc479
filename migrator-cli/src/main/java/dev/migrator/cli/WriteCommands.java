package dev.migrator.cli;

import dev.migrator.Phase;
import dev.migrator.commands.Init;
import dev.migrator.commands.NewRevision;
import dev.migrator.commands.Workspace;
import dev.migrator.commands.config.ToolConfig;
import dev.migrator.commands.render.Printer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands that write files: {@code init}, {@code revision}, {@code merge}. */
final class WriteCommands {

    private WriteCommands() {}

    @Command(name = "init", description = "Create the migrations folder and a commented migrator.properties (never overwrites).")
    static final class Init extends BaseCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            ToolConfig config = root().config();
            dev.migrator.commands.Init.Result result = dev.migrator.commands.Init.run(config, root().layout(config));
            if (json()) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put("migrations", result.migrationsDirectory().toString());
                map.put("properties", result.propertiesFile().toString());
                map.put("created", result.created().stream().map(Path::toString).toList());
                root().printJson(map);
                return ExitCodes.OK;
            }
            Printer printer = root().printer();
            printer.line((result.created().contains(result.migrationsDirectory()) ? "created  " : "exists   ") + result.migrationsDirectory());
            printer.line((result.created().contains(result.propertiesFile()) ? "created  " : "exists   ") + result.propertiesFile());
            printer.line("Next: migrator revision -m \"create the first table\"");
            return ExitCodes.OK;
        }
    }

    @Command(name = "revision", description = "Write a new revision (SQL, or a Java class with --java) on top of the code's head.")
    static final class NewRevisionCommand extends BaseCommand implements Callable<Integer> {
        @Option(names = {"-m", "--message"}, required = true, description = "what the revision changes")
        String message;

        @Option(names = "--java", description = "write a Java revision class instead of a SQL file")
        boolean java;

        @Option(names = "--head", paramLabel = "ID|LABEL@head|base",
                description = "the revision to build on (required when the code has several heads; base starts a new root)")
        String head;

        @Option(names = "--branch-label", paramLabel = "LABEL", description = "branch label(s) of the new revision")
        List<String> branchLabels = new ArrayList<>();

        @Option(names = "--depends-on", paramLabel = "ID", description = "revision(s) that must be applied first without being parents")
        List<String> dependsOn = new ArrayList<>();

        @Option(names = "--phase", paramLabel = "expand|contract", description = "contract: runs only once every instance runs the new code")
        Phase phase = Phase.EXPAND;

        @Option(names = "--non-transactional", description = "run outside a transaction (CREATE INDEX CONCURRENTLY); keep it idempotent")
        boolean nonTransactional;

        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                NewRevision.Written written = NewRevision.revision(workspace, new NewRevision.Request(message, java, head,
                        Set.copyOf(branchLabels), dependsOn, phase, !nonTransactional));
                return report(root(), written);
            }
        }
    }

    @Command(name = "merge", description = "Write a merge revision joining heads (all of them by default).")
    static final class Merge extends BaseCommand implements Callable<Integer> {
        @Option(names = {"-m", "--message"}, required = true, description = "what the merge joins")
        String message;

        @Parameters(paramLabel = "heads|ID", arity = "0..*", description = "the revisions to join (default: heads)")
        List<String> revisions = new ArrayList<>();

        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                return report(root(), NewRevision.merge(workspace, message, revisions));
            }
        }
    }

    private static int report(MigratorCommand root, NewRevision.Written written) {
        if (root.json) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("revision", written.template().id());
            map.put("revises", written.template().revises());
            map.put("file", written.file().toString());
            root.printJson(map);
        } else {
            Printer printer = root.printer();
            printer.line("created  " + written.file());
            printer.line("revision " + written.template().id() + (written.template().revises().isEmpty() ? " (a base)"
                    : ", revises " + String.join(", ", written.template().revises())));
            if (written.template().revises().size() < 2) {
                printer.line("Write its upgrade and downgrade, then: migrator upgrade --sql | less, migrator upgrade");
            }
        }
        return ExitCodes.OK;
    }
}
