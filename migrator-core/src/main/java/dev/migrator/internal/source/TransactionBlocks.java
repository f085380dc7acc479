package dev.migrator.internal.source;

import java.util.List;

/**
 * What a section may hold in the way of transaction control ({@link TransactionControl}), checked
 * when the file is loaded.
 *
 * <p>A transactional revision runs in one transaction of Migrator's, together with its version-table
 * row: a statement that ended or opened a transaction inside it would commit part of the revision
 * without the row (and leave the rest to fail on its own). So the only transaction control it may
 * hold is a wrapper around the whole section, {@code BEGIN;} ... {@code COMMIT;}, as files written for
 * psql often have: the wrapper is dropped and the body runs in Migrator's transaction.
 *
 * <p>A non-transactional revision runs its statements as written, in autocommit mode, so it may hold
 * its own blocks, each closed in the section that opens it: Migrator records the revision after its
 * last statement and must not find (or commit) a transaction the revision left open.
 */
final class TransactionBlocks {

    private TransactionBlocks() {}

    /**
     * The statements of a transactional revision's section to run: without the {@code BEGIN;} ... {@code
     * COMMIT;} wrapper if the section has one. Every other transaction-control statement is a problem.
     */
    static List<SqlStatement> transactional(String source, List<SqlStatement> statements, List<String> problems) {
        List<SqlStatement> body = statements;
        int last = statements.size() - 1;
        TransactionControl first = last >= 1 ? TransactionControl.of(statements.get(0).sql()) : TransactionControl.NONE;
        if (first.opens() && TransactionControl.of(statements.get(last).sql()) == TransactionControl.COMMIT) {
            if (first == TransactionControl.BEGIN_WITH_MODES) {
                problems.add(source + ":" + statements.get(0).line() + ": " + quoted(statements.get(0)) + " wraps the "
                        + "section with transaction modes, but a transactional revision runs in Migrator's own "
                        + "transaction (at the server's default isolation level), where they would not apply. Remove "
                        + "the modes (the BEGIN; ... COMMIT; wrapper is then dropped), or declare "
                        + "\"-- Transactional: false\" to run the block as written.");
            }
            body = statements.subList(1, last);
        }
        for (SqlStatement statement : body) {
            TransactionControl kind = TransactionControl.of(statement.sql());
            if (kind == TransactionControl.TWO_PHASE) {
                problems.add(twoPhase(source, statement));
            } else if (kind != TransactionControl.NONE) {
                problems.add(source + ":" + statement.line() + ": " + quoted(statement) + " in a transactional "
                        + "revision. Migrator runs the revision and its version-table row in one transaction of its own; "
                        + "a statement that ends or opens a transaction inside it would commit part of the revision "
                        + "without the row. Remove it (a section wrapped as a whole in BEGIN; ... COMMIT; is accepted: "
                        + "the wrapper is dropped), or declare \"-- Transactional: false\" to run the statements as "
                        + "written in autocommit mode (the revision must then be idempotent).");
            }
        }
        return body;
    }

    /** A non-transactional revision's blocks: each BEGIN closed by a COMMIT or ROLLBACK in the same section, none nested. */
    static void nonTransactional(String source, String section, List<SqlStatement> statements, List<String> problems) {
        SqlStatement open = null;
        for (SqlStatement statement : statements) {
            TransactionControl kind = TransactionControl.of(statement.sql());
            if (kind == TransactionControl.TWO_PHASE) {
                problems.add(twoPhase(source, statement));
            } else if (kind.opens()) {
                if (open != null) {
                    problems.add(source + ":" + statement.line() + ": " + quoted(statement) + " inside the "
                            + "transaction block opened on line " + open.line() + ". PostgreSQL does not nest "
                            + "transactions: end that block with COMMIT first, or use SAVEPOINT inside it.");
                } else {
                    open = statement;
                }
            } else if (kind.ends() || kind == TransactionControl.CHAIN) {
                if (open == null) {
                    problems.add(source + ":" + statement.line() + ": " + quoted(statement) + " with no transaction "
                            + "block open. In a non-transactional revision every statement outside a BEGIN; ... "
                            + "COMMIT; block commits on its own: remove it, or add the BEGIN it belongs to.");
                } else if (kind.ends()) {
                    open = null;
                }
            }
        }
        if (open != null) {
            problems.add(source + ":" + open.line() + ": the transaction block opened by " + quoted(open)
                    + " is not closed in the \"-- migrate:" + section + "\" section. End it with COMMIT; in the "
                    + "same section: Migrator records the revision after its last statement, and a block left open "
                    + "would be committed (or lost) with that record.");
        }
    }

    private static String twoPhase(String source, SqlStatement statement) {
        return source + ":" + statement.line() + ": " + quoted(statement) + ": two-phase commit is not supported in "
                + "a revision. A prepared transaction outlives the session and keeps its locks until someone commits "
                + "or rolls it back; run it outside migrations.";
    }

    /** The statement on one line, cut to 60 characters, in quotes. */
    private static String quoted(SqlStatement statement) {
        String oneLine = statement.sql().strip().replaceAll("\\s+", " ");
        return "\"" + (oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine) + "\"";
    }
}
