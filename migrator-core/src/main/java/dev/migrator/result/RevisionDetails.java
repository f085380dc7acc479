package dev.migrator.result;

import java.time.Instant;

/** The answer of {@code show <rev>}: the revision and whether (and when) this database applied it. */
public record RevisionDetails(RevisionInfo revision, boolean applied, Instant appliedAt) {}
