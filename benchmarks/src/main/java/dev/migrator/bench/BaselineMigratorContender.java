package dev.migrator.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Migrator as an earlier build made it: the {@code migrator-core} jar named by {@code bench.baselineJar},
 * loaded in a class loader of its own, called exactly as {@link MigratorContender} calls the current build.
 * With both in one run, a change is measured before and after side by side, interleaved, on the same server
 * and the same files (the only way to compare builds on a shared machine whose load drifts).
 */
final class BaselineMigratorContender implements Contender {

    static final String NAME = "Baseline Migrator";
    static final String INDEXED_NAME = "Baseline Migrator (index)";

    private static Api api;

    private final boolean indexed;

    /** @param indexed whether to load the location that carries a build-time revision index, as {@link MigratorContender} */
    BaselineMigratorContender(boolean indexed) {
        this.indexed = indexed;
    }

    @Override
    public String name() {
        return indexed ? INDEXED_NAME : NAME;
    }

    /** The contender of the current build this one is compared with. */
    String comparedWith() {
        return indexed ? MigratorContender.INDEXED_NAME : MigratorContender.NAME;
    }

    @Override
    public Run upgrade(Db db, RevisionFiles files) throws Exception {
        Api a = api();
        long loadStart = System.nanoTime();
        Object configuration = a.configure.invoke(null);
        a.url.invoke(configuration, db.url(), db.user(), db.password());
        a.locations.invoke(configuration, (Object) new String[] {"filesystem:" + (indexed ? files.indexedDir() : files.migratorDir())});
        Object migrator = a.load.invoke(configuration);
        long loadNanos = System.nanoTime() - loadStart;
        Object result = a.upgrade.invoke(migrator, "heads");
        return new Run((Integer) a.applied.invoke(result), loadNanos);
    }

    static Path jar() {
        String jar = System.getProperty("bench.baselineJar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalArgumentException("bench.baselineJar must name the migrator-core jar of the baseline build, was "
                    + jar);
        }
        return Path.of(jar).toAbsolutePath();
    }

    /** The class path of a child JVM running the baseline: this one's with the baseline jar for migrator-core's. */
    static String childClasspath(String classpath) {
        StringBuilder child = new StringBuilder();
        boolean replaced = false;
        for (String entry : classpath.split(File.pathSeparator)) {
            boolean core = entry.contains("migrator-core");
            child.append(child.length() == 0 ? "" : File.pathSeparator).append(core ? jar().toString() : entry);
            replaced |= core;
        }
        if (!replaced) {
            throw new IllegalStateException("no migrator-core entry to replace in the class path " + classpath);
        }
        return child.toString();
    }

    private static synchronized Api api() throws Exception {
        if (api == null) {
            ClassLoader loader = new ChildFirst(jar().toUri().toURL(), BaselineMigratorContender.class.getClassLoader());
            Class<?> migrator = Class.forName("dev.migrator.Migrator", true, loader);
            Class<?> configuration = Class.forName("dev.migrator.MigratorConfiguration", true, loader);
            Class<?> result = resultClass(loader);
            api = new Api(migrator.getMethod("configure"),
                    configuration.getMethod("url", String.class, String.class, String.class),
                    configuration.getMethod("locations", String[].class), configuration.getMethod("load"),
                    migrator.getMethod("upgrade", String.class), result.getMethod("applied"));
        }
        return api;
    }

    /** {@code MigrationResult}: in {@code dev.migrator.result} since issue 12, in {@code dev.migrator} before. */
    private static Class<?> resultClass(ClassLoader loader) throws ClassNotFoundException {
        try {
            return Class.forName("dev.migrator.result.MigrationResult", true, loader);
        } catch (ClassNotFoundException before) {
            return Class.forName("dev.migrator.MigrationResult", true, loader);
        }
    }

    private record Api(Method configure, Method url, Method locations, Method load, Method upgrade, Method applied) {}

    /** Migrator's classes from the baseline jar; everything else (driver, SLF4J, the JDK) shared with this JVM. */
    private static final class ChildFirst extends URLClassLoader {

        ChildFirst(URL jar, ClassLoader parent) {
            super(new URL[] {jar}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.migrator.") || name.startsWith("dev.migrator.bench.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    type = findClass(name);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }
    }
}
