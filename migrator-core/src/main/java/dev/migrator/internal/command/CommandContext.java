package dev.migrator.internal.command;

import dev.migrator.internal.execute.Catalog;
import dev.migrator.internal.execute.ConnectionSource;
import dev.migrator.internal.execute.EngineConnections;
import dev.migrator.internal.execute.EngineSettings;
import dev.migrator.internal.execute.Listeners;
import dev.migrator.internal.support.Concat;
import java.net.InetAddress;
import java.util.Objects;

/**
 * What every verb is built from: the validated settings, the code's revisions, where connections come from
 * and who listens. Immutable; one per {@code Migrator}.
 */
public final class CommandContext {

    private final EngineSettings settings;
    private final Catalog catalog;
    private final ConnectionSource source;
    private final EngineConnections connections;
    private final Listeners listeners;

    public CommandContext(EngineSettings settings, Catalog catalog, ConnectionSource source) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.source = Objects.requireNonNull(source, "source");
        this.connections = new EngineConnections(source, settings.connect());
        this.listeners = new Listeners(settings.listeners());
    }

    public EngineSettings settings() {
        return settings;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Where a connection comes from (for a failure recorded from a fresh session, and for checks). */
    public ConnectionSource source() {
        return source;
    }

    /** Connections for commands (which wait for the database) and status reads (which do not). */
    public EngineConnections connections() {
        return connections;
    }

    public Listeners listeners() {
        return listeners;
    }

    /** {@code host=<host> pid=<pid>}: who migrates, for {@code application_name}. */
    public static String who() {
        return Concat.of("host=", HostName.VALUE, " pid=", ProcessHandle.current().pid());
    }

    /** {@code user@host pid N}: who applied a step, for the history table. */
    public static String appliedBy() {
        return Concat.of(System.getProperty("user.name", "unknown"), "@", HostName.VALUE, " pid ", ProcessHandle.current().pid());
    }

    /**
     * Looked up once per process: {@code getLocalHost} may ask DNS, and on a badly configured host that
     * takes seconds, which every run (and every status read) would otherwise pay again.
     */
    private static final class HostName {
        static final String VALUE = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                return "unknown-host";
            }
        }
    }
}
