package dev.migrator.commands;

import dev.migrator.ErrorCode;
import dev.migrator.Migration;
import dev.migrator.Migrator;
import dev.migrator.MigratorConfiguration;
import dev.migrator.MigratorException;
import dev.migrator.commands.config.ToolConfig;
import dev.migrator.commands.project.ProjectLayout;
import dev.migrator.commands.project.RevisionSources;
import dev.migrator.event.MigrationListener;
import java.util.List;

/**
 * What every command works on: the resolved settings, the project's revisions and the engine loaded over
 * them. The engine is loaded on first use, with or without a database ({@link MigratorConfiguration#loadRevisions()}):
 * commands that read only the code ({@code heads}, {@code history}, {@code revision}, {@code --sql}) need none; a
 * command that needs one loads with {@link MigratorConfiguration#load()}, whose first connection opens meanwhile.
 */
public final class Workspace implements AutoCloseable {

    private final ToolConfig config;
    private final ProjectLayout layout;
    private final RevisionSources sources;
    private final List<MigrationListener> listeners;
    private Migrator migrator;

    public Workspace(ToolConfig config, ProjectLayout layout, List<MigrationListener> listeners) {
        this.config = config;
        this.layout = layout;
        this.sources = new RevisionSources(layout, config.locations());
        this.listeners = List.copyOf(listeners);
    }

    public ToolConfig config() {
        return config;
    }

    public ProjectLayout layout() {
        return layout;
    }

    public RevisionSources sources() {
        return sources;
    }

    public boolean hasDatabase() {
        return config.hasDatabase();
    }

    /** The engine over this project's revisions; a load failure explains what the tools read. */
    public Migrator migrator() {
        return load(false);
    }

    /**
     * @param forDatabase the command will use the database: loaded with {@code load()}, whose first
     *                    connection opens while the revisions load, rather than {@code loadRevisions()}
     */
    private Migrator load(boolean forDatabase) {
        if (migrator == null) {
            try {
                MigratorConfiguration configuration = config.applyTo(Migrator.configure())
                        .locations(sources.locations())
                        .classLoader(sources.classLoader())
                        .listeners(listeners.toArray(new MigrationListener[0]));
                List<Migration> java = sources.javaRevisions();
                configuration.migrations(java.toArray(new Migration[0]));
                migrator = forDatabase ? configuration.load() : configuration.loadRevisions();
            } catch (MigratorException e) {
                throw withHint(e);
            }
        }
        return migrator;
    }

    /** Fails with a clear message when a command needs the database and none is configured. */
    public Migrator migratorWithDatabase(String command) {
        if (!hasDatabase()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "'" + command + "' needs a database, and none is "
                    + "configured: give --url (and --user), set MIGRATOR_URL (MIGRATOR_USER, MIGRATOR_PASSWORD), write "
                    + "migrator.url in migrator.properties, or run it in a Spring Boot project that sets spring.datasource.url.");
        }
        return load(true);
    }

    private MigratorException withHint(MigratorException e) {
        if (e.code() == ErrorCode.GRAPH_INVALID && layout.project() && !layout.compiled()) {
            return new MigratorException(e.code(), e.getMessage() + "\nNote: " + layout.classDirectories().get(0)
                    + " does not exist, so no Java revision was read: build the project first (e.g. mvn compile).", e);
        }
        return e;
    }

    @Override
    public void close() {
        sources.close();
    }
}
