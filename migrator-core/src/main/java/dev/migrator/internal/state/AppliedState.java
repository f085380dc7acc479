package dev.migrator.internal.state;

import java.util.List;
import java.util.Set;

/**
 * What a run reads before it plans, in one round trip ({@link StateStore#appliedState}): the version
 * rows, and the checksum of each revision's last successful upgrade or stamp that recorded one.
 *
 * @param versionRows the version table's rows, ordered by revision
 * @param checksums   in no particular order; a revision no successful upgrade or stamp recorded a checksum for
 *                    is absent, and so is every revision when the checksums were not asked for
 */
public record AppliedState(Set<String> versionRows, List<Checksum> checksums) {

    /** The checksum {@code revision}'s last successful upgrade or stamp recorded. */
    public record Checksum(String revision, String checksum) {}
}
