package dev.migrator.source;

import java.util.List;

/**
 * One {@code -- migrate:<name>} section of a SQL revision, split into statements on first use.
 *
 * <p>Splitting is the costliest part of reading a file, and most runs execute few of the revisions
 * they load (a no-op start with 1,000 applied revisions executes none), so loading only finds the
 * section's bounds. A command splits every section it will run before it runs the first one, so a
 * malformed statement still stops it with nothing applied; {@code validate} splits them all.
 */
final class SqlSection {

    private final String source;
    private final String text;
    private final String name;
    private final int markerLine;
    private final int from;
    private final int to;
    private final boolean mayBeEmpty;
    private volatile List<SqlStatement> statements; // splitting twice in a race is harmless: same result

    /**
     * @param markerLine the line of the {@code -- migrate:<name>} marker; the section starts on the next line
     * @param from       index of the first character after the marker's line
     * @param to         index of the next marker's line, or the end of the text
     * @param mayBeEmpty whether a section without statements is legal (a merge's upgrade, a downgrade)
     */
    SqlSection(String source, String text, String name, int markerLine, int from, int to, boolean mayBeEmpty) {
        this.source = source;
        this.text = text;
        this.name = name;
        this.markerLine = markerLine;
        this.from = from;
        this.to = Math.max(from, to);
        this.mayBeEmpty = mayBeEmpty;
    }

    /** The whole file's text (LF line endings), which the statements' line numbers refer to. */
    String text() {
        return text;
    }

    /** @throws RevisionLoadException naming file, line and statement when the section is malformed */
    List<SqlStatement> statements() {
        List<SqlStatement> split = statements;
        if (split == null) {
            split = List.copyOf(SqlStatementSplitter.split(source, text, from, to, markerLine + 1));
            if (split.isEmpty() && !mayBeEmpty) {
                throw new RevisionLoadException(source + ":" + markerLine + ": the \"-- migrate:" + name
                        + "\" section has no statement. Add the statements of the revision below the marker "
                        + "(only a merge revision may be empty).");
            }
            statements = split;
        }
        return split;
    }
}
