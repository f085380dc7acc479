package dev.migrator.internal.source;

import dev.migrator.Phase;
import dev.migrator.internal.revision.RevisionIds;
import dev.migrator.internal.revision.Suggestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The header of a SQL revision file: the {@code -- Key: value} lines before the first section marker,
 * and their values. A problem (an unknown or repeated key, an invalid value) is recorded and parsing goes
 * on, so that {@link SqlRevisionParser} reports every problem of the file at once.
 */
final class SqlRevisionHeader {

    /** A header line's value and its 1-based line. */
    record Line(String value, int line) {}

    private final String source;
    private final String text;
    private final int[] lineStarts;
    private final List<String> problems;
    private final Map<HeaderKey, Line> headers;

    /**
     * @param lineStarts the parser's line index: {@code lineStarts[n]} is the first character of line n+1
     * @param lastLine   the last line of the header (the line before the first marker)
     * @param problems   where problems are recorded, in the order found
     */
    SqlRevisionHeader(String source, String text, int[] lineStarts, int lastLine, List<String> problems) {
        this.source = source;
        this.text = text;
        this.lineStarts = lineStarts;
        this.problems = problems;
        this.headers = parse(lastLine);
    }

    /** The line of {@code key}, or null when the header does not have it. */
    Line get(HeaderKey key) {
        return headers.get(key);
    }

    private Map<HeaderKey, Line> parse(int lastLine) {
        Map<HeaderKey, Line> headers = new EnumMap<>(HeaderKey.class);
        boolean inBlockComment = false;
        boolean sqlReported = false; // one problem for SQL above the markers, not one per line of it
        for (int line = 1; line <= lastLine; line++) {
            String content = text.substring(lineStarts[line - 1], lineStarts[line] - 1).strip();
            if (inBlockComment || content.startsWith("/*")) { // a licence or description block above the header
                int close = content.indexOf("*/", inBlockComment ? 0 : 2);
                inBlockComment = close < 0;
                content = inBlockComment ? "" : content.substring(close + 2).strip();
            }
            if (content.isEmpty()) {
                continue;
            }
            if (!content.startsWith("--")) {
                if (!sqlReported) {
                    problem(line, "SQL before the first section marker",
                            "Put the statements below a line \"-- migrate:upgrade\"; only \"-- Key: value\" header "
                                    + "lines and comments may come before it.");
                    sqlReported = true;
                }
                continue;
            }
            String comment = content.substring(2).strip();
            int colon = comment.indexOf(':');
            if (colon <= 0 || !isKeyName(comment.substring(0, colon).strip()) || comment.startsWith("//", colon + 1)) {
                continue; // a free comment (or a link: "-- https://tracker/TICKET-1")
            }
            String name = comment.substring(0, colon).strip();
            String value = comment.substring(colon + 1).strip();
            HeaderKey key = HeaderKey.lookup(name);
            if (key == null) {
                String suggestion = Suggestions.closest(name, HeaderKey.displayNames());
                problem(line, "unknown header key \"" + name + "\"",
                        (suggestion == null ? "" : "Did you mean \"" + suggestion + "\"? ")
                                + "The header keys are " + String.join(", ", HeaderKey.displayNames())
                                + ". Before the first section marker a comment of the form \"-- Word: text\" is read "
                                + "as a header line: reword a free comment (e.g. without the colon).");
                continue;
            }
            Line previous = headers.get(key);
            if (previous != null) {
                problem(line, "duplicate header key \"" + key.displayName() + "\" (first given on line "
                        + previous.line + ")", "Give each key once; separate several ids or labels with commas.");
                continue;
            }
            headers.put(key, new Line(value, line));
        }
        return headers;
    }

    private static boolean isKeyName(String name) {
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The ids of a list header ({@code Revises}, {@code Depends-On}); invalid ones are problems. */
    List<String> ids(HeaderKey key) {
        Line header = headers.get(key);
        List<String> ids = new ArrayList<>();
        for (String id : items(header)) {
            if (!RevisionIds.isValidId(id)) {
                problem(header.line, "invalid revision id \"" + id + "\" in " + keyOf(header) + ": expected "
                        + RevisionIds.ID_RULE, "Use the id from the \"-- Revision:\" header of the revision you mean.");
                continue;
            }
            ids.add(id);
        }
        return ids;
    }

    /** The {@code Branch-Labels}; invalid ones are problems. */
    Set<String> labels() {
        Line header = headers.get(HeaderKey.BRANCH_LABELS);
        Set<String> labels = new LinkedHashSet<>();
        for (String label : items(header)) {
            if (!RevisionIds.isValidLabel(label)) {
                problem(header.line, "invalid branch label \"" + label + "\": expected " + RevisionIds.LABEL_RULE,
                        "Rename the label.");
                continue;
            }
            labels.add(label);
        }
        return labels;
    }

    /** The comma-separated items of a list header; each may appear once. */
    private List<String> items(Line header) {
        List<String> items = new ArrayList<>();
        if (header == null) {
            return items;
        }
        for (String part : header.value.split(",")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            if (items.contains(item)) {
                problem(header.line, "\"" + item + "\" is listed twice", "List it once.");
                continue;
            }
            items.add(item);
        }
        return items;
    }

    private String keyOf(Line header) {
        String content = text.substring(lineStarts[header.line - 1], lineStarts[header.line] - 1).strip().substring(2).strip();
        return content.substring(0, content.indexOf(':')).strip();
    }

    /** {@code expand} when absent or invalid (a problem). */
    Phase phase() {
        Line header = headers.get(HeaderKey.PHASE);
        if (header == null) {
            return Phase.EXPAND;
        }
        for (Phase phase : Phase.values()) {
            if (phase.label().equalsIgnoreCase(header.value)) {
                return phase;
            }
        }
        problem(header.line, "invalid Phase \"" + header.value + "\": expected \"expand\" or \"contract\"",
                "Use \"expand\" for a change old code survives, \"contract\" for one that removes what old code needs.");
        return Phase.EXPAND;
    }

    /** Null when the value is invalid (a problem). */
    Boolean transactional() {
        Line header = headers.get(HeaderKey.TRANSACTIONAL);
        if (header == null) {
            return true;
        }
        if (header.value.equalsIgnoreCase("true") || header.value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(header.value.toLowerCase(Locale.ROOT));
        }
        problem(header.line, "invalid Transactional \"" + header.value + "\": expected \"true\" or \"false\"",
                "Write \"false\" only for statements PostgreSQL refuses in a transaction (CREATE INDEX CONCURRENTLY), "
                        + "and make them idempotent.");
        return null;
    }

    /** Null when absent or invalid (a problem). */
    Duration lockTimeout() {
        Line header = headers.get(HeaderKey.LOCK_TIMEOUT);
        if (header == null) {
            return null;
        }
        try {
            return Durations.parse(header.value);
        } catch (IllegalArgumentException e) {
            problem(header.line, "invalid Lock-Timeout \"" + header.value + "\": expected " + Durations.EXPECTED,
                    "Fix the value, or remove the header to use the configured lock timeout.");
            return null;
        }
    }

    private void problem(int line, String what, String todo) {
        problems.add(source + ":" + line + ": " + what + ". " + todo);
    }
}
