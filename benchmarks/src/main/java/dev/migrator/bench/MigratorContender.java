package dev.migrator.bench;

import dev.migrator.result.MigrationResult;
import dev.migrator.Migrator;

/**
 * Migrator through its public API, as an application without Spring would call it: configure, load
 * (reads, parses and hashes the files and builds the graph, no database), {@code upgrade("heads")}.
 * The indexed variant loads a location with a build-time revision index: load reads the index and lists
 * the directory, and only the files of revisions that run are read.
 */
final class MigratorContender implements Contender {

    static final String NAME = "Migrator";
    static final String INDEXED_NAME = "Migrator (index)";

    private final boolean indexed;

    /** @param indexed whether to load the location that carries a build-time revision index */
    MigratorContender(boolean indexed) {
        this.indexed = indexed;
    }

    @Override
    public String name() {
        return indexed ? INDEXED_NAME : NAME;
    }

    @Override
    public Run upgrade(Db db, RevisionFiles files) {
        long loadStart = System.nanoTime();
        Migrator migrator = Migrator.configure()
                .url(db.url(), db.user(), db.password())
                .locations("filesystem:" + (indexed ? files.indexedDir() : files.migratorDir()))
                .load();
        long loadNanos = System.nanoTime() - loadStart;
        MigrationResult result = migrator.upgrade("heads");
        return new Run(result.applied(), loadNanos);
    }
}
