package dev.migrator.autoconfigure;

import dev.migrator.ErrorCode;
import dev.migrator.Migrator;
import dev.migrator.MigratorConfiguration;
import dev.migrator.MigratorException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auto-configured {@link Migrator}'s loading (the revision index or files, the graph), done once by whichever
 * thread needs it first. The configuration is assembled on the main thread, where the beans it takes from are;
 * with the concurrent startup run, that run's thread loads it ({@link StartupRun}), so that neither the loading nor
 * Migrator's classes are on the main thread's path; the {@code migrator} bean waits for it only when a bean
 * actually needs it while the context starts.
 */
final class MigratorLoad {

    private static final Logger log = LoggerFactory.getLogger(MigratorLoad.class);

    private final MigratorConfiguration configuration;
    private final boolean failOnMissingLocations;
    private @Nullable Migrator migrator;
    private @Nullable RuntimeException failure;

    MigratorLoad(MigratorConfiguration configuration, boolean failOnMissingLocations) {
        this.configuration = configuration;
        this.failOnMissingLocations = failOnMissingLocations;
    }

    /** The loaded Migrator; a failure to load is rethrown, the same one to every caller. */
    synchronized Migrator get() {
        if (migrator == null && failure == null) {
            try {
                Migrator loaded = configuration.load();
                requireRevisions(loaded);
                migrator = loaded;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return migrator;
    }

    /** A wrong location on an existing database would otherwise start as AHEAD with health UP. */
    private void requireRevisions(Migrator loaded) {
        if (!loaded.heads().isEmpty()) { // any revision makes a head; the heads are cheaper to list than every revision
            return;
        }
        String message = "No revision found at " + configuration.getLocations() + " (migrator.locations) and no "
                + "Migration bean is defined.";
        if (failOnMissingLocations) {
            throw new MigratorException(ErrorCode.LOCATION_INVALID, message + " Check migrator.locations (classpath: or "
                    + "filesystem: paths to the directories holding the revisions), or set "
                    + "migrator.fail-on-missing-locations=false while the application has no revision yet.");
        }
        log.warn("{} Nothing will be migrated (migrator.fail-on-missing-locations=false).", message);
    }
}
