package dev.migrator.commands;

import dev.migrator.ErrorCode;
import dev.migrator.Migrator;
import dev.migrator.MigratorException;
import dev.migrator.Phase;
import dev.migrator.result.RevisionInfo;
import dev.migrator.commands.project.RevisionSources;
import dev.migrator.internal.template.RevisionTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code revision} and {@code merge}: write a new revision file from the template, on top of the code's graph. */
public final class NewRevision {

    /**
     * @param head where the revision goes: null for the code's only head, {@code base} for a new root, or a target
     *     naming one revision ({@code <id>}, {@code <label>@head})
     */
    public record Request(String message, boolean java, String head, Set<String> branchLabels, List<String> dependsOn,
            Phase phase, boolean transactional) {}

    public record Written(Path file, RevisionTemplate template) {}

    private NewRevision() {}

    public static Written revision(Workspace workspace, Request request) {
        requireMessage(request.message());
        Migrator migrator = workspace.migrator();
        List<String> revises = parentsFor(migrator, request.head());
        List<String> dependsOn = new ArrayList<>();
        for (String dependency : request.dependsOn()) {
            dependsOn.add(one(migrator, dependency, "--depends-on"));
        }
        RevisionTemplate template = new RevisionTemplate(RevisionTemplate.newId(), revises, request.message(),
                request.branchLabels(), dependsOn, request.phase(), request.transactional(), null, null, null);
        return write(workspace.sources(), template, request.java());
    }

    /** A merge of {@code revisions} (targets; {@code heads} when empty), which must name two revisions or more. */
    public static Written merge(Workspace workspace, String message, List<String> revisions) {
        requireMessage(message);
        Migrator migrator = workspace.migrator();
        Set<String> parents = new LinkedHashSet<>();
        for (String target : revisions.isEmpty() ? List.of("heads") : revisions) {
            parents.addAll(migrator.resolve(target));
        }
        if (parents.size() < 2) {
            throw new MigratorException(ErrorCode.TARGET_INVALID, "Nothing to merge: " + (revisions.isEmpty() ? "heads" : revisions)
                    + " names " + (parents.isEmpty() ? "no revision" : "only " + parents) + ". A merge joins two heads or more; "
                    + "'migrator heads' lists them.");
        }
        RevisionTemplate template = RevisionTemplate.of(RevisionTemplate.newId(), List.copyOf(parents), message);
        return write(workspace.sources(), template, false);
    }

    private static List<String> parentsFor(Migrator migrator, String head) {
        if (head != null && head.strip().equals("base")) {
            return List.of();
        }
        if (head != null) {
            return List.of(one(migrator, head, "--head"));
        }
        List<RevisionInfo> heads = migrator.heads();
        if (heads.size() > 1) {
            List<String> described = new ArrayList<>();
            for (RevisionInfo info : heads) {
                described.add(info.revision() + (info.branchLabels().isEmpty() ? "" : " " + info.branchLabels()) + " " + info.message());
            }
            throw new MigratorException(ErrorCode.TARGET_INVALID, "The code has " + heads.size() + " heads:\n  "
                    + String.join("\n  ", described) + "\nSay which one the new revision revises with --head <id> or "
                    + "--head <label>@head, or join them first with 'migrator merge -m \"merge\"'.");
        }
        return heads.isEmpty() ? List.of() : List.of(heads.get(0).revision());
    }

    private static String one(Migrator migrator, String target, String option) {
        List<String> ids = migrator.resolve(target);
        if (ids.size() != 1) {
            throw new MigratorException(ErrorCode.TARGET_INVALID, option + " " + target + " names " + ids.size()
                    + " revisions (" + String.join(", ", ids) + "): name one, by id or <label>@head.");
        }
        return ids.get(0);
    }

    private static Written write(RevisionSources sources, RevisionTemplate template, boolean java) {
        Path file;
        String text;
        if (java) {
            RevisionSources.JavaTarget target = sources.newJavaRevisionTarget();
            String className = template.javaClassName();
            if (Files.exists(target.directory().resolve(className + ".java"))) {
                className = className + "_" + template.id(); // the same message twice: keep both classes
            }
            file = target.directory().resolve(className + ".java");
            text = template.java(target.packageName(), className);
        } else {
            file = sources.newRevisionDirectory().resolve(template.sqlFileName());
            text = template.sql();
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new MigratorException(ErrorCode.LOCATION_INVALID, "Cannot write the new revision " + file + ": " + e, e);
        }
        return new Written(file, template);
    }

    private static void requireMessage(String message) {
        if (message == null || message.isBlank()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "A revision needs a message: -m \"what it changes\".");
        }
    }
}
