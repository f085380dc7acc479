package dev.migrator.internal.source;

import dev.migrator.Phase;
import dev.migrator.internal.revision.RevisionIds;
import dev.migrator.internal.revision.Suggestions;
import dev.migrator.internal.revision.RevisionNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        SqlRevisionHeader header = new SqlRevisionHeader(source, text, lineStarts, headerEnd, problems);

        SqlRevisionHeader.Line revision = header.get(HeaderKey.REVISION);
        String id = revision == null ? null : revision.value();
        if (revision == null) {
            problems.add(source + ": missing the \"-- Revision: <id>\" header. Add it at the top "
                    + "of the file, before \"-- migrate:upgrade\", e.g. \"-- Revision: 1f3c9a7e2b44\" (an id is "
                    + RevisionIds.ID_RULE + ").");
        } else if (!RevisionIds.isValidId(id)) {
            problem(revision.line(), "invalid revision id \"" + id + "\" in the Revision header: expected " + RevisionIds.ID_RULE,
                    "Change the id (and every Revises or Depends-On that refers to it).");
        }
        List<String> revises = header.ids(HeaderKey.REVISES);
        List<String> dependsOn = header.ids(HeaderKey.DEPENDS_ON);
        Set<String> labels = header.labels();
        SqlRevisionHeader.Line message = header.get(HeaderKey.MESSAGE);
        Phase phase = header.phase();
        Boolean transactional = header.transactional();
        Duration lockTimeout = header.lockTimeout();
        SqlRevisionHeader.Line irreversible = header.get(HeaderKey.IRREVERSIBLE);
        if (irreversible != null && irreversible.value().isEmpty()) {
            problem(irreversible.line(), "the Irreversible header gives no reason",
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
            problem(downgradeMarker.line, "the revision is declared Irreversible (line " + irreversible.line()
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
        return new LoadedRevision(node, message == null ? "" : message.value(), phase, transactional, lockTimeout,
                irreversible == null ? null : irreversible.value(), checksum, source,
                new RevisionBody.Sql(text, upgrade, downgrade, verify));
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
