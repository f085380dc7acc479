package dev.migrator.internal.schema;

import dev.migrator.schema.SchemaSnapshot;



import dev.migrator.schema.SchemaSnapshot.SchemaObject;


import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fingerprint the server computes is the fingerprint of {@link SchemaSnapshot}'s text: equal to it on
 * every schema, so it changes exactly when the snapshot changes.
 */
@ExtendWith(FreshDatabase.class)
class ServerFingerprintTest {

    private static final String PREFIX = "migrator_";

    private static String java(Connection connection, String schema) {
        return SchemaReader.read(connection, schema, PREFIX).fingerprint();
    }

    private static String server(Connection connection, String schema) {
        return ServerFingerprint.compute(connection, schema, PREFIX);
    }

    private static void assertSame(TestDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            assertThat(server(connection, null)).isEqualTo(java(connection, null));
        }
    }

    private static void createEveryKindOfObject(TestDatabase db) {
        db.execute("CREATE TYPE mood AS ENUM ('happy', 'ok', 'tab\there')");
        db.execute("CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE,"
                + " name text, mood mood DEFAULT 'ok', created_at timestamptz NOT NULL DEFAULT now(),"
                + " score int GENERATED ALWAYS AS (length(email)) STORED, CHECK (email <> ''))");
        db.execute("CREATE UNLOGGED TABLE cache (k text PRIMARY KEY, v text DEFAULT E'line\\nbreak\\\\ = x')");
        db.execute("CREATE TABLE events (id int, at date) PARTITION BY RANGE (at)");
        db.execute("CREATE INDEX users_name_idx ON users (lower(name)) WHERE name IS NOT NULL");
        db.execute("CREATE VIEW active_users AS SELECT id, email FROM users WHERE name IS NOT NULL");
        db.execute("CREATE MATERIALIZED VIEW user_count AS SELECT count(*) AS n FROM users");
        db.execute("CREATE SEQUENCE invoice_numbers START 1000");
        db.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.created_at = now(); RETURN NEW; END $$");
        db.execute("CREATE PROCEDURE noop(a int) LANGUAGE sql AS $$ SELECT 1 $$");
        db.execute("CREATE AGGREGATE my_sum(int) (SFUNC = int4pl, STYPE = int)");
        db.execute("CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()");
        db.execute("CREATE TABLE orders (id int PRIMARY KEY, user_id bigint)");
        db.execute("ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID");
    }

    @Test
    void equalsTheJavaFingerprintOnEveryKindOfObject(TestDatabase db) throws SQLException {
        assertSame(db); // empty schema
        createEveryKindOfObject(db);
        assertSame(db);
    }

    @Test
    void equalsItForNamesThatNeedEscapingOrSortDifferentlyAsUtf16(TestDatabase db) throws SQLException {
        // tab, newline, backslash and '=' in names; non-ASCII; a character above U+FFFF (UTF-16 sorts it
        // before U+E000..U+FFFF, code point order after) next to one in that range
        db.execute("CREATE TABLE \"tab\there\" (\"new\nline\" int, \"back\\slash = \" text)");
        db.execute("CREATE TABLE \"caf\u00e9\" (id int)");
        db.execute("CREATE TABLE \"t\uD83D\uDE00\" (id int)");
        db.execute("CREATE TABLE \"t\uFF21\" (id int)");
        db.execute("CREATE TABLE \"a.b\" (c int)"); // column key "a.b.c" ...
        db.execute("CREATE TABLE a (\"b.c\" text NOT NULL)"); // ... twice: the larger value wins on both sides

        assertSame(db);
        try (Connection connection = db.connect()) {
            List<String> tables = SchemaReader.read(connection, null, PREFIX).objects().stream()
                    .filter(o -> o.kind().equals("table")).map(SchemaObject::name).toList();
            assertThat(tables).containsSubsequence("t\uFF21", "t\uD83D\uDE00");
        }
    }

    @Test
    void changesExactlyWhenTheSnapshotChanges(TestDatabase db) throws SQLException {
        createEveryKindOfObject(db);
        List<String> steps = List.of(
                "INSERT INTO users (email, name) VALUES ('a@example.com', 'A')", // data: no change
                "SELECT nextval('invoice_numbers')",                           // sequence value: no change
                "ALTER TABLE users ADD COLUMN nickname text",
                "ALTER TABLE users ALTER COLUMN nickname SET DEFAULT 'x'",
                "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey",
                "ALTER TYPE mood ADD VALUE 'sad'",
                "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                "ALTER TABLE users DISABLE TRIGGER users_touch",
                "ANALYZE users",                                              // statistics: no change
                "DROP VIEW active_users",
                "CREATE TABLE migrator_history (id int)",                     // Migrator's own: no change
                "ALTER SEQUENCE invoice_numbers INCREMENT 5");
        try (Connection connection = db.connect()) {
            String javaBefore = java(connection, null);
            String serverBefore = server(connection, null);
            for (String step : steps) {
                db.execute(step);
                String javaAfter = java(connection, null);
                String serverAfter = server(connection, null);
                assertThat(serverAfter).as("after " + step).isEqualTo(javaAfter);
                assertThat(serverAfter.equals(serverBefore)).as("unchanged after " + step).isEqualTo(javaAfter.equals(javaBefore));
                javaBefore = javaAfter;
                serverBefore = serverAfter;
            }
        }
    }

    @Test
    void doesNotDependOnTheSessionsSearchPathAndLeavesItAsItWas(TestDatabase db) throws SQLException {
        db.execute("CREATE SCHEMA app");
        db.execute("CREATE SCHEMA other");
        db.execute("CREATE SEQUENCE app.numbers");
        db.execute("CREATE TABLE app.orders (id int PRIMARY KEY DEFAULT nextval('app.numbers'), total numeric(10, 2))");
        db.execute("CREATE INDEX orders_total ON app.orders (total)");
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            String expected = java(connection, "app");
            statement.execute("SET search_path = other, public");

            assertThat(server(connection, "app")).isEqualTo(expected);
            assertThat(searchPath(statement)).isEqualTo("other, public");

            connection.setAutoCommit(false); // inside a transaction too
            assertThat(server(connection, "app")).isEqualTo(expected);
            assertThat(searchPath(statement)).isEqualTo("other, public");
            connection.rollback();
        }
    }

    @Test
    void recordStoresTheDescriptionOnTheServerAndMarksTheRunsNewestHistoryRow(TestDatabase db) throws SQLException {
        createEveryKindOfObject(db);
        db.execute("CREATE TABLE migrator_history (id bigint PRIMARY KEY, run_id bigint, schema_fingerprint varchar(64))");
        db.execute("INSERT INTO migrator_history VALUES (1, 7, NULL), (2, 7, NULL), (3, 8, NULL)");
        SchemaSnapshotStore store = new SchemaSnapshotStore("public", PREFIX);
        try (Connection connection = db.connect()) {
            SchemaSnapshot snapshot = SchemaReader.read(connection, null, PREFIX);

            String recorded = ServerFingerprint.record(connection, "public", PREFIX, store, "public.migrator_history", "7");
            String again = ServerFingerprint.record(connection, "public", PREFIX, store, "public.migrator_history", "7");

            assertThat(recorded).isEqualTo(again).isEqualTo(snapshot.fingerprint());
            assertThat(store.load(connection, recorded)).contains(snapshot);
            assertThat(store.latestFingerprint(connection)).contains(recorded);
        }
        assertThat(db.queryValue("SELECT count(*) FROM migrator_schema_snapshot")).isEqualTo(1L);
        assertThat(db.queryValue("SELECT string_agg(coalesce(schema_fingerprint, '-'), ',' ORDER BY id) FROM migrator_history"))
                .as("the run's newest row, not another run's").isEqualTo("-," + db.queryValue("SELECT fingerprint FROM migrator_schema_snapshot") + ",-");
    }

    private static String searchPath(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SHOW search_path")) {
            row.next();
            return row.getString(1);
        }
    }
}
