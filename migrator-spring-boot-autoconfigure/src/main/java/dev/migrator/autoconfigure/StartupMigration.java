package dev.migrator.autoconfigure;

import dev.migrator.MigrationResult;
import dev.migrator.ErrorCode;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.RevisionInfo;
import dev.migrator.ValidationResult;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link MigrationStrategy}: {@code migrator.startup.action} with {@code migrator.target}.
 * A {@link MigrationStrategy} bean replaces it.
 */
final class StartupMigration implements MigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(StartupMigration.class);

    private final StartupAction action;
    private final String target;
    private final StartupSafety safety;

    StartupMigration(MigratorProperties properties) {
        this.action = properties.getStartup().getAction();
        this.target = properties.getTarget();
        this.safety = new StartupSafety(properties.getSafety());
    }

    @Override
    public void migrate(Migrator migrator) {
        switch (action) {
            case UPGRADE -> upgrade(migrator);
            case VALIDATE -> validate(migrator);
            case NONE -> log.info("migrator.startup.action=none: not touching the database");
        }
    }

    private void upgrade(Migrator migrator) {
        safety.check(migrator, target);
        MigrationResult result = migrator.upgrade(target);
        log.info("Migrator upgraded to {}: {} revision(s) applied in {} ms, now at {}{}", target, result.applied(),
                java.time.Duration.between(result.startedAt(), result.finishedAt()).toMillis(), result.after(),
                result.deferred().isEmpty() ? "" : "; " + result.deferred().size()
                        + " contract revision(s) deferred (set migrator.contract=apply to run them)");
    }

    private void validate(Migrator migrator) {
        ValidationResult result = migrator.validate();
        // Under contract=defer a pending contract revision, and whatever needs it, is expected, not a
        // reason to refuse to start: the engine's own plan says which (ValidationResult.deferred).
        List<RevisionInfo> blocking = result.blocking();
        if (!blocking.isEmpty()) {
            throw new MigratorException(ErrorCode.PENDING_REVISIONS, "migrator.startup.action=validate: " + blocking.size()
                    + " revision(s) pending, the database was not changed: "
                    + blocking.stream().map(r -> r.revision() + " (" + r.message() + ")").collect(Collectors.joining(", "))
                    + ". Apply them first (run an upgrade, or start once with migrator.startup.action=upgrade).");
        }
        log.info("Migrator validated: database is at {}, nothing pending{}", result.current(),
                result.deferred().isEmpty() ? "" : " but " + result.deferred().size()
                        + " deferred contract revision(s) (set migrator.contract=apply to run them)");
    }
}
