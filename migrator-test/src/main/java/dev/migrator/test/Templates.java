package dev.migrator.test;

import dev.migrator.test.database.ScratchDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Databases kept as templates, by the set of revisions applied to them (with no hook data): a runner
 * that must reach a state another one reached copies it ({@code CREATE DATABASE ... TEMPLATE}, a file
 * copy) instead of running every revision again. Nobody connects to a template, so it can always be copied.
 */
final class Templates implements AutoCloseable {

    static final String PREFIX = "migrator_tpl";

    private final Map<Set<String>, ScratchDatabase> byState = new HashMap<>();

    /** A new copy of the template for {@code applied}, or null when there is none. */
    synchronized ScratchDatabase copyOf(Set<String> applied) {
        ScratchDatabase template = byState.get(applied);
        return template == null ? null : template.copy(Harness.DATABASE_PREFIX);
    }

    /** Keeps a copy of {@code database}, which has exactly {@code applied} applied and no other data. */
    synchronized void remember(Set<String> applied, ScratchDatabase database) {
        if (!byState.containsKey(applied)) {
            byState.put(Set.copyOf(applied), database.copy(PREFIX));
        }
    }

    /** Drops every template; one that cannot be dropped is logged, not thrown: the tests already ran. */
    @Override
    public synchronized void close() {
        for (ScratchDatabase template : byState.values()) {
            try {
                template.close();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Templates.class).warn("Could not drop template {}: {}", template, e.getMessage());
            }
        }
        byState.clear();
    }
}
