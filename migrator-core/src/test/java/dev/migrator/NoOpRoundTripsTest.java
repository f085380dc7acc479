package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGPoolingDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What an {@code upgrade} with nothing pending sends, counted on the wire between the real driver and
 * the real server (see {@link WireCounter}): the run lock, the state tables' existence check, the
 * state, and the unlock, with no DDL once the tables exist.
 */
@ExtendWith(FreshDatabase.class)
class NoOpRoundTripsTest {

    @TempDir
    Path dir;

    @Test
    void aNoOpUpgradeTakesFourRoundTripsAfterConnectingAndSendsNoDdl(TestDatabase db) throws Exception {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("n001");
        files.table("n002", "n001");
        try (WireCounter wire = WireCounter.relayTo(db.url())) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(wire.url(db.url()));
            dataSource.setUser(db.user());
            dataSource.setPassword(db.password());
            Migrator migrator = files.configure(db).dataSource(dataSource).load();
            assertThat(migrator.upgrade("heads").applied()).isEqualTo(2);

            // the driver's own setup queries on connecting are not the engine's
            WireCounter.Traffic connecting = wire.count(() -> dataSource.getConnection().close());
            WireCounter.Traffic noOp = wire.count(() -> assertThat(migrator.upgrade("heads").applied()).isZero());

            assertThat(noOp.roundTrips() - connecting.roundTrips()).as("round trips after connecting: %s", noOp.statements())
                    .isEqualTo(4);
            assertThat(noOp.statements()).noneMatch(sql -> sql.stripLeading().toUpperCase().startsWith("CREATE"));
        }
    }

    /**
     * On a pooled connection the driver server-prepares a statement from its fifth use on, and with a
     * described statement it may split a multi-statement execute: the count holds beyond that, and
     * each run gives the connection back with its session settings as they were.
     */
    @Test
    @SuppressWarnings("deprecation") // the driver's own pool: deprecated for production, but a real pool
    void onAPooledConnectionEveryNoOpTakesFourRoundTripsAndGivesTheSessionBack(TestDatabase db) throws Exception {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("n001");
        PGPoolingDataSource pool = new PGPoolingDataSource();
        pool.setDataSourceName("no-op round trips " + db.name()); // its close() needs one
        try (WireCounter wire = WireCounter.relayTo(db.url())) {
            pool.setUrl(wire.url(db.url()));
            pool.setUser(db.user());
            pool.setPassword(db.password());
            pool.setMaxConnections(1);
            Migrator migrator = files.configure(db).dataSource(pool).load();
            migrator.upgrade("heads");
            String name = sessionState(pool).get(0);

            for (int run = 1; run <= 8; run++) {
                WireCounter.Traffic noOp = wire.count(() -> migrator.upgrade("heads"));
                assertThat(noOp.roundTrips()).as("run %d", run).isEqualTo(4);
            }

            assertThat(sessionState(pool)).as("application_name, check interval, advisory locks held")
                    .containsExactly(name, "0", "0");
        } finally {
            pool.close();
        }
    }

    private static List<String> sessionState(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('application_name'),"
                        + " current_setting('client_connection_check_interval'),"
                        + " (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid())")) {
            rs.next();
            return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
        }
    }
}
