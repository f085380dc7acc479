package dev.migrator.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A subcommand: reaches the shared options and the run's context through the root command. */
abstract class BaseCommand {

    @Spec
    CommandSpec spec;

    MigratorCommand root() {
        return (MigratorCommand) spec.root().userObject();
    }

    boolean json() {
        return root().json;
    }
}
