package dev.migrator.history;

import java.util.List;
import java.util.Set;

/**
 * What a run reads before it plans, in one round trip ({@link StateStore#appliedState}): the version
 * rows, and the checksum of each revision's last successful upgrade.
 *
 * @param versionRows the version table's rows, ordered by revision
 * @param checksums   in no particular order; a revision whose last successful upgrade recorded no checksum
 *                    is absent, and so is every revision when the checksums were not asked for
 */
public record AppliedState(Set<String> versionRows, List<Checksum> checksums) {

    /** The checksum {@code revision}'s last successful upgrade recorded. */
    public record Checksum(String revision, String checksum) {}
}
