package dev.migrator.commands.project;

import dev.migrator.ErrorCode;
import dev.migrator.Migration;
import dev.migrator.MigratorException;
import dev.migrator.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the {@code @Revision} classes among a project's compiled classes, in any package: under Spring a Java
 * revision may be a bean anywhere in the application, and the tools must see the graph the application sees.
 * A class file is only loaded when its bytes name the annotation, so scanning a large project stays cheap and
 * no unrelated class is loaded (or initialised).
 */
final class JavaRevisionScanner {

    private static final byte[] ANNOTATION = ("L" + Revision.class.getName().replace('.', '/') + ";")
            .getBytes(StandardCharsets.US_ASCII);

    private JavaRevisionScanner() {}

    static List<Migration> scan(List<Path> classDirectories, ClassLoader loader) {
        List<Migration> revisions = new ArrayList<>();
        for (Path root : classDirectories) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> classFiles;
            try (Stream<Path> files = Files.walk(root)) {
                classFiles = files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw new MigratorException(ErrorCode.LOCATION_INVALID, "Cannot read the compiled classes in " + root + ": "
                        + e.getMessage(), e);
            }
            for (Path file : classFiles) {
                if (namesTheAnnotation(file)) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                    Migration migration = instantiate(name, loader, file);
                    if (migration != null) {
                        revisions.add(migration);
                    }
                }
            }
        }
        return revisions;
    }

    private static boolean namesTheAnnotation(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i <= bytes.length - ANNOTATION.length; i++) {
                for (int j = 0; j < ANNOTATION.length; j++) {
                    if (bytes[i + j] != ANNOTATION[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new MigratorException(ErrorCode.LOCATION_INVALID, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The revision instance, or null when the class only mentions the annotation without carrying it. */
    private static Migration instantiate(String name, ClassLoader loader, Path file) {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MigratorException(ErrorCode.REVISION_MALFORMED, "java:" + name + " (" + file + "): the class cannot be "
                    + "loaded (" + e + "). Its dependencies must be on the class path: pass them with --classpath.", e);
        }
        if (!type.isAnnotationPresent(Revision.class) || !Migration.class.isAssignableFrom(type)
                || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return null;
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (Migration) constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new MigratorException(ErrorCode.REVISION_MALFORMED, "java:" + name + " (" + file + "): this Java revision "
                    + "has no constructor without arguments, so the tools cannot create it outside the application (a Spring "
                    + "bean with dependencies?). Give it a no-argument constructor, or run this command in the application.", e);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new MigratorException(ErrorCode.REVISION_MALFORMED, "java:" + name + " (" + file + "): creating this Java "
                    + "revision failed: " + cause + ". Its dependencies must be on the class path: pass them with --classpath.", e);
        }
    }
}
