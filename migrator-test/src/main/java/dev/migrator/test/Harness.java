package dev.migrator.test;

import dev.migrator.internal.schema.SchemaReader;

import dev.migrator.ContractPolicy;
import dev.migrator.ErrorCode;
import dev.migrator.Migrator;
import dev.migrator.MigratorConfiguration;
import dev.migrator.MigratorException;
import dev.migrator.schema.SchemaSnapshot;
import dev.migrator.internal.schema.SchemaSnapshotStore;
import dev.migrator.test.database.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One per test class: the loaded revisions, the server, the template databases. Revisions that fail to
 * load do not stop the class: the "every revision loads" check reports why, the others are not run.
 */
final class Harness implements AutoCloseable {

    static final String DATABASE_PREFIX = "migrator_test";

    private final HarnessSetup setup;
    private final Migrator graph;
    private final RuntimeException loadError;
    private final RevisionOrder order;
    private final DowngradePlans downgrades;
    private final String upgradeScript;
    private final String tablePrefix;
    private final boolean migratorSchemaIsCurrent;
    private final Templates templates = new Templates();

    Harness(HarnessSetup setup) {
        this.setup = setup;
        Migrator loaded = null;
        RuntimeException error = null;
        try {
            // Loading touches no database; a database name that does not exist keeps it that way.
            loaded = load(setup.server().dataSource("migrator_test_graph_only"));
        } catch (RuntimeException e) {
            error = e;
        }
        String script = null;
        if (loaded != null) {
            try {
                script = loaded.upgradeSql("base", "heads");
            } catch (RuntimeException e) {
                // a revision that does not render: "every revision loads" names it; walk in the graph's order
            }
        }
        this.graph = loaded;
        this.loadError = error;
        this.upgradeScript = script;
        this.order = loaded == null ? null : new RevisionOrder(loaded.revisions(),
                script == null ? java.util.List.of() : OfflineScripts.revisionsIn(script, "upgrade"));
        this.downgrades = loaded == null ? null : new DowngradePlans(loaded, order);
        MigratorConfiguration configuration = setup.configuration().get();
        this.tablePrefix = configuration.getTablePrefix();
        this.migratorSchemaIsCurrent = configuration.getSchema() == null;
    }

    HarnessSetup setup() {
        return setup;
    }

    /** The revisions' load error, or null when they loaded. */
    RuntimeException loadError() {
        return loadError;
    }

    /** The engine for graph questions and offline scripts; it has no database. */
    Migrator graph() {
        requireLoaded();
        return graph;
    }

    RevisionOrder order() {
        requireLoaded();
        return order;
    }

    DowngradePlans downgrades() {
        requireLoaded();
        return downgrades;
    }

    /** {@code upgradeSql("base", "heads")}, rendered once. */
    String upgradeScript() {
        requireLoaded();
        return upgradeScript != null ? upgradeScript : graph.upgradeSql("base", "heads");
    }

    Templates templates() {
        return templates;
    }

    /**
     * An engine on {@code dataSource} with the class's configuration. Contract-phase revisions are
     * applied: the checks exercise every revision, and a test sees the schema the last release leads to.
     */
    Migrator load(DataSource dataSource) {
        MigratorConfiguration configuration = setup.configuration().get();
        return configuration.dataSource(dataSource).contract(ContractPolicy.APPLY).load();
    }

    ScratchDatabase createDatabase() {
        return setup.server().createDatabase(DATABASE_PREFIX);
    }

    MigrationRunner newRunner(RevisionHooks hooks) {
        requireLoaded();
        return new MigrationRunner(this, hooks, createDatabase());
    }

    MigrationRunner runnerOn(ScratchDatabase database, RevisionHooks hooks) {
        return new MigrationRunner(this, hooks, database);
    }

    /** The schema the revisions' unqualified names land in (the session's current schema), Migrator's tables left out. */
    SchemaSnapshot snapshot(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return SchemaReader.read(connection, null, tablePrefix);
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.CONNECTION_FAILED, "Could not read the schema of the test database: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the engine's own record of the schema after each run (fingerprint in the history, description
     * in its snapshot table) describes the schema the checks compare: only when Migrator's tables are in
     * the current schema, the one the revisions' unqualified names land in.
     */
    boolean engineRecordsTheComparedSchema() {
        return migratorSchemaIsCurrent;
    }

    /** The description the engine recorded with {@code fingerprint} on that database. */
    SchemaSnapshot recordedSnapshot(DataSource dataSource, String fingerprint) {
        try (Connection connection = dataSource.getConnection()) {
            return new SchemaSnapshotStore(null, tablePrefix).load(connection, fingerprint).orElseThrow(() ->
                    new MigratorException(ErrorCode.STATE_TABLES_INCONSISTENT, "The engine recorded schema fingerprint "
                            + fingerprint + " but not its description; cannot say what differs"));
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.CONNECTION_FAILED, "Could not read a recorded schema of the test database: "
                    + e.getMessage(), e);
        }
    }

    private void requireLoaded() {
        if (loadError != null) {
            throw new MigratorException(loadError instanceof MigratorException m ? m.code() : ErrorCode.REVISION_MALFORMED,
                    "The revisions do not load: " + loadError.getMessage(), loadError);
        }
    }

    @Override
    public void close() {
        templates.close();
    }
}
