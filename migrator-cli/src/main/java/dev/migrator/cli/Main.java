package dev.migrator.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import picocli.CommandLine;

/** {@code migrator}: the entry point of the executable jar. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        quietEngineLog();
        Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        CliContext context = new CliContext(System.getenv(), Path.of("").toAbsolutePath(), out, err, System.console() != null);
        int status = run(context, args);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs one command line in this JVM and returns its exit status. */
    public static int run(CliContext context, String... args) {
        CommandLine commandLine = MigratorCommand.commandLine(context);
        return commandLine.execute(args);
    }

    /**
     * The engine logs each step at INFO; the command prints its own lines for those, so the log shows warnings
     * and errors only, on standard error. MIGRATOR_OPTS=-Dorg.slf4j.simpleLogger.defaultLogLevel=info shows all.
     */
    private static void quietEngineLog() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showLogName", "false");
        setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "false");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
