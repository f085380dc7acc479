package dev.migrator.internal.safety;

import dev.migrator.safety.ScratchConnector;

import dev.migrator.safety.SafetyOptions;

import dev.migrator.ContractPolicy;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.UnknownRevisionPolicy;
import dev.migrator.internal.dialect.postgresql.PostgresErrors;
import dev.migrator.internal.command.CommandContext;
import dev.migrator.internal.command.Migrate;
import dev.migrator.internal.execute.EngineSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway database on the migrated database's server, for the measured analysis: created under a
 * random name, built by upgrading from base to the real database's current revisions (Migrator's own engine
 * runs them, contract revisions included), and dropped when the analysis ends, whatever happens.
 */
final class ScratchDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScratchDatabase.class);

    private final Connection admin;
    private final String name;
    private final ScratchConnector connector;

    private ScratchDatabase(Connection admin, String name, ScratchConnector connector) {
        this.admin = admin;
        this.name = name;
        this.connector = connector;
    }

    /** Creates the database through {@code admin}, a connection to the real database that stays open meanwhile. */
    static ScratchDatabase create(Connection admin, ScratchConnector connector) {
        String user = "the migration user";
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT current_user, rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
            if (rs.next()) {
                user = rs.getString(1);
                if (!rs.getBoolean(2)) {
                    throw cannotCreate(user, "it has no CREATEDB privilege");
                }
            }
        } catch (SQLException e) {
            throw new MigratorException(ErrorCode.INTERNAL, "Could not read the migration user's privileges for the "
                    + "measured analysis: " + PostgresErrors.describe(e), e);
        }
        String name = "migrator_scratch_" + HexFormat.of().toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextLong()).substring(4);
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw cannotCreate(user, e.getMessage());
            }
            throw new MigratorException(ErrorCode.INTERNAL, "The measured analysis could not create its scratch database "
                    + name + ": " + PostgresErrors.describe(e) + ". Nothing was changed.", e);
        }
        return new ScratchDatabase(admin, name, connector);
    }

    private static MigratorException cannotCreate(String user, String why) {
        return new MigratorException(ErrorCode.PERMISSION_DENIED, "The measured analysis needs a scratch database on the "
                + "same server, but user \"" + user + "\" may not create databases (" + why + "). Grant it "
                + "(ALTER ROLE \"" + user + "\" CREATEDB), measure with a user that may (SafetyOptions.measuredOn), or "
                + "analyse without measuring. Nothing was changed.");
    }

    String name() {
        return name;
    }

    Connection connect() throws SQLException {
        return connector.open(name);
    }

    /** Upgrades the scratch database from base to each of {@code rows} with the same revisions as the real one. */
    void build(CommandContext context, Set<String> rows) {
        EngineSettings real = context.settings();
        EngineSettings settings = new EngineSettings(real.schema(), real.tablePrefix(), Duration.ofSeconds(30), Duration.ZERO,
                0, Duration.ofSeconds(30), false, UnknownRevisionPolicy.WARN, ContractPolicy.APPLY, List.of(),
                new EngineSettings.ConnectSettings("scratch database " + name, 0, Duration.ofSeconds(120), Duration.ZERO), null,
                Duration.ofSeconds(30));
        Migrate scratch = new Migrate(new CommandContext(settings, context.catalog(), this::connect));
        for (String row : new TreeSet<>(rows)) {
            try {
                scratch.upgrade(row);
            } catch (MigratorException e) {
                throw new MigratorException(e.code(), "Building the scratch database " + name + " (upgrading from base to "
                        + "the real database's revisions " + rows + ") failed: " + e.getMessage() + "\nThe scratch database "
                        + "holds only what the revisions create: objects made outside them (a baseline, extensions, roles) "
                        + "are missing there. The real database was not touched.", e);
            }
        }
    }

    @Override
    public void close() {
        try (Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            log.warn("Could not drop the scratch database {} of the measured analysis: {}. Drop it by hand: DROP DATABASE {};",
                    name, e.getMessage(), name);
        }
    }
}
