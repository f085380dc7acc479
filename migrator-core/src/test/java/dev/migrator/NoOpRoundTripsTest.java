package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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
}
