package dev.migrator.schema;

import dev.migrator.internal.schema.SchemaSnapshotStore;

import dev.migrator.internal.schema.SchemaReader;

import dev.migrator.schema.SchemaSnapshot.SchemaObject;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FreshDatabase.class)
class SchemaSnapshotTest {

    private static final String PREFIX = "migrator_";

    private static SchemaSnapshot read(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            return SchemaReader.read(connection, null, PREFIX);
        }
    }

    private static void createSampleSchema(TestDatabase db) {
        db.execute("CREATE TYPE mood AS ENUM ('happy', 'ok')");
        db.execute("CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE,"
                + " name text, mood mood DEFAULT 'ok', created_at timestamptz NOT NULL DEFAULT now())");
        db.execute("CREATE INDEX users_name_idx ON users (lower(name)) WHERE name IS NOT NULL");
        db.execute("CREATE VIEW active_users AS SELECT id, email FROM users WHERE name IS NOT NULL");
        db.execute("CREATE SEQUENCE invoice_numbers START 1000");
        db.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.created_at = now(); RETURN NEW; END $$");
        db.execute("CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()");
    }

    @Test
    void describesEveryKindOfObject(TestDatabase db) throws SQLException {
        createSampleSchema(db);

        SchemaSnapshot snapshot = read(db);

        assertThat(snapshot.objects()).extracting(SchemaObject::key).contains(
                "table users", "column users.email", "column users.mood", "constraint users_pkey on users",
                "constraint users_email_key on users", "index users_name_idx", "view active_users",
                "sequence invoice_numbers", "function touch()", "trigger users_touch on users", "enum mood");
        assertThat(attributes(snapshot, "column users.email")).containsEntry("type", "text")
                .containsEntry("nullability", "not null").containsEntry("default", "none");
        assertThat(attributes(snapshot, "column users.id")).containsEntry("identity", "always").containsEntry("type", "bigint");
        assertThat(attributes(snapshot, "index users_name_idx")).containsEntry("validity", "valid")
                .containsEntry("table", "users");
        assertThat(attributes(snapshot, "index users_name_idx").get("definition")).contains("lower(name)");
        assertThat(attributes(snapshot, "enum mood")).containsEntry("values", "'happy'\n'ok'");
        assertThat(attributes(snapshot, "function touch()")).containsEntry("returns", "trigger")
                .containsEntry("language", "plpgsql");
        assertThat(attributes(snapshot, "function touch()").get("body")).hasSize(64);
    }

    @Test
    void fingerprintIsStableAcrossReadsAndSessions(TestDatabase db) throws SQLException {
        createSampleSchema(db);
        SchemaSnapshot first = read(db);

        SchemaSnapshot second;
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            // another session with another search_path prints expressions the same way
            statement.execute("CREATE SCHEMA other");
            statement.execute("SET search_path = other, public");
            second = SchemaReader.read(connection, "public", PREFIX);
            assertThat(db.queryValue("SELECT 1")).isEqualTo(1);
            try (var row = statement.executeQuery("SHOW search_path")) {
                row.next();
                assertThat(row.getString(1)).as("the caller's search_path is restored").isEqualTo("other, public");
            }
        }

        assertThat(second.fingerprint()).isEqualTo(first.fingerprint()).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(second.text()).isEqualTo(first.text());
    }

    @Test
    void fingerprintChangesOnAlterTable(TestDatabase db) throws SQLException {
        createSampleSchema(db);
        String before = read(db).fingerprint();

        db.execute("ALTER TABLE users ADD COLUMN nickname text");

        assertThat(read(db).fingerprint()).isNotEqualTo(before);
    }

    @Test
    void fingerprintIgnoresDataAndSequenceValues(TestDatabase db) throws SQLException {
        createSampleSchema(db);
        String before = read(db).fingerprint();

        db.execute("INSERT INTO users (email, name) VALUES ('a@example.com', 'A')");
        db.execute("SELECT nextval('invoice_numbers')");

        assertThat(read(db).fingerprint()).isEqualTo(before);
    }

    @Test
    void excludesMigratorsOwnTables(TestDatabase db) throws SQLException {
        createSampleSchema(db);
        String before = read(db).fingerprint();

        db.execute("CREATE TABLE migrator_version (revision varchar(64) PRIMARY KEY)");
        db.execute("CREATE TABLE migrator_history (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, revision text)");
        db.execute("CREATE INDEX migrator_history_revision_idx ON migrator_history (revision)");
        db.execute("CREATE TABLE migrator_batch_progress (revision text)");
        try (Connection connection = db.connect()) {
            new SchemaSnapshotStore(null, PREFIX).save(connection, SchemaReader.read(connection, null, PREFIX));
        }
        db.execute("INSERT INTO migrator_version VALUES ('abc')");

        SchemaSnapshot after = read(db);
        assertThat(after.fingerprint()).isEqualTo(before);
        assertThat(after.objects()).extracting(SchemaObject::name).noneMatch(name -> name.contains("migrator_"));
    }

    @Test
    void excludesTablesOfAnotherPrefixOnlyWhenThatPrefixIsConfigured(TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE ops_version (revision varchar(64) PRIMARY KEY)");
        db.execute("CREATE TABLE migrator_version (revision varchar(64) PRIMARY KEY)");

        try (Connection connection = db.connect()) {
            SchemaSnapshot snapshot = SchemaReader.read(connection, null, "ops_");
            assertThat(snapshot.objects()).extracting(SchemaObject::key)
                    .contains("table migrator_version").doesNotContain("table ops_version");
        }
    }

    @Test
    void readsANamedSchemaOnly(TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE public_thing (id int)");
        db.execute("CREATE SCHEMA app");
        db.execute("CREATE TABLE app.orders (id int PRIMARY KEY, total numeric(10, 2) DEFAULT 0)");

        try (Connection connection = db.connect()) {
            SchemaSnapshot snapshot = SchemaReader.read(connection, "app", PREFIX);
            assertThat(snapshot.objects()).extracting(SchemaObject::key)
                    .contains("table orders", "column orders.total").doesNotContain("table public_thing");
            assertThat(attributes(snapshot, "column orders.total")).containsEntry("type", "numeric(10,2)");
        }
    }

    @Test
    void textFormParsesBackToTheSameSnapshot(TestDatabase db) throws SQLException {
        createSampleSchema(db);
        db.execute("CREATE VIEW tricky AS SELECT 'tab\there' AS a, E'new\\nline = x\\\\' AS b");
        SchemaSnapshot snapshot = read(db);

        SchemaSnapshot parsed = SchemaSnapshot.parse(snapshot.text());

        assertThat(parsed).isEqualTo(snapshot);
        assertThat(parsed.fingerprint()).isEqualTo(snapshot.fingerprint());
        assertThat(parsed.objects()).isEqualTo(snapshot.objects());
    }

    private static java.util.Map<String, String> attributes(SchemaSnapshot snapshot, String key) {
        return snapshot.objects().stream().filter(o -> o.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " in " + snapshot.text())).attributes();
    }
}
