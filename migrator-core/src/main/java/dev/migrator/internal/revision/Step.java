package dev.migrator.internal.revision;

import dev.migrator.Direction;
import java.util.Set;

/**
 * One revision to run (or, for a stamp, to record) and the version-table change that goes with it.
 * Executing the steps of a {@link Plan} in order and applying each row change turns the plan's
 * {@code before} rows into its {@code after} rows.
 *
 * @param removedRows version-table rows this step deletes
 * @param addedRows   version-table rows this step inserts
 */
public record Step(String revision, Direction direction, Set<String> removedRows, Set<String> addedRows) {

    public Step {
        removedRows = Set.copyOf(removedRows);
        addedRows = Set.copyOf(addedRows);
    }
}
