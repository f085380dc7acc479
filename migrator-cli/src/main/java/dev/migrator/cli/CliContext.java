package dev.migrator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a run of the command sees of its process: the environment, the working directory and the two output
 * streams. {@link Main} takes the real ones; tests run the same commands in-process with their own.
 *
 * @param terminal whether standard output is a terminal (progress lines are then rewritten in place)
 */
public record CliContext(Map<String, String> environment, Path workingDirectory, PrintWriter out, PrintWriter err,
        boolean terminal) {

    public CliContext {
        environment = Map.copyOf(environment);
    }
}
