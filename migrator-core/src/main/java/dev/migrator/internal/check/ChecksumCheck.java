package dev.migrator.internal.check;

import dev.migrator.check.PostDeployCheck.CheckOutcome;
import dev.migrator.check.PostDeployCheck;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** Every applied revision's file still has the checksum recorded when it was applied. */
final class ChecksumCheck implements PostDeployCheck {

    private final CheckContext context;

    ChecksumCheck(CheckContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "checksums";
    }

    @Override
    public CheckOutcome check(Connection connection) {
        List<String> changed = new ArrayList<>();
        int compared = 0;
        for (AppliedRevision revision : context.applied()) {
            // Java revisions have no checksum; revisions below a stamped head recorded none
            if (revision.checksum() == null || revision.recordedChecksum() == null) {
                continue;
            }
            compared++;
            if (!revision.checksum().equals(revision.recordedChecksum())) {
                changed.add("revision " + revision.revision() + " (" + revision.source() + ") recorded checksum "
                        + abbreviate(revision.recordedChecksum()) + ", file now " + abbreviate(revision.checksum()));
            }
        }
        if (!changed.isEmpty()) {
            return CheckOutcome.failed("applied revisions were edited after they ran: " + String.join("; ", changed)
                    + ". Restore the files as applied and put the change in a new revision, or, for an intended edit"
                    + " that leaves the schema as it was, accept it with acceptChecksum (an audited history row)");
        }
        return CheckOutcome.passed(compared + " applied revisions match their recorded checksums");
    }

    private static String abbreviate(String checksum) {
        return checksum.length() > 12 ? checksum.substring(0, 12) + "…" : checksum;
    }
}
