package dev.migrator.cli;

import dev.migrator.MigratorException;
import dev.migrator.commands.Workspace;
import dev.migrator.commands.config.ConfigResolver;
import dev.migrator.commands.config.Setting;
import dev.migrator.commands.config.ToolConfig;
import dev.migrator.commands.project.ProjectLayout;
import dev.migrator.commands.render.Printer;
import dev.migrator.commands.render.ProgressPrinter;
import dev.migrator.event.MigrationListener;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code migrator}: the options every command shares, and what the commands get from them. */
@Command(name = "migrator", mixinStandardHelpOptions = true, versionProvider = MigratorCommand.Version.class,
        description = "Database migrations with revisions, branches and merges, offline SQL and CI checks (PostgreSQL).",
        footer = {"", "Settings come from the options, then the environment (MIGRATOR_URL, MIGRATOR_USER, MIGRATOR_PASSWORD, ...),",
                "then migrator.properties, then a Spring Boot project's application.properties/.yml. See docs/cli.md."},
        subcommands = {
                WriteCommands.Init.class, WriteCommands.NewRevisionCommand.class, WriteCommands.Merge.class,
                MigrateCommands.Upgrade.class, MigrateCommands.Downgrade.class, MigrateCommands.Stamp.class,
                ReadCommands.Current.class, ReadCommands.Heads.class, ReadCommands.Branches.class,
                ReadCommands.Pending.class, ReadCommands.Show.class, ReadCommands.History.class, ReadCommands.Log.class,
                CheckCommands.Validate.class, CheckCommands.Verify.class, CheckCommands.Check.class,
                CheckCommands.Lint.class, CheckCommands.AcceptChecksum.class, ImportCommand.class,
                CommandLine.HelpCommand.class})
public final class MigratorCommand {

    final CliContext context;

    @Option(names = "--url", scope = ScopeType.INHERIT, description = "JDBC URL (env MIGRATOR_URL)")
    String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, description = "database user (env MIGRATOR_USER)")
    String user;

    @Option(names = "--password", scope = ScopeType.INHERIT, description = "password; prefer the environment "
            + "variable MIGRATOR_PASSWORD, an option is visible to other users in the process list")
    String password;

    @Option(names = "--locations", scope = ScopeType.INHERIT, description = "comma list of classpath: and filesystem: locations")
    String locations;

    @Option(names = {"--classpath", "--cp"}, scope = ScopeType.INHERIT,
            description = "jars and directories with Java revisions or classpath: locations (':'-separated)")
    String classpath;

    @Option(names = "--schema", scope = ScopeType.INHERIT, description = "schema of Migrator's tables")
    String schema;

    @Option(names = "--table-prefix", scope = ScopeType.INHERIT, description = "prefix of Migrator's tables (migrator_)")
    String tablePrefix;

    @Option(names = "--contract", scope = ScopeType.INHERIT, description = "defer or apply contract-phase revisions")
    String contract;

    @Option(names = "--lock-timeout", scope = ScopeType.INHERIT, description = "per statement lock wait, e.g. 5s")
    String lockTimeout;

    @Option(names = {"-C", "--project-dir"}, scope = ScopeType.INHERIT, description = "the project directory (default: the working directory)")
    Path projectDirectory;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "print the result as JSON")
    boolean json;

    MigratorCommand(CliContext context) {
        this.context = context;
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(new MigratorCommand(context));
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setExecutionExceptionHandler(new Failures(context));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    Path projectDirectory() {
        return context.workingDirectory().resolve(projectDirectory == null ? Path.of("") : projectDirectory).normalize();
    }

    ProjectLayout layout(ToolConfig config) {
        return ProjectLayout.detect(projectDirectory(), config.classpath().stream().map(Path::of).toList());
    }

    ToolConfig config() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.URL, url);
        flags.put(Setting.USER, user);
        flags.put(Setting.PASSWORD, password);
        flags.put(Setting.LOCATIONS, locations);
        flags.put(Setting.CLASSPATH, classpath);
        flags.put(Setting.SCHEMA, schema);
        flags.put(Setting.TABLE_PREFIX, tablePrefix);
        flags.put(Setting.CONTRACT, contract);
        flags.put(Setting.LOCK_TIMEOUT, lockTimeout);
        Path project = projectDirectory();
        ProjectLayout detected = ProjectLayout.detect(project, List.of());
        return ConfigResolver.resolve(flags, context.environment(), project, detected.resourceDirectories());
    }

    /** The workspace of this run; a migrating command passes {@code progress} to print each revision as it runs. */
    Workspace workspace(boolean progress) {
        ToolConfig config = config();
        List<MigrationListener> listeners = progress && !json ? List.of(new ProgressPrinter(printer())) : List.of();
        return new Workspace(config, layout(config), listeners);
    }

    Printer printer() {
        return new TerminalPrinter(context.out(), context.err(), context.terminal());
    }

    void printJson(Object value) {
        context.out().println(Json.write(value));
        context.out().flush();
    }

    /** Errors: the message (never a stack trace) on standard error, the exit code from the error's class. */
    static final class Failures implements CommandLine.IExecutionExceptionHandler {
        private final CliContext context;

        Failures(CliContext context) {
            this.context = context;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            MigratorCommand root = commandLine.getCommandSpec().root().userObject() instanceof MigratorCommand m ? m : null;
            int status;
            String code;
            if (e instanceof MigratorException failure) {
                status = ExitCodes.of(failure.code());
                code = failure.code().name();
            } else {
                status = ExitCodes.UNEXPECTED;
                code = "UNEXPECTED";
            }
            String message = e instanceof MigratorException ? e.getMessage() : "unexpected failure: " + e;
            context.err().println("error [" + code + "]: " + message);
            if (!(e instanceof MigratorException)) {
                e.printStackTrace(context.err()); // a bug: its trace is what a report needs
            }
            context.err().flush();
            if (root != null && root.json) {
                root.printJson(Map.of("error", Map.of("code", code, "exitCode", status, "message", message)));
            }
            return status;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MigratorCommand.class.getPackage().getImplementationVersion();
            return new String[] {"migrator " + (version == null ? "(development build)" : version)};
        }
    }
}
