package dev.migrator.internal.command;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.execute.Catalog;
import dev.migrator.internal.state.AppliedState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The checksum rule shared by the verbs that run revisions and by {@code validate}: applied files are not edited. */
final class Checksums {

    private Checksums() {}

    /**
     * Fails before anything runs when an applied revision's file changed since it was applied (the
     * state must have been read with its checksums; without them there is nothing to compare).
     */
    static void validate(Catalog catalog, AppliedState state) {
        // The common case, nothing changed, is one pass over the recorded checksums: the applied
        // closure is built, and the message sorted, only when some checksum differs.
        List<AppliedState.Checksum> differing = new ArrayList<>();
        for (AppliedState.Checksum recorded : state.checksums()) {
            String id = recorded.revision();
            if (catalog.contains(id)) {
                String now = catalog.get(id).checksum();
                if (now != null && !now.equals(recorded.checksum())) {
                    differing.add(recorded);
                }
            }
        }
        if (differing.isEmpty()) {
            return;
        }
        // a revision upgraded and later downgraded may have been edited since: only applied ones count
        Set<String> applied = catalog.graph().appliedClosure(state.versionRows());
        List<String> changed = new ArrayList<>();
        differing.sort(Comparator.comparing(AppliedState.Checksum::revision));
        for (AppliedState.Checksum recorded : differing) {
            String id = recorded.revision();
            if (applied.contains(id)) {
                changed.add(id + " (" + catalog.get(id).source() + "): applied with checksum " + recorded.checksum()
                        + ", now " + catalog.get(id).checksum());
            }
        }
        if (!changed.isEmpty()) {
            throw new MigratorException(ErrorCode.CHECKSUM_MISMATCH, "Applied revision(s) changed since they were applied:\n  "
                    + String.join("\n  ", changed) + "\nAn applied revision must not be edited: restore the file "
                    + "and write a new revision for the change. If the edit is intended and leaves the schema as the "
                    + "revision made it (a comment, formatting), accept it with an audited history row: "
                    + "acceptChecksum(\"<revision>\", \"<reason>\") (CLI: migrator accept-checksum; Spring Boot: start "
                    + "once with migrator.accept-checksum-change=<revision>: <reason>).");
        }
    }
}
