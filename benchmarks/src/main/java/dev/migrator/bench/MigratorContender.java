package dev.migrator.bench;

import dev.migrator.result.MigrationResult;
import dev.migrator.Migrator;

/**
 * Migrator through its public API, as an application without Spring would call it: configure, load
 * (reads, parses and hashes the files and builds the graph, no database), {@code upgrade("heads")}.
 */
final class MigratorContender implements Contender {

    static final String NAME = "Migrator";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Run upgrade(Db db, RevisionFiles files) {
        long loadStart = System.nanoTime();
        Migrator migrator = Migrator.configure()
                .url(db.url(), db.user(), db.password())
                .locations("filesystem:" + files.migratorDir())
                .load();
        long loadNanos = System.nanoTime() - loadStart;
        MigrationResult result = migrator.upgrade("heads");
        return new Run(result.applied(), loadNanos);
    }
}
