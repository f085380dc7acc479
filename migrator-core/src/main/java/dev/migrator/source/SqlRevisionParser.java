package dev.migrator.source;

import dev.migrator.Phase;
import dev.migrator.revision.RevisionIds;
import dev.migrator.revision.Suggestions;
import dev.migrator.revision.RevisionNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses and fully checks one SQL revision file (SPEC §2.1): {@code -- Key: value} header lines, then
 * the sections {@code -- migrate:upgrade}, {@code -- migrate:downgrade} and {@code -- migrate:verify},
 * each split into statements, with the transaction-control rules of {@link TransactionBlocks}.
 *
 * <p>{@link #parse} is the one place that decides whether a file is a valid revision: it goes on
 * after a problem wherever the rest of the file can still be read, and reports every problem of the
 * file in one {@link RevisionLoadException}.
 *
 * <p>A line whose text starts with {@code -- migrate:} is always a section marker, wherever it is
 * (markers are found line by line before statements are split).
 */
final class SqlRevisionParser {

    private static final List<String> SECTIONS = List.of("upgrade", "downgrade", "verify");
    private static final String MARKER = "migrate:";

    private final String source;
    private final String text;
    private final int[] lineStarts; // lineStarts[n] = index of the first char of line n+1; one extra entry = text end + 1
    private final List<String> problems = new ArrayList<>();

    private SqlRevisionParser(String source, String text) {
        this.source = source;
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    /**
     * @param source the location-style name used in messages and {@link LoadedRevision#source()}
     * @throws RevisionLoadException listing every problem of the file
     */
    static LoadedRevision parse(String source, byte[] content) {
        String text = SourceText.decode(source, content);
        return new SqlRevisionParser(source, text).parse(Checksum.of(text));
    }

    private LoadedRevision parse(String checksum) {
        List<Marker> markers = findMarkers();
        int headerEnd = markers.isEmpty() ? lineCount() : markers.get(0).line - 1;
        Map<HeaderKey, Header> headers = parseHeader(headerEnd);

        Header revision = headers.get(HeaderKey.REVISION);
        String id = revision == null ? null : revision.value;
        if (revision == null) {
            problems.add(source + ": missing the \"-- Revision: <id>\" header. Add it at the top "
                    + "of the file, before \"-- migrate:upgrade\", e.g. \"-- Revision: 1f3c9a7e2b44\" (an id is "
                    + RevisionIds.ID_RULE + ").");
        } else if (!RevisionIds.isValidId(id)) {
            problem(revision.line, "invalid revision id \"" + id + "\" in the Revision header: expected " + RevisionIds.ID_RULE,
                    "Change the id (and every Revises or Depends-On that refers to it).");
        }
        List<String> revises = idList(headers.get(HeaderKey.REVISES));
        List<String> dependsOn = idList(headers.get(HeaderKey.DEPENDS_ON));
        Set<String> labels = labelList(headers.get(HeaderKey.BRANCH_LABELS));
        Header message = headers.get(HeaderKey.MESSAGE);
        Phase phase = phase(headers.get(HeaderKey.PHASE));
        Boolean transactional = transactional(headers.get(HeaderKey.TRANSACTIONAL));
        Duration lockTimeout = lockTimeout(headers.get(HeaderKey.LOCK_TIMEOUT));
        Header irreversible = headers.get(HeaderKey.IRREVERSIBLE);
        if (irreversible != null && irreversible.value.isEmpty()) {
            problem(irreversible.line, "the Irreversible header gives no reason",
                    "Say why the revision cannot be undone, e.g. \"-- Irreversible: drops the legacy audit data\"; "
                            + "the reason is quoted to whoever tries to downgrade across it.");
        }

        Marker upgradeMarker = find(markers, "upgrade");
        Marker downgradeMarker = find(markers, "downgrade");
        Marker verifyMarker = find(markers, "verify");
        if (upgradeMarker == null) {
            problems.add(source + ": no \"-- migrate:upgrade\" section. Put the statements of the "
                    + "revision below a line \"-- migrate:upgrade\" that follows the header.");
        }
        if (downgradeMarker == null && irreversible == null) {
            problems.add(source + ": no \"-- migrate:downgrade\" section. Add one with the "
                    + "statements that undo the upgrade, or, if it cannot be undone, declare it in the header with "
                    + "\"-- Irreversible: <why>\".");
        }
        if (downgradeMarker != null && irreversible != null) {
            problem(downgradeMarker.line, "the revision is declared Irreversible (line " + irreversible.line
                    + ") but has a \"-- migrate:downgrade\" section", "Remove one of the two.");
        }

        // A section with no statement (only comments) is a no-op: real histories keep reverted
        // migrations that way, and a merge revision only joins branches.
        List<SqlStatement> upgrade = section(markers, upgradeMarker, transactional);
        List<SqlStatement> downgrade = section(markers, downgradeMarker, transactional);
        SqlStatement verify = verifyMarker == null ? null : verifyQuery(markers, verifyMarker);

        if (!problems.isEmpty()) {
            throw RevisionLoadException.of(problems);
        }
        RevisionNode node = new RevisionNode(id, revises, dependsOn, labels, source);
        return new LoadedRevision(node, message == null ? "" : message.value, phase, transactional, lockTimeout,
                irreversible == null ? null : irreversible.value, checksum, source,
                new RevisionBody.Sql(upgrade, downgrade, verify));
    }

    /** The verify query: one statement returning one boolean (post-deploy checks run it as it is). */
    private SqlStatement verifyQuery(List<Marker> markers, Marker verifyMarker) {
        List<SqlStatement> checks = split(markers, verifyMarker);
        if (checks == null) {
            return null;
        }
        if (checks.size() != 1) {
            problem(verifyMarker.line, "the \"-- migrate:verify\" section must hold exactly one query "
                    + "returning one boolean, but has " + checks.size() + " statements" + linesOf(checks),
                    checks.isEmpty() ? "Add the query or remove the marker."
                            : "Combine them into one query, e.g. SELECT (<check 1>) AND (<check 2>).");
            return null;
        }
        return checks.get(0);
    }

    // ---- sections

    /** A marker line; {@code section} is null for a marker that only bounds the sections around it (a problem). */
    private record Marker(String section, int line) {}

    private List<Marker> findMarkers() {
        List<Marker> markers = new ArrayList<>();
        for (int line = 1; line <= lineCount(); line++) {
            int start = skipSpaces(lineStarts[line - 1], lineEnd(line));
            int end = lineEnd(line);
            if (!text.startsWith("--", start)) {
                continue;
            }
            int nameStart = skipSpaces(start + 2, end);
            if (!text.regionMatches(true, nameStart, MARKER, 0, MARKER.length())) {
                continue;
            }
            String rest = text.substring(nameStart + MARKER.length(), end).strip();
            String name = firstWord(rest).toLowerCase(Locale.ROOT);
            if (!SECTIONS.contains(name)) {
                String suggestion = Suggestions.closest(name, SECTIONS);
                problem(line, "unknown section marker \"" + text.substring(start, end).strip() + "\"",
                        (suggestion == null ? "" : "Did you mean \"-- migrate:" + suggestion + "\"? ")
                                + "The sections are -- migrate:upgrade, -- migrate:downgrade and -- migrate:verify.");
                markers.add(new Marker(null, line));
                continue;
            }
            if (!rest.equalsIgnoreCase(name)) {
                problem(line, "unexpected text after the section marker \"-- migrate:" + name + "\"",
                        "Put the marker alone on its line; revision options go in the header (e.g. \"-- Transactional: false\").");
            }
            Marker previous = find(markers, name);
            if (previous != null) {
                problem(line, "second \"-- migrate:" + name + "\" section (the first is on line " + previous.line + ")",
                        "Merge the two into one section.");
                markers.add(new Marker(null, line));
                continue;
            }
            markers.add(new Marker(name, line));
        }
        return markers;
    }

    /** Up to the first whitespace (no regular expression: this runs for every marker of every file). */
    private static String firstWord(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    private static Marker find(List<Marker> markers, String section) {
        for (Marker marker : markers) {
            if (section.equals(marker.section)) {
                return marker;
            }
        }
        return null;
    }

    /**
     * The statements of an upgrade or downgrade section to run (empty for an absent or comment-only
     * section), after the transaction-control rules; problems are recorded.
     *
     * @param transactional the revision's mode, or null when its header is invalid (then the rules wait for it)
     */
    private List<SqlStatement> section(List<Marker> markers, Marker marker, Boolean transactional) {
        List<SqlStatement> statements = marker == null ? null : split(markers, marker);
        if (statements == null) {
            return List.of();
        }
        if (transactional == null) {
            return statements;
        }
        if (transactional) {
            return List.copyOf(TransactionBlocks.transactional(source, statements, problems));
        }
        TransactionBlocks.nonTransactional(source, marker.section, statements, problems);
        return List.copyOf(statements);
    }

    /** The statements between {@code marker} and the next marker (or the end of the file); null after a problem. */
    private List<SqlStatement> split(List<Marker> markers, Marker marker) {
        int index = 0;
        while (markers.get(index) != marker) { // by identity: a record's equals is costly the first time it runs
            index++;
        }
        int from = Math.min(lineStarts[marker.line], text.length());
        int to = index + 1 < markers.size() ? lineStarts[markers.get(index + 1).line - 1] : text.length();
        try {
            return SqlStatementSplitter.split(source, text, from, Math.max(from, to), marker.line + 1);
        } catch (RevisionLoadException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static String linesOf(List<SqlStatement> statements) {
        if (statements.isEmpty()) {
            return "";
        }
        StringBuilder lines = new StringBuilder(" (on lines ");
        for (int i = 0; i < statements.size(); i++) {
            lines.append(i == 0 ? "" : ", ").append(statements.get(i).line());
        }
        return lines.append(')').toString();
    }

    // ---- header

    private record Header(String value, int line) {}

    private Map<HeaderKey, Header> parseHeader(int lastLine) {
        Map<HeaderKey, Header> headers = new EnumMap<>(HeaderKey.class);
        boolean inBlockComment = false;
        boolean sqlReported = false; // one problem for SQL above the markers, not one per line of it
        for (int line = 1; line <= lastLine; line++) {
            String content = text.substring(lineStarts[line - 1], lineEnd(line)).strip();
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
            Header previous = headers.get(key);
            if (previous != null) {
                problem(line, "duplicate header key \"" + key.displayName() + "\" (first given on line "
                        + previous.line + ")", "Give each key once; separate several ids or labels with commas.");
                continue;
            }
            headers.put(key, new Header(value, line));
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

    private List<String> idList(Header header) {
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

    private Set<String> labelList(Header header) {
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
    private List<String> items(Header header) {
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

    private String keyOf(Header header) {
        String content = text.substring(lineStarts[header.line - 1], lineEnd(header.line)).strip().substring(2).strip();
        return content.substring(0, content.indexOf(':')).strip();
    }

    private Phase phase(Header header) {
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
    private Boolean transactional(Header header) {
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

    private Duration lockTimeout(Header header) {
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

    // ---- lines

    private static int[] lineStarts(String text) {
        // indexOf is an intrinsic: fast even before the JIT has compiled this method, which matters in
        // a fresh process that loads 1,000 files once (a charAt loop ran interpreted most of that time).
        int[] starts = new int[16];
        int count = 1;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            if (count + 1 >= starts.length) {
                starts = java.util.Arrays.copyOf(starts, starts.length * 2);
            }
            starts[count++] = nl + 1;
        }
        starts = java.util.Arrays.copyOf(starts, count + 1);
        starts[count] = text.length() + 1;
        return starts;
    }

    private int lineCount() {
        return lineStarts.length - 1;
    }

    /** Index of the '\n' ending {@code line} (or the text's end). */
    private int lineEnd(int line) {
        return lineStarts[line] - 1;
    }

    private int skipSpaces(int index, int end) {
        while (index < end && (text.charAt(index) == ' ' || text.charAt(index) == '\t')) {
            index++;
        }
        return index;
    }

    private void problem(int line, String what, String todo) {
        problems.add(source + ":" + line + ": " + what + ". " + todo);
    }
}
