package dev.migrator.internal.source;

/** One statement of a SQL section, with the 1-based line of the file it starts on (for error messages). */
public record SqlStatement(String sql, int line) {}
