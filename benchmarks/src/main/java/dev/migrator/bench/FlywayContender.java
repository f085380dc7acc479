package dev.migrator.bench;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway 11 as an application would call it at startup: configure, load, {@code migrate()} (which scans
 * the location, validates checksums of applied migrations and applies pending ones, each in its own
 * transaction).
 */
final class FlywayContender implements Contender {

    static final String NAME = "Flyway";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Run upgrade(Db db, RevisionFiles files) {
        MigrateResult result = Flyway.configure()
                .dataSource(db.url(), db.user(), db.password())
                .locations("filesystem:" + files.flywayDir())
                .load()
                .migrate();
        return new Run(result.migrationsExecuted, -1);
    }
}
