package dev.migrator.cli;

import dev.migrator.Direction;
import dev.migrator.MigrationResult;
import dev.migrator.StampResult;
import dev.migrator.commands.OfflineSql;
import dev.migrator.commands.Workspace;
import dev.migrator.commands.render.Human;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands that change the database, each with {@code --sql} to print the offline script instead. */
final class MigrateCommands {

    private MigrateCommands() {}

    /** What the three share: the target, {@code --sql} and its starting point. */
    abstract static class Migrate extends BaseCommand implements Callable<Integer> {
        @Option(names = "--sql", description = "print the SQL script instead of running it (no database is read or changed)")
        boolean sql;

        @Option(names = "--from", paramLabel = "REV", description = "with --sql: the state the script starts from "
                + "(default: base for upgrade and stamp, heads for downgrade); 'FROM:TARGET' works too")
        String from;

        abstract Direction direction();

        abstract String target();

        @Override
        public Integer call() {
            try (Workspace workspace = root().workspace(!sql)) {
                if (sql) {
                    // exactly the engine's offline script: no banner, no JSON wrapper, ready for psql -f
                    root().context.out().print(OfflineSql.render(workspace.migrator(), direction(), target(), from));
                    root().context.out().flush();
                    return ExitCodes.OK;
                }
                var migrator = workspace.migratorWithDatabase(direction().label());
                if (direction() == Direction.STAMP) {
                    StampResult result = migrator.stamp(target());
                    if (json()) {
                        root().printJson(Json.stamp(result));
                    } else {
                        Human.stamp(result).forEach(root().printer()::line);
                    }
                    return ExitCodes.OK;
                }
                if (!json()) {
                    root().printer().line(capitalised(direction().label()) + " to " + target() + " on " + workspace.config().displayUrl());
                }
                MigrationResult result = direction() == Direction.UPGRADE ? migrator.upgrade(target()) : migrator.downgrade(target());
                if (json()) {
                    root().printJson(Json.migration(result));
                } else {
                    Human.migration(result).forEach(root().printer()::line);
                }
                return ExitCodes.OK;
            }
        }

        private static String capitalised(String text) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }

    @Command(name = "upgrade", description = "Apply revisions up to TARGET (default heads): heads, head, an id or prefix, "
            + "LABEL@head, +N ...")
    static final class Upgrade extends Migrate {
        @Parameters(paramLabel = "TARGET", arity = "0..1", defaultValue = "heads", description = "default: heads")
        String target;

        @Override
        Direction direction() {
            return Direction.UPGRADE;
        }

        @Override
        String target() {
            return target;
        }
    }

    @Command(name = "downgrade", description = "Unapply revisions down to TARGET: -1, an id, LABEL@-1, base ...")
    static final class Downgrade extends Migrate {
        @Parameters(paramLabel = "TARGET")
        String target;

        @Override
        Direction direction() {
            return Direction.DOWNGRADE;
        }

        @Override
        String target() {
            return target;
        }
    }

    @Command(name = "stamp", description = "Set the version table to TARGET without running any revision.")
    static final class Stamp extends Migrate {
        @Parameters(paramLabel = "TARGET")
        String target;

        @Override
        Direction direction() {
            return Direction.STAMP;
        }

        @Override
        String target() {
            return target;
        }
    }
}
