package dev.migrator.internal.dialect;

import dev.migrator.operation.Operation;
import java.util.List;

/**
 * Everything that differs between databases when rendering operations: quoting and the SQL of
 * each operation. A second database is a second implementation, not an edit of the first.
 */
public interface Dialect {

    /** Quotes an identifier when needed (mixed case, reserved words, odd characters). */
    String quote(String identifier);

    /** The statements that perform {@code operation} inside a transactional revision, in order. */
    default List<String> render(Operation operation) {
        return render(operation, RenderContext.TRANSACTIONAL);
    }

    /**
     * The statements that perform {@code operation} in {@code context}, in order. The executor and the
     * offline writer call this same method, so offline SQL is exactly what would run.
     */
    List<String> render(Operation operation, RenderContext context);

    /**
     * The operations a composite one is made of, in order (an autocommit block's, a sequence's, and the
     * parts a safe pattern such as {@code addColumnNotNullSafely} stands for); empty for a plain operation.
     * The executor runs these parts, the renderer renders them and the safety analysis reads them.
     */
    List<Operation> parts(Operation operation);
}
