package dev.migrator.autoconfigure;

import dev.migrator.AcceptedChecksum;
import dev.migrator.ErrorCode;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code migrator.accept-checksum-change=<revision or all>: <reason>}: for one start, records the current
 * checksum of applied revisions whose file was edited on purpose ({@link Migrator#acceptChecksum}), with
 * a history row saying who, when and why, before the startup migration runs. The value must carry a
 * reason; a value that matches nothing is a warning to remove it, so that it cannot wave a later edit
 * through with a stale reason.
 */
record AcceptChecksumChange(String revision, String reason) {

    private static final Logger log = LoggerFactory.getLogger(AcceptChecksumChange.class);
    private static final String FORMAT = "\"<revision id or all>: <reason>\", for example "
            + "\"0a5e00000002: comment typo fixed, reviewed in PR 123\"";

    /** The setting, or null when it is not set; a malformed one fails the start before anything runs. */
    static @Nullable AcceptChecksumChange parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int colon = value.indexOf(':');
        String revision = colon < 0 ? value.strip() : value.substring(0, colon).strip();
        String reason = colon < 0 ? "" : value.substring(colon + 1).strip();
        if (revision.isEmpty() || reason.isEmpty()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "migrator.accept-checksum-change must be "
                    + FORMAT + "; the reason is recorded in the history. Was: \"" + value.strip() + "\"");
        }
        return new AcceptChecksumChange(revision, reason);
    }

    /** {@code strategy}, preceded by accepting the changed checksums. */
    MigrationStrategy before(MigrationStrategy strategy) {
        return migrator -> {
            accept(migrator);
            strategy.migrate(migrator);
        };
    }

    private void accept(Migrator migrator) {
        List<AcceptedChecksum> accepted = migrator.acceptChecksum(revision, reason);
        if (accepted.isEmpty()) {
            log.warn("migrator.accept-checksum-change is set ({}), but no applied revision's file differs from its "
                    + "recorded checksum. Remove the setting, so that it cannot accept a later edit with this reason.",
                    revision);
        } else {
            log.warn("migrator.accept-checksum-change recorded {} accepted checksum(s); remove the setting now: it is "
                    + "meant for this one start", accepted.size());
        }
    }
}
