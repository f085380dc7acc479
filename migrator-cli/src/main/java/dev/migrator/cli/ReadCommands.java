package dev.migrator.cli;

import dev.migrator.HistoryEntry;
import dev.migrator.Migrator;
import dev.migrator.MigratorStatus;
import dev.migrator.RevisionDetails;
import dev.migrator.RevisionInfo;
import dev.migrator.commands.Workspace;
import dev.migrator.commands.render.HistoryGraph;
import dev.migrator.commands.render.Human;
import dev.migrator.commands.render.Printer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The commands that only read. Those about the code ({@code heads}, {@code branches}, {@code show},
 * {@code history}) need no database, and mark what is applied when one is configured.
 */
final class ReadCommands {

    private ReadCommands() {}

    /**
     * Applied revisions when a database is configured, else null (nothing to mark). These commands are about the
     * code: a configured database that cannot be reached is a warning, not a failure.
     */
    static Set<String> applied(Workspace workspace, Printer printer) {
        if (!workspace.hasDatabase()) {
            return null;
        }
        try {
            return workspace.migrator().applied();
        } catch (dev.migrator.MigratorException e) {
            if (e.code() != dev.migrator.ErrorCode.CONNECTION_FAILED) {
                throw e;
            }
            printer.warn("the database " + workspace.config().displayUrl() + " cannot be reached, so applied revisions "
                    + "are not marked (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return null;
        }
    }

    @Command(name = "current", description = "The revisions the database is at, and its state.")
    static final class Current extends BaseCommand implements Callable<Integer> {
        @Option(names = {"-v", "--verbose"}, description = "also the database, heads and pending revisions")
        boolean verbose;

        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                Migrator migrator = workspace.migratorWithDatabase("current");
                MigratorStatus status = migrator.status();
                if (json()) {
                    root().printJson(Json.status(status));
                } else {
                    Human.current(status, migrator.revisions(), verbose, workspace.config().displayUrl()).forEach(root().printer()::line);
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "heads", description = "The code's heads (revisions nothing builds on).")
    static final class Heads extends BaseCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                return list(this, "heads", workspace.migrator().heads(), applied(workspace, root().printer()));
            }
        }
    }

    @Command(name = "branches", description = "The code's branch points (revisions with several children).")
    static final class Branches extends BaseCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                return list(this, "branches", workspace.migrator().branches(), applied(workspace, root().printer()));
            }
        }
    }

    @Command(name = "pending", description = "The revisions an upgrade to heads would apply, in order.")
    static final class Pending extends BaseCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                List<RevisionInfo> pending = workspace.migratorWithDatabase("pending").pending();
                if (json()) {
                    root().printJson(Map.of("pending", Json.pending(pending)));
                } else if (pending.isEmpty()) {
                    root().printer().line("Nothing pending.");
                } else {
                    Human.revisions(pending, null).print(root().printer());
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "show", description = "One revision: its header, source, checksum and (with a database) when it was applied.")
    static final class Show extends BaseCommand implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "an id, a unique prefix (4+ characters), or LABEL@head")
        String revision;

        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                Migrator migrator = workspace.migrator();
                List<String> ids = migrator.resolve(revision);
                if (ids.size() != 1) {
                    throw new dev.migrator.MigratorException(dev.migrator.ErrorCode.TARGET_INVALID, "'" + revision + "' names "
                            + ids.size() + " revisions (" + String.join(", ", ids) + "): show one.");
                }
                RevisionInfo info = migrator.revisions().stream().filter(r -> r.revision().equals(ids.get(0))).findFirst().orElseThrow();
                RevisionDetails details = applied(workspace, root().printer()) == null ? null : migrator.show(info.revision());
                if (json()) {
                    root().printJson(Json.details(info, details));
                } else {
                    Human.show(info, details).forEach(root().printer()::line);
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "history", description = "The code's revisions, newest first; --graph draws branches and merges.")
    static final class History extends BaseCommand implements Callable<Integer> {
        @Option(names = {"-r", "--rev-range"}, paramLabel = "[FROM]:[TO]", description = "e.g. base:heads, a1b2:, :c3d4")
        String range = "";

        @Option(names = "--graph", description = "draw the graph like git log --graph (* applied, o pending, with a database)")
        boolean graph;

        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                List<RevisionInfo> revisions = workspace.migrator().history(range);
                Set<String> applied = applied(workspace, root().printer());
                if (json()) {
                    root().printJson(Map.of("revisions", Json.revisions(revisions, applied)));
                } else if (graph) {
                    HistoryGraph.draw(revisions, applied).forEach(root().printer()::line);
                } else {
                    Human.revisions(revisions, applied).print(root().printer());
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "log", description = "The executed steps recorded in the database's history table, newest first.")
    static final class Log extends BaseCommand implements Callable<Integer> {
        @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "at most N steps (default 20)")
        int limit = 20;

        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(false)) {
                List<HistoryEntry> entries = workspace.migratorWithDatabase("log").log(limit);
                if (json()) {
                    List<Map<String, Object>> list = new ArrayList<>();
                    entries.forEach(e -> list.add(Json.entry(e)));
                    root().printJson(Map.of("entries", list));
                } else if (entries.isEmpty()) {
                    root().printer().line("No step recorded yet.");
                } else {
                    Human.log(entries).print(root().printer());
                }
                return ExitCodes.OK;
            }
        }
    }

    private static int list(BaseCommand command, String name, List<RevisionInfo> revisions, Set<String> applied) {
        if (command.json()) {
            command.root().printJson(Map.of(name, Json.revisions(revisions, applied)));
            return ExitCodes.OK;
        }
        Printer printer = command.root().printer();
        if (revisions.isEmpty()) {
            printer.line(name.equals("heads") ? "No revisions." : "No branch points: the history is linear.");
        } else {
            Human.revisions(revisions, applied).print(printer);
        }
        return ExitCodes.OK;
    }
}
