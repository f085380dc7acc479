package dev.migrator.internal.check;

import dev.migrator.check.PostDeployCheck;

import java.util.ArrayList;
import java.util.List;

/** Migrator's own post-deploy checks (see the operating guide for what each means). */
public final class BuiltInChecks {

    private BuiltInChecks() {}

    /**
     * In this order: {@code version-table}, {@code checksums}, {@code invalid-indexes},
     * {@code schema-drift}, then one {@code verify} check per applied revision with a verify query.
     */
    public static List<PostDeployCheck> all(CheckContext context) {
        List<PostDeployCheck> checks = new ArrayList<>();
        checks.add(new VersionTableCheck(context));
        checks.add(new ChecksumCheck(context));
        checks.add(new InvalidIndexCheck());
        checks.add(new SchemaDriftCheck(context));
        checks.addAll(verifyQueries(context));
        return checks;
    }

    /** One {@code verify} check per applied revision with a verify query, parents first: what {@code verify()} runs. */
    public static List<PostDeployCheck> verifyQueries(CheckContext context) {
        List<PostDeployCheck> checks = new ArrayList<>();
        for (AppliedRevision revision : context.applied()) {
            if (revision.verify() != null && !revision.verify().isBlank()) {
                checks.add(new VerifyQueryCheck(revision));
            }
        }
        return checks;
    }
}
