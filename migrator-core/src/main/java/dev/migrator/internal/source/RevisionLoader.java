package dev.migrator.internal.source;

import dev.migrator.Migration;
import dev.migrator.Revision;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds and parses revisions in {@code classpath:} and {@code filesystem:} locations. */
public final class RevisionLoader {

    private static final Logger log = LoggerFactory.getLogger(RevisionLoader.class);

    private RevisionLoader() {}

    /**
     * Loads every {@code *.sql} file under the locations (recursively) and every {@code @Revision}
     * class in the package of each {@code classpath:} location, plus {@code extra} Java migrations
     * (e.g. Spring beans). Does not build the graph.
     *
     * <p>The order is deterministic: locations in the order given; within one, SQL files by relative
     * path, then classes by name; the extra migrations last, in the order given. A class that is both
     * found in a location and given as an extra instance is loaded once, from the instance (a Spring
     * bean may need its constructor's dependencies).
     *
     * <p>A {@code classpath:} location that no class path root holds is logged as a warning (as Flyway
     * does: a module may simply have no migrations yet); a {@code filesystem:} location that does not
     * exist is an error.
     *
     * <p>Every file is checked completely (header, sections, statements, transaction control) and every
     * class read, and all the problems found are reported together; a location that cannot be read
     * stops loading at once.
     *
     * <p>A directory or jar whose location directory holds a build-time revision index
     * ({@link dev.migrator.internal.source.index.RevisionIndex}) is not read file by file: once its listing shows
     * that the index still covers exactly its {@code .sql} files, the revisions are made from the index
     * (the complete check happened when it was built), and each file is read, and checked against the
     * index's checksum, only when its revision is about to run ({@link RevisionBody#read()}).
     *
     * @throws RevisionLoadException listing every malformed file and class, each problem with its
     *     file (and line)
     * @throws dev.migrator.MigratorException {@code REVISION_INDEX_STALE} when an index no longer
     *     describes its location's files or cannot be read
     */
    public static List<LoadedRevision> load(List<String> locations, ClassLoader classLoader, Collection<? extends Migration> extra) {
        Objects.requireNonNull(locations, "locations");
        Objects.requireNonNull(classLoader, "classLoader");
        Objects.requireNonNull(extra, "extra");
        Set<Class<?>> givenClasses = new HashSet<>();
        for (Migration migration : extra) {
            Class<?> annotated = JavaRevisionReader.annotatedClass(migration.getClass());
            givenClasses.add(annotated != null ? annotated : migration.getClass());
        }

        List<LoadedRevision> revisions = new ArrayList<>();
        List<RevisionLoadException> problems = new ArrayList<>();
        Set<Class<?>> loadedClasses = new HashSet<>();
        List<Location> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>(); // the same location twice would load every file twice
        for (String text : locations) {
            Location location = Location.parse(text);
            if (seen.add(location.prefix())) {
                parsed.add(location);
            }
        }
        for (Location location : parsed) {
            if (location.kind() == Location.Kind.FILESYSTEM) {
                parseAll(FilesystemScanner.scan(location), revisions, problems);
                continue;
            }
            ClasspathScanner.Contents contents = ClasspathScanner.scan(classLoader, location);
            if (!contents.found()) {
                log.warn("No migrations found at {}: the class path holds no directory {}. Check the location "
                        + "(migrator.locations) if this module should have migrations.", location, location.path());
            }
            parseAll(contents.sqlFiles(), revisions, problems);
            for (String className : contents.classNames()) {
                try {
                    Class<?> type = loadClass(classLoader, className, location);
                    if (type.isAnnotationPresent(Revision.class)) {
                        if (!givenClasses.contains(type) && loadedClasses.add(type)) {
                            revisions.add(JavaRevisionReader.read(JavaRevisionReader.instantiate(type)));
                        }
                    } else if (Migration.class.isAssignableFrom(type) && !type.isInterface()
                            && !Modifier.isAbstract(type.getModifiers())) {
                        log.warn("{} implements Migration but has no @Revision annotation, so it is not a revision and "
                                + "is ignored. Annotate it with @Revision(id = ..., revises = ...) to make it one.",
                                JavaRevisionReader.source(type));
                    }
                } catch (RevisionLoadException e) {
                    problems.add(e);
                }
            }
        }
        for (Migration migration : extra) {
            try {
                revisions.add(JavaRevisionReader.read(migration));
            } catch (RevisionLoadException e) {
                problems.add(e);
            }
        }
        if (!problems.isEmpty()) {
            throw RevisionLoadException.combine(problems);
        }
        return revisions;
    }

    /**
     * Parses and completely checks one SQL revision file, as {@link #load} does for each file it finds:
     * the one place that decides whether a file is a valid revision (a build step can call it too).
     *
     * @param source  the name used in messages and as {@link LoadedRevision#source()}, e.g.
     *                {@code classpath:db/migrations/0001_init.sql}
     * @param content the file's bytes (UTF-8)
     * @throws RevisionLoadException listing every problem of the file, each with its line
     */
    public static LoadedRevision parseSqlFile(String source, byte[] content) {
        return SqlRevisionParser.parse(Objects.requireNonNull(source, "source"), Objects.requireNonNull(content, "content"));
    }

    /**
     * Reads and parses SQL files in their order, on the calling thread, collecting problems in file order.
     * (Loader threads were measured not to pay: on 2 cores, in a JVM that has just started, the JIT's own
     * threads take the second core; docs/benchmarks.md, issue 12.)
     */
    private static void parseAll(List<SqlResource> files, List<LoadedRevision> revisions, List<RevisionLoadException> problems) {
        for (SqlResource file : files) {
            if (file.indexed() != null) {
                revisions.add(file.indexed()); // a revision from an index is not parsed now
                continue;
            }
            try {
                revisions.add(SqlRevisionParser.parse(file.source(), file.content()));
            } catch (RevisionLoadException e) {
                problems.add(e);
            }
        }
    }

    private static Class<?> loadClass(ClassLoader classLoader, String className, Location location) {
        try {
            // Not initialised: a class that is not a revision must not run static code because we looked at it.
            return Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new RevisionLoadException("java:" + className + " (found in " + location + "): the class cannot be "
                    + "loaded (" + e + "). Fix its dependencies, or move classes that are not revisions out of the "
                    + "migrations package.", e);
        }
    }
}
