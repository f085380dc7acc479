package dev.migrator.internal.dialect;

/**
 * What the renderer needs to know about where an operation runs.
 *
 * @param transactional true inside a transactional revision. In a non-transactional revision a failure
 *     leaves earlier statements applied and the revision is rerun, so every operation that PostgreSQL can
 *     write with {@code IF [NOT] EXISTS} is written that way by default (idempotent rerun).
 */
public record RenderContext(boolean transactional) {

    public static final RenderContext TRANSACTIONAL = new RenderContext(true);
    public static final RenderContext NON_TRANSACTIONAL = new RenderContext(false);

    /** Whether to write {@code IF [NOT] EXISTS} even where the operation did not ask for it. */
    public boolean idempotent() {
        return !transactional;
    }
}
