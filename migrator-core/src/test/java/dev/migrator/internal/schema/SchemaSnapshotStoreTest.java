package dev.migrator.internal.schema;

import dev.migrator.schema.SchemaSnapshot;



import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FreshDatabase.class)
class SchemaSnapshotStoreTest {

    @Test
    void savedSnapshotLoadsByFingerprint(TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text)");
        SchemaSnapshotStore store = new SchemaSnapshotStore(null, "migrator_");
        try (Connection connection = db.connect()) {
            SchemaSnapshot snapshot = SchemaReader.read(connection, null, "migrator_");

            store.save(connection, snapshot);

            assertThat(store.load(connection, snapshot.fingerprint())).contains(snapshot);
            assertThat(db.count("SELECT count(*) FROM migrator_schema_snapshot")).isEqualTo(1);
        }
    }

    @Test
    void savingTheSameSchemaTwiceKeepsOneRowAndRefreshesLatest(TestDatabase db) throws SQLException {
        SchemaSnapshotStore store = new SchemaSnapshotStore(null, "migrator_");
        try (Connection connection = db.connect()) {
            db.execute("CREATE TABLE users (id bigint PRIMARY KEY)");
            SchemaSnapshot first = SchemaReader.read(connection, null, "migrator_");
            store.save(connection, first);
            db.execute("ALTER TABLE users ADD COLUMN email text");
            SchemaSnapshot second = SchemaReader.read(connection, null, "migrator_");
            store.save(connection, second);
            assertThat(store.latest(connection)).contains(second);

            db.execute("ALTER TABLE users DROP COLUMN email");
            store.save(connection, SchemaReader.read(connection, null, "migrator_"));

            assertThat(db.count("SELECT count(*) FROM migrator_schema_snapshot")).isEqualTo(2);
            assertThat(store.latest(connection)).contains(first);
        }
    }

    @Test
    void loadIsEmptyForAnUnknownFingerprintOrAMissingTable(TestDatabase db) throws SQLException {
        SchemaSnapshotStore store = new SchemaSnapshotStore(null, "migrator_");
        try (Connection connection = db.connect()) {
            assertThat(store.load(connection, "0".repeat(64))).isEmpty();
            assertThat(store.latest(connection)).isEmpty();
            assertThat(db.tableExists("migrator_schema_snapshot")).as("reading creates nothing").isFalse();

            store.save(connection, SchemaReader.read(connection, null, "migrator_"));
            assertThat(store.load(connection, "0".repeat(64))).isEmpty();
        }
    }

    @Test
    void livesInTheConfiguredSchemaWithTheConfiguredPrefix(TestDatabase db) throws SQLException {
        db.execute("CREATE SCHEMA ops");
        SchemaSnapshotStore store = new SchemaSnapshotStore("ops", "mig_");
        try (Connection connection = db.connect()) {
            SchemaSnapshot snapshot = SchemaReader.read(connection, null, "mig_");
            store.save(connection, snapshot);

            assertThat(db.count("SELECT count(*) FROM ops.mig_schema_snapshot")).isEqualTo(1);
            assertThat(store.load(connection, snapshot.fingerprint())).contains(snapshot);
        }
    }
}
