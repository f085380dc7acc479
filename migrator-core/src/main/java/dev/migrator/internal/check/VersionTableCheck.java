package dev.migrator.internal.check;

import dev.migrator.check.PostDeployCheck.CheckOutcome;
import dev.migrator.check.PostDeployCheck;

import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.result.MigratorStatus;
import dev.migrator.Phase;
import dev.migrator.result.RevisionInfo;

import java.sql.Connection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The version table holds the code's heads, or differs only by deferred contract revisions (and
 * revisions that need them), or the database is ahead of the code (an older release during a
 * rolling deploy).
 */
final class VersionTableCheck implements PostDeployCheck {

    private final CheckContext context;

    VersionTableCheck(CheckContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "version-table";
    }

    @Override
    public CheckOutcome check(Connection connection) {
        MigratorStatus status = context.status();
        Set<String> current = new TreeSet<>(status.current());
        Set<String> heads = new TreeSet<>(status.heads());
        if (status.state() == MigrationState.AHEAD) {
            return CheckOutcome.passed("the database is ahead of the code (version table " + current
                    + ", code heads " + heads + "): an older release runs against a newer schema");
        }
        if (current.isEmpty() && !heads.isEmpty()) {
            return CheckOutcome.failed("the version table is missing or empty, the code's heads are " + heads
                    + ": run upgrade (or stamp an existing schema)");
        }
        if (status.pending().isEmpty() && current.equals(heads)) {
            return CheckOutcome.passed("version table holds the code's heads " + heads);
        }
        // The status took its deferred revisions from the engine's own plan: contract-phase revisions
        // and what needs them wait for the contract release; anything else pending is a missed upgrade.
        if (status.onlyDeferredPending()) {
            return CheckOutcome.passed("only deferred contract revisions (and revisions that need them) are pending: "
                    + describe(status) + " (apply them once no old instance runs)");
        }
        return CheckOutcome.failed("version table holds " + current + " but the code's heads are " + heads
                + "; pending: " + describe(status) + ". Run upgrade to apply them");
    }

    private static String describe(MigratorStatus status) {
        return status.pending().stream()
                .map(VersionTableCheck::describe)
                .collect(Collectors.joining(", "));
    }

    private static String describe(RevisionInfo revision) {
        return revision.revision() + " (" + (revision.phase() == null ? Phase.EXPAND : revision.phase()).label() + ")";
    }
}
