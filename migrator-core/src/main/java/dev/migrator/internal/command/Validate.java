package dev.migrator.internal.command;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.UnknownRevisionPolicy;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.result.ValidationResult;
import dev.migrator.internal.state.AppliedState;
import java.util.Set;

/**
 * {@code validate} (Flyway's {@code DbValidate}): fails on a changed checksum, or on unknown revisions under
 * {@link UnknownRevisionPolicy#FAIL}; reports pending and unknown ones. Every file was checked completely
 * when it was loaded.
 */
public final class Validate {

    private final CommandContext context;

    public Validate(CommandContext context) {
        this.context = context;
    }

    public ValidationResult validate() {
        Status status = new Status(context);
        return new StateRead(context).read((connection, store) -> {
            if (!store.exists(connection)) {
                Status.Pending pending = status.pending(Set.of());
                return new ValidationResult(MigrationState.NOT_INITIALIZED, Set.of(), pending.all(), Set.of(),
                        pending.deferred());
            }
            AppliedState applied = store.appliedState(connection, true);
            Set<String> rows = applied.versionRows();
            Set<String> unknown = context.catalog().graph().unknown(rows);
            if (!unknown.isEmpty() && context.settings().onUnknownRevision() == UnknownRevisionPolicy.FAIL) {
                throw new MigratorException(ErrorCode.DATABASE_AHEAD, "The database holds revision(s) " + unknown
                        + " that this code does not define (state AHEAD) and onUnknownRevision is FAIL. Deploy the "
                        + "release that defines them.");
            }
            Checksums.validate(context.catalog(), applied);
            Status.Pending pending = status.pending(rows);
            MigrationState state = !unknown.isEmpty() ? MigrationState.AHEAD : pending.state();
            return new ValidationResult(state, rows, pending.all(), unknown, pending.deferred());
        });
    }
}
