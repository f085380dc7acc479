package dev.migrator;

import dev.migrator.internal.source.index.RevisionIndexWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The index generator as a plain {@code main}, for builds without the Maven plugin (a Gradle
 * {@code JavaExec} task, {@code exec-maven-plugin}, a script). Run it after resources are copied:
 *
 * <pre>
 * java -cp &lt;migrator-core and slf4j-api&gt; dev.migrator.IndexGenerator [--check] &lt;classes-dir&gt; [&lt;location&gt;...]
 * </pre>
 *
 * A {@code classpath:} location (or a bare path) is indexed in {@code <classes-dir>/<path>}, a
 * {@code filesystem:} one in its own directory; the default location is {@code classpath:db/migrations}.
 * {@code --check} writes nothing and fails when an index is missing or differs from the files. Exit
 * status: 0 done, 1 a file has a problem or an index is stale, 2 wrong arguments.
 *
 * <p>Part of the API (a build names it): its class name, arguments and exit statuses are kept across minor releases.
 */
public final class IndexGenerator {

    private IndexGenerator() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** What {@link #main} does, without exiting: returns the exit status (for a build tool that runs it in its own JVM). */
    public static int run(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean check = rest.remove("--check");
        if (rest.isEmpty() || rest.get(0).startsWith("-")) {
            System.err.println("usage: IndexGenerator [--check] <classes-dir> [<location>...]  (default location classpath:db/migrations)");
            return 2;
        }
        Path classes = Path.of(rest.remove(0));
        List<String> locations = rest.isEmpty() ? List.of("classpath:db/migrations") : rest;
        int status = 0;
        for (String location : locations) {
            Path directory = directoryOf(classes, location);
            try {
                if (check) {
                    List<String> differences = RevisionIndexWriter.check(directory, location);
                    if (!differences.isEmpty()) {
                        System.err.println("The revision index of " + location + " is not current:\n  "
                                + String.join("\n  ", differences));
                        status = 1;
                    }
                } else {
                    Path written = RevisionIndexWriter.write(directory, location);
                    System.out.println("Wrote " + written);
                }
            } catch (MigratorException e) {
                System.err.println(e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    /** Where a location's files are once the build copied them: below the classes directory, or the file system path. */
    public static Path directoryOf(Path classesDirectory, String location) {
        String text = location.strip();
        if (text.regionMatches(true, 0, "filesystem:", 0, 11)) {
            return Path.of(text.substring(11).strip());
        }
        String path = text.regionMatches(true, 0, "classpath:", 0, 10) ? text.substring(10) : text;
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return classesDirectory.resolve(path);
    }
}
