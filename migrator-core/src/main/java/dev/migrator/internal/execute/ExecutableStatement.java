package dev.migrator.internal.execute;

import java.util.List;

/**
 * One statement the engine sends, with where it came from for error messages.
 *
 * @param params       JDBC parameters (Java revisions' {@code execute(sql, params)}); empty for SQL files
 * @param source       the revision's file or class, or null for the engine's own statements
 * @param line         1-based line in {@code source}, or 0 when unknown (Java revisions, bookkeeping)
 * @param expectedRows rows the statement must touch, or -1 for unchecked (only bookkeeping checks)
 */
record ExecutableStatement(String sql, List<Object> params, String source, int line, int expectedRows) {

    ExecutableStatement {
        params = List.copyOf(params);
    }

    static ExecutableStatement engine(String sql) {
        return new ExecutableStatement(sql, List.of(), null, 0, -1);
    }

    static ExecutableStatement engine(String sql, int expectedRows) {
        return new ExecutableStatement(sql, List.of(), null, 0, expectedRows);
    }

    boolean fromRevision() {
        return source != null;
    }

    /** {@code file:line} or the class name, for messages. */
    String where() {
        if (source == null) {
            return "Migrator's bookkeeping";
        }
        return line > 0 ? source + ":" + line : source;
    }

    /** The statement on one line, cut to {@code max} characters. */
    String abbreviated(int max) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() > max ? oneLine.substring(0, max - 3) + "..." : oneLine;
    }
}
