package dev.migrator.safety;

import java.util.Objects;

/**
 * One rule a revision breaks, where, and what to do instead.
 *
 * @param revision the revision id
 * @param source the revision's file or class, e.g. {@code classpath:db/migrations/5b2e1d0f3c52_orders.sql}
 * @param line the 1-based line of the statement in a SQL file; 0 for a Java revision
 * @param statement the 1-based position of the statement (SQL) or operation (Java) in the upgrade; 0 when
 *     the finding is about the revision as a whole
 * @param sql the statement on one line, abbreviated (or the operation's description)
 * @param message what is unsafe here, why, and the safe alternative
 * @param suppressedBecause the reason given by {@code -- migrator:allow} or {@link AllowUnsafe}, or null
 * @param measured the verdict rests on what the measured mode observed on a scratch database
 */
public record Finding(String revision, String source, int line, int statement, Rule rule, Level level, String sql,
        String message, String suppressedBecause, boolean measured) {

    public Finding {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(level, "level");
    }

    public boolean suppressed() {
        return suppressedBecause != null;
    }

    /** {@code file:line} for a SQL revision, {@code java:Class operation N} for a Java one. */
    public String where() {
        if (line > 0) {
            return source + ":" + line;
        }
        return statement > 0 ? source + " operation " + statement : source;
    }

    /**
     * One line for logs and terminals, e.g. {@code ERROR create-index-non-concurrently 5b2e1d0f3c52
     * (classpath:db/migrations/x.sql:12): CREATE INDEX ... - message}.
     */
    @Override
    public String toString() {
        return (suppressed() ? "SUPPRESSED " : level.name() + " ") + rule.id() + " " + revision + " (" + where() + ")"
                + (sql == null || sql.isEmpty() ? "" : ": " + sql) + " - " + message
                + (suppressed() ? " [allowed: " + suppressedBecause + "]" : "");
    }
}
