package dev.migrator.internal.safety;

import dev.migrator.safety.AllowUnsafe;

import dev.migrator.safety.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code -- migrator:allow <rule>[, <rule>...]: <reason>} comment (or one {@link AllowUnsafe}).
 *
 * @param ruleId the rule as written
 * @param rule the rule, or null when the id names none
 * @param reason the reason, or null when none is given
 * @param line the comment's line, 0 for an annotation
 */
record Suppression(String ruleId, Rule rule, String reason, int line) {

    private static final String MARKER = "migrator:allow";

    boolean isValid() {
        return rule != null && reason != null && !reason.isBlank();
    }

    boolean allows(Rule candidate) {
        return isValid() && rule == candidate;
    }

    /**
     * The allow comments directly above the statement starting on {@code statementLine}: the run of
     * comment-only and blank lines that ends on the line before it (a comment after code on the same
     * line belongs to that code, not to the next statement).
     *
     * @param lines the file's lines, {@code lines[0]} being line 1
     */
    static List<Suppression> above(String[] lines, int statementLine) {
        List<Suppression> found = new ArrayList<>();
        for (int line = statementLine - 1; line >= 1 && line <= lines.length; line--) {
            String text = lines[line - 1].strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!text.startsWith("--") || text.substring(2).strip().toLowerCase(Locale.ROOT).startsWith("migrate:")) {
                break; // code, or a section marker
            }
            found.addAll(parse(text.substring(2).strip(), line));
        }
        return found;
    }

    /** The suppressions in one comment's text (after {@code --}); none when it is not an allow comment. */
    static List<Suppression> parse(String comment, int line) {
        if (!comment.regionMatches(true, 0, MARKER, 0, MARKER.length())) {
            return List.of();
        }
        String rest = comment.substring(MARKER.length()).strip();
        int colon = rest.indexOf(':');
        String rules = colon < 0 ? rest : rest.substring(0, colon);
        String reason = colon < 0 ? null : rest.substring(colon + 1).strip();
        List<Suppression> suppressions = new ArrayList<>();
        for (String id : rules.split(",")) {
            if (!id.isBlank()) {
                suppressions.add(new Suppression(id.strip(), Rule.byId(id), reason == null || reason.isEmpty() ? null : reason, line));
            }
        }
        if (suppressions.isEmpty()) {
            suppressions.add(new Suppression("", null, reason, line));
        }
        return suppressions;
    }

    static List<Suppression> of(Class<?> revisionClass) {
        List<Suppression> found = new ArrayList<>();
        for (AllowUnsafe allow : revisionClass.getAnnotationsByType(AllowUnsafe.class)) {
            found.add(new Suppression(allow.rule(), Rule.byId(allow.rule()),
                    allow.reason().isBlank() ? null : allow.reason().strip(), 0));
        }
        return found;
    }

    /** What is wrong with an invalid suppression, for its finding. */
    String problem() {
        if (rule == null) {
            String suggestion = dev.migrator.internal.revision.Suggestions.closest(ruleId, ids());
            return (ruleId.isEmpty() ? "names no rule" : "names no rule \"" + ruleId + "\"")
                    + (suggestion == null ? "" : " (did you mean \"" + suggestion + "\"?)")
                    + ", so it suppresses nothing. Write -- migrator:allow <rule>: <reason> with a rule id from "
                    + "docs/safety-rules.md.";
        }
        return "gives no reason for allowing " + rule.id() + ", so it suppresses nothing. Say why the statement is "
                + "safe here after a colon: -- migrator:allow " + rule.id() + ": <reason>.";
    }

    private static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            ids.add(rule.id());
        }
        return ids;
    }
}
