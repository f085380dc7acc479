package dev.migrator.internal.safety;

import dev.migrator.operation.Operation;
import java.util.List;

/**
 * One statement of a SQL revision's upgrade, or one (leaf) operation of a Java revision's, with what the
 * rules need about it.
 *
 * @param index 1-based position in the upgrade
 * @param line the statement's line in its file; 0 for an operation
 * @param sql the statement as written (for a Java revision, the SQL of {@code execute} or the operation's description)
 * @param transaction which transaction of the revision it runs in: units with the same number share one
 * @param outsideTransaction it must run outside the revision's transaction (a Java revision's concurrent
 *     index build, batch update or autocommit block), which the engine refuses in a transactional revision
 * @param operation the operation of a Java revision, or null
 * @param allows the suppressions that apply to it
 */
record Unit(int index, int line, String sql, List<StatementShape> shapes, int transaction, boolean outsideTransaction,
        Operation operation,
        List<Suppression> allows) {

    /** The statement on one line, cut to 160 characters. */
    String abbreviated() {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine;
    }

    /** The string constants of the statement (for a use of an enum value added earlier in the same transaction). */
    List<String> strings() {
        return SqlTokenizer.tokenize(sql).stream().filter(t -> t.kind() == SqlToken.Kind.STRING).map(SqlToken::text).toList();
    }
}
