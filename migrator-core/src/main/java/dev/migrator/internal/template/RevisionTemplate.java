package dev.migrator.internal.template;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.Phase;
import dev.migrator.internal.revision.RevisionIds;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A new revision to write: the text of its SQL file or Java class, with both sections, and the conventional
 * file and class names. What {@code migrator revision} and {@code migrator merge} write; it loads as written.
 *
 * @param revises parents: none for a base, several for a merge
 * @param body the upgrade statements to put in place of the placeholder comment, or null for the placeholder
 *     (an import carries the original file's text here)
 * @param downgrade the downgrade statements, or null for the placeholder
 * @param irreversible a reason to write as the {@code Irreversible} header instead of a downgrade section, or null
 */
public record RevisionTemplate(String id, List<String> revises, String message, Set<String> branchLabels,
        List<String> dependsOn, Phase phase, boolean transactional, String body, String downgrade, String irreversible) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public RevisionTemplate {
        if (!RevisionIds.isValidId(id)) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "Invalid revision id \"" + id + "\": expected "
                    + RevisionIds.ID_RULE + ".");
        }
        revises = List.copyOf(revises);
        message = oneLine(Objects.requireNonNullElse(message, ""));
        branchLabels = new TreeSet<>(branchLabels);
        for (String label : branchLabels) {
            if (!RevisionIds.isValidLabel(label)) {
                throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "Invalid branch label \"" + label
                        + "\": expected " + RevisionIds.LABEL_RULE + ".");
            }
        }
        dependsOn = List.copyOf(dependsOn);
        phase = Objects.requireNonNullElse(phase, Phase.EXPAND);
    }

    /** A plain revision with placeholder sections. */
    public static RevisionTemplate of(String id, List<String> revises, String message) {
        return new RevisionTemplate(id, revises, message, Set.of(), List.of(), Phase.EXPAND, true, null, null, null);
    }

    /** A fresh generated id: 12 lowercase hex characters from a secure random source (SPEC §2). */
    public static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** {@code add email to users} → {@code add_email_to_users}: lowercase ASCII words, at most 40 characters. */
    public static String slug(String message) {
        String slug = oneLine(message == null ? "" : message).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("_+$", "");
        }
        return slug.isEmpty() ? "revision" : slug;
    }

    /** The conventional SQL file name, {@code <id>_<slug>.sql}. */
    public String sqlFileName() {
        return id + "_" + slug(message) + ".sql";
    }

    /** A Java class name from the message ({@code add email to users} → {@code AddEmailToUsers}). */
    public String javaClassName() {
        StringBuilder name = new StringBuilder();
        for (String word : slug(message).split("_")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        if (name.length() == 0 || !Character.isJavaIdentifierStart(name.charAt(0))) {
            name.insert(0, "Revision");
        }
        return name.toString();
    }

    /** The SQL revision file: the header, then the upgrade and downgrade sections. */
    public String sql() {
        StringBuilder sql = new StringBuilder();
        sql.append("-- Revision: ").append(id).append('\n');
        sql.append("-- Revises: ").append(String.join(", ", revises)).append('\n');
        sql.append("-- Message: ").append(message).append('\n');
        if (!branchLabels.isEmpty()) {
            sql.append("-- Branch-Labels: ").append(String.join(", ", branchLabels)).append('\n');
        }
        if (!dependsOn.isEmpty()) {
            sql.append("-- Depends-On: ").append(String.join(", ", dependsOn)).append('\n');
        }
        if (phase == Phase.CONTRACT) {
            sql.append("-- Phase: contract\n");
        }
        if (!transactional) {
            sql.append("-- Transactional: false\n");
        }
        if (irreversible != null) {
            sql.append("-- Irreversible: ").append(oneLine(irreversible)).append('\n');
        }
        sql.append("\n-- migrate:upgrade\n");
        sql.append(body != null ? withNewline(body) : revises.size() > 1
                ? "-- A merge revision joins branches; it usually has no statements of its own.\n"
                : "-- TODO the statements that make the change" + (transactional ? "" : " (no transaction: keep them "
                        + "idempotent, e.g. CREATE INDEX CONCURRENTLY IF NOT EXISTS)") + ". Until they are written this "
                        + "revision is a no-op.\n");
        if (irreversible == null) {
            sql.append("\n-- migrate:downgrade\n");
            sql.append(downgrade != null ? withNewline(downgrade) : revises.size() > 1
                    ? "-- Nothing to undo for a merge.\n"
                    : "-- TODO the statements that undo the upgrade.\n");
        }
        return sql.toString();
    }

    /** A Java revision class in {@code packageName} with empty {@code upgrade} and {@code downgrade} methods. */
    public String java(String packageName, String className) {
        StringBuilder java = new StringBuilder();
        if (packageName != null && !packageName.isEmpty()) {
            java.append("package ").append(packageName).append(";\n\n");
        }
        java.append("import dev.migrator.Migration;\n");
        if (phase == Phase.CONTRACT) {
            java.append("import dev.migrator.Phase;\n");
        }
        java.append("import dev.migrator.Revision;\nimport dev.migrator.operation.Operations;\n\n");
        java.append("@Revision(id = \"").append(id).append('"');
        java.append(", revises = ").append(array(revises));
        java.append(",\n        message = \"").append(javaString(message)).append('"');
        if (!branchLabels.isEmpty()) {
            java.append(", branchLabels = ").append(array(List.copyOf(branchLabels)));
        }
        if (!dependsOn.isEmpty()) {
            java.append(", dependsOn = ").append(array(dependsOn));
        }
        if (phase == Phase.CONTRACT) {
            java.append(", phase = Phase.CONTRACT");
        }
        if (!transactional) {
            java.append(", transactional = false");
        }
        java.append(")\npublic class ").append(className).append(" implements Migration {\n\n");
        java.append("    @Override\n    public void upgrade(Operations op) {\n        // the change, e.g. op.addColumn(...)\n    }\n\n");
        java.append("    @Override\n    public void downgrade(Operations op) {\n        // what undoes the upgrade\n    }\n}\n");
        return java.toString();
    }

    private static String array(List<String> values) {
        if (values.size() == 1) {
            return "\"" + javaString(values.get(0)) + "\"";
        }
        StringBuilder array = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            array.append(i == 0 ? "" : ", ").append('"').append(javaString(values.get(i))).append('"');
        }
        return array.append('}').toString();
    }

    private static String javaString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** A header value is one line: a message with line breaks would end the header. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static String withNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }
}
