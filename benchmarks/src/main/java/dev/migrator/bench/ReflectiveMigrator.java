package dev.migrator.bench;

import java.lang.reflect.Method;

/**
 * Migrator called through reflection on whatever {@code migrator-core} the class path holds: the child process of
 * the fresh-process case when a baseline build is compared, so that the current build and the baseline (whose
 * types may sit in other packages, as the results did before issue 12) run the very same caller, with the same
 * reflection cost.
 */
final class ReflectiveMigrator implements Contender {

    static final String NAME = "Reflective Migrator";
    static final String INDEXED_NAME = "Reflective Migrator (index)";

    private final boolean indexed;

    /** @param indexed whether to load the location that carries a build-time revision index */
    ReflectiveMigrator(boolean indexed) {
        this.indexed = indexed;
    }

    @Override
    public String name() {
        return indexed ? INDEXED_NAME : NAME;
    }

    @Override
    public Run upgrade(Db db, RevisionFiles files) throws Exception {
        long loadStart = System.nanoTime();
        Class<?> migratorClass = Class.forName("dev.migrator.Migrator");
        Object configuration = migratorClass.getMethod("configure").invoke(null);
        Class<?> configurationClass = configuration.getClass();
        configurationClass.getMethod("url", String.class, String.class, String.class)
                .invoke(configuration, db.url(), db.user(), db.password());
        configurationClass.getMethod("locations", String[].class)
                .invoke(configuration, (Object) new String[] {"filesystem:" + (indexed ? files.indexedDir() : files.migratorDir())});
        Object migrator = configurationClass.getMethod("load").invoke(configuration);
        long loadNanos = System.nanoTime() - loadStart;
        Object result = migratorClass.getMethod("upgrade", String.class).invoke(migrator, "heads");
        Method applied = result.getClass().getMethod("applied");
        return new Run((Integer) applied.invoke(result), loadNanos);
    }
}
