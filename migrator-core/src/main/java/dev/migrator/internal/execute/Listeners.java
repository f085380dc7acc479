package dev.migrator.internal.execute;

import dev.migrator.event.MigrationListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls every listener, logging and ignoring what one throws: observability never breaks a migration. */
public final class Listeners {

    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private final List<MigrationListener> listeners;

    public Listeners(List<MigrationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public void emit(Consumer<MigrationListener> event) {
        for (MigrationListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                log.warn("Migration listener {} failed; ignored", listener.getClass().getName(), e);
            }
        }
    }
}
