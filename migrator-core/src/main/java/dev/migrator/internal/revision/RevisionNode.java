package dev.migrator.internal.revision;

import java.util.List;
import java.util.Set;

/**
 * A revision as the graph sees it: pure data, no files, no SQL.
 *
 * @param revises   parent ids (none: a base; several: a merge)
 * @param dependsOn ids that must be applied first without being parents
 * @param source    where it was defined, for error messages (a file path or class name)
 */
public record RevisionNode(String id, List<String> revises, List<String> dependsOn, Set<String> branchLabels, String source) {

    public RevisionNode {
        revises = List.copyOf(revises);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = Set.copyOf(branchLabels);
    }

    public static RevisionNode of(String id, String... revises) {
        return new RevisionNode(id, List.of(revises), List.of(), Set.of(), id);
    }
}
