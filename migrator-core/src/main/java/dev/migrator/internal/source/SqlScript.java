package dev.migrator.internal.source;

import java.util.List;

/**
 * Splits a whole SQL script into statements with the same PostgreSQL-aware splitter revision files
 * use (quotes, {@code E''} strings, dollar quoting, nested comments, {@code BEGIN ATOMIC} bodies). For
 * tools that run a script through JDBC one statement at a time, such as migrator-test running an
 * offline script ({@code Migrator.upgradeSql}) the way {@code psql -f} would.
 */
public final class SqlScript {

    private SqlScript() {}

    /**
     * @param source names the script in error messages
     * @param text   the script; CRLF and CR line endings are read as LF
     * @return the statements without their {@code ;}, each with the 1-based line it starts on
     */
    public static List<SqlStatement> statements(String source, String text) {
        String normalised = SourceText.normalizeLineEndings(text);
        return SqlStatementSplitter.split(source, normalised, 0, normalised.length(), 1);
    }
}
