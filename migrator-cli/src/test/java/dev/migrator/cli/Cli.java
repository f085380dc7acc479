package dev.migrator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Test helper: runs {@code migrator} in this JVM, in a project directory, with an environment of the test's choosing. */
final class Cli {

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final Path directory;
    private final Map<String, String> environment = new HashMap<>();

    Cli(Path directory) {
        this.directory = directory;
    }

    /** A Maven project: a pom.xml, so classpath: locations are read from src/main/resources. */
    static Cli project(Path directory) {
        try {
            Files.writeString(directory.resolve("pom.xml"), "<project/>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Cli(directory);
    }

    Cli env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Path directory() {
        return directory;
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new CliContext(environment, directory, new PrintWriter(out, true), new PrintWriter(err, true), false), args);
        return new Run(status, out.toString(), err.toString());
    }
}
