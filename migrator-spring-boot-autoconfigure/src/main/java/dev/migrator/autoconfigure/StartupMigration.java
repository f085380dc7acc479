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

/** Runs {@code migrator.startup.action} once and records the outcome; shared by the sync and async modes. */
final class StartupMigration {

    private static final Logger log = LoggerFactory.getLogger(StartupMigration.class);

    private final Migrator migrator;
    private final StartupAction action;
    private final String target;
    private final MigratorStartupStatus status;
    private final StartupSafety safety;

    StartupMigration(Migrator migrator, MigratorProperties properties, MigratorStartupStatus status) {
        this.migrator = migrator;
        this.action = properties.getStartup().getAction();
        this.target = properties.getTarget();
        this.status = status;
        this.safety = new StartupSafety(properties.getSafety());
    }

    /** Runs the action; a failure is recorded in the status and rethrown. */
    void run() {
        status.running();
        try {
            switch (action) {
                case UPGRADE -> upgrade();
                case VALIDATE -> validate();
                case NONE -> log.info("migrator.startup.action=none: not touching the database");
            }
            status.finished();
        } catch (RuntimeException e) {
            status.failed(e);
            throw e;
        }
    }

    private void upgrade() {
        safety.check(migrator, target);
        MigrationResult result = migrator.upgrade(target);
        log.info("Migrator upgraded to {}: {} revision(s) applied in {} ms, now at {}{}", target, result.applied(),
                java.time.Duration.between(result.startedAt(), result.finishedAt()).toMillis(), result.after(),
                result.deferred().isEmpty() ? "" : "; " + result.deferred().size()
                        + " contract revision(s) deferred (set migrator.contract=apply to run them)");
    }

    private void validate() {
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
