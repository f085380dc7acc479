package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.result.VerifyResult.CheckResult;
import dev.migrator.result.MigratorStatus.MigrationState;
import dev.migrator.result.MigratorStatus;
import dev.migrator.result.VerifyResult;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What a status read sends, counted on the wire between the real driver and the real server
 * ({@link WireCounter}), and that {@code statusThenCheck} reads the state once, on the connection its
 * checks then run on.
 */
@ExtendWith(FreshDatabase.class)
class StatusReadRoundTripsTest {

    @TempDir
    Path dir;

    /** A DataSource of the driver (a physical connection each) that counts the connections it gives. */
    private static final class CountingDataSource extends PGSimpleDataSource {
        final AtomicInteger obtained = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLException {
            obtained.incrementAndGet();
            return super.getConnection();
        }
    }

    private static CountingDataSource through(WireCounter wire, TestDatabase db) {
        CountingDataSource dataSource = new CountingDataSource();
        dataSource.setUrl(wire.url(db.url()));
        dataSource.setUser(db.user());
        dataSource.setPassword(db.password());
        return dataSource;
    }

    private Migrator migrated(TestDatabase db, CountingDataSource dataSource, String schema) {
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("r001").upgrade("CREATE TABLE items (id bigint PRIMARY KEY)").downgrade("DROP TABLE items")
                .verify("SELECT count(*) = 0 FROM items").write();
        files.table("r002", "r001");
        MigratorConfiguration configuration = files.configure(db).dataSource(dataSource);
        Migrator migrator = (schema == null ? configuration : configuration.schema(schema)).load();
        migrator.upgrade("heads");
        return migrator;
    }

    @Test
    void aStatusReadTakesTwoRoundTripsWithAConfiguredSchemaAndThreeWithout(TestDatabase db) throws Exception {
        try (WireCounter wire = WireCounter.relayTo(db.url())) {
            CountingDataSource dataSource = through(wire, db);
            Migrator configured = migrated(db, dataSource, "public");
            Migrator current = Migrator.configure().locations(new RevisionFiles(dir).location()).dataSource(dataSource).load();
            // the driver's own setup queries on connecting are not the engine's
            int connecting = wire.count(() -> dataSource.getConnection().close()).roundTrips();

            AtomicReference<MigratorStatus> status = new AtomicReference<>();
            WireCounter.Traffic withSchema = wire.count(() -> status.set(configured.status()));
            WireCounter.Traffic withoutSchema = wire.count(() -> current.status());

            assertThat(status.get().state()).isEqualTo(MigrationState.UP_TO_DATE);
            assertThat(status.get().lastRun()).get().extracting(run -> run.applied()).isEqualTo(2);
            assertThat(withSchema.roundTrips() - connecting).as("%s", withSchema.statements()).isEqualTo(2);
            assertThat(withoutSchema.roundTrips() - connecting).as("%s", withoutSchema.statements()).isEqualTo(3);
        }
    }

    @Test
    void aStatusReadOfADatabaseWithoutMigratorsTablesTakesOneRoundTripAfterTheSchema(TestDatabase db) throws Exception {
        try (WireCounter wire = WireCounter.relayTo(db.url())) {
            CountingDataSource dataSource = through(wire, db);
            new RevisionFiles(dir).table("r001");
            Migrator migrator = Migrator.configure().locations(new RevisionFiles(dir).location()).dataSource(dataSource)
                    .schema("public").load();
            int connecting = wire.count(() -> dataSource.getConnection().close()).roundTrips();

            AtomicReference<MigratorStatus> status = new AtomicReference<>();
            WireCounter.Traffic read = wire.count(() -> status.set(migrator.status()));

            assertThat(status.get().state()).isEqualTo(MigrationState.NOT_INITIALIZED);
            assertThat(status.get().pending()).hasSize(1);
            assertThat(read.roundTrips() - connecting).as("%s", read.statements()).isEqualTo(1);
        }
    }

    @Test
    void statusThenCheckReadsTheStateOnceAndRunsTheChecksOnTheSameConnection(TestDatabase db) throws Exception {
        try (WireCounter wire = WireCounter.relayTo(db.url())) {
            CountingDataSource dataSource = through(wire, db);
            Migrator migrator = migrated(db, dataSource, "public");
            VerifyResult separately = migrator.check(List.of());
            int before = dataSource.obtained.get();

            AtomicReference<MigratorStatus> told = new AtomicReference<>();
            Optional<VerifyResult> together = migrator.statusThenCheck(List.of(), status -> {
                told.set(status);
                return true;
            });

            assertThat(dataSource.obtained.get() - before).isEqualTo(1);
            assertThat(told.get()).isEqualTo(migrator.status());
            assertThat(together).get().extracting(VerifyResult::results).asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.list(CheckResult.class))
                    .extracting(CheckResult::name, CheckResult::revision, CheckResult::status, CheckResult::detail)
                    .containsExactlyElementsOf(separately.results().stream()
                            .map(r -> org.assertj.core.groups.Tuple.tuple(r.name(), r.revision(), r.status(), r.detail()))
                            .toList());
            assertThat(separately.results()).extracting(CheckResult::name).contains("schema-drift", "verify");
            assertThat(separately.passed()).isTrue();
        }
    }

    @Test
    void statusThenCheckRunsNoCheckWhenTheStatusDoesNotCallForThem(TestDatabase db) throws Exception {
        try (WireCounter wire = WireCounter.relayTo(db.url())) {
            CountingDataSource dataSource = through(wire, db);
            Migrator migrator = migrated(db, dataSource, "public");
            int connecting = wire.count(() -> dataSource.getConnection().close()).roundTrips();

            AtomicReference<Optional<VerifyResult>> result = new AtomicReference<>();
            WireCounter.Traffic read = wire.count(() -> result.set(migrator.statusThenCheck(List.of(),
                    status -> status.state() != MigrationState.UP_TO_DATE)));

            assertThat(result.get()).isEmpty();
            // the status read alone: the lock and the tables, then the rows with the recorded checksums
            assertThat(read.roundTrips() - connecting).as("%s", read.statements()).isEqualTo(2);
        }
    }
}
