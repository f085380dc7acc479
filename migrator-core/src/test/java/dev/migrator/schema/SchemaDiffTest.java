package dev.migrator.schema;

import dev.migrator.internal.schema.SchemaReader;

import dev.migrator.schema.SchemaDiff.SchemaChange;

import dev.migrator.schema.SchemaSnapshot.SchemaObject;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each test changes one thing outside migrations and checks the diff names exactly that. */
@ExtendWith(FreshDatabase.class)
class SchemaDiffTest {

    private TestDatabase db;
    private SchemaSnapshot before;

    @BeforeEach
    void createSchema(TestDatabase db) throws SQLException {
        this.db = db;
        db.execute("CREATE TYPE mood AS ENUM ('happy', 'ok')");
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text, mood mood)");
        db.execute("CREATE INDEX users_email_idx ON users (email)");
        db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, owner_id bigint)");
        db.execute("CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS 'SELECT 42'");
        db.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
        before = read();
    }

    private SchemaSnapshot read() throws SQLException {
        try (Connection connection = db.connect()) {
            return SchemaReader.read(connection, null, "migrator_");
        }
    }

    private List<String> changesAfter(String ddl) throws SQLException {
        db.execute(ddl);
        return before.diff(read()).changes().stream().map(SchemaChange::describe).toList();
    }

    @Test
    void sameSchemaHasNoDifferences() throws SQLException {
        SchemaDiff diff = before.diff(read());

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.describe()).isEmpty();
    }

    @Test
    void addedColumn() throws SQLException {
        assertThat(changesAfter("ALTER TABLE accounts ADD COLUMN sneaky_hotfix boolean"))
                .containsExactly("column accounts.sneaky_hotfix added");
    }

    @Test
    void droppedColumn() throws SQLException {
        assertThat(changesAfter("ALTER TABLE users DROP COLUMN name")).containsExactly("column users.name dropped");
    }

    @Test
    void changedColumnType() throws SQLException {
        assertThat(changesAfter("ALTER TABLE users ALTER COLUMN name TYPE varchar(100)"))
                .containsExactly("column users.name type changed from text to character varying(100)");
    }

    @Test
    void changedNullabilityAndDefault() throws SQLException {
        assertThat(changesAfter("ALTER TABLE users ALTER COLUMN name SET NOT NULL, ALTER COLUMN name SET DEFAULT 'anonymous'"))
                .containsExactly("column users.name default changed from none to 'anonymous'::text",
                        "column users.name nullability changed from nullable to not null");
    }

    @Test
    void droppedIndex() throws SQLException {
        assertThat(changesAfter("DROP INDEX users_email_idx")).containsExactly("index users_email_idx dropped");
    }

    @Test
    void addedIndex() throws SQLException {
        assertThat(changesAfter("CREATE INDEX accounts_owner_idx ON accounts (owner_id)"))
                .containsExactly("index accounts_owner_idx added");
    }

    @Test
    void addedConstraint() throws SQLException {
        assertThat(changesAfter("ALTER TABLE accounts ADD CONSTRAINT accounts_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) NOT VALID"))
                .containsExactly("constraint accounts_owner_fk on accounts added");
    }

    @Test
    void validatedConstraint() throws SQLException {
        db.execute("ALTER TABLE accounts ADD CONSTRAINT accounts_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) NOT VALID");
        before = read();

        assertThat(changesAfter("ALTER TABLE accounts VALIDATE CONSTRAINT accounts_owner_fk"))
                .containsExactly("constraint accounts_owner_fk on accounts validation changed from NOT VALID to validated");
    }

    @Test
    void changedFunctionBody() throws SQLException {
        assertThat(changesAfter("CREATE OR REPLACE FUNCTION answer() RETURNS int LANGUAGE sql AS 'SELECT 43'"))
                .containsExactly("function answer() body changed");
    }

    @Test
    void addedFunctionOverloadIsItsOwnObject() throws SQLException {
        assertThat(changesAfter("CREATE FUNCTION answer(question text) RETURNS int LANGUAGE sql AS 'SELECT 42'"))
                .containsExactly("function answer(question text) added");
    }

    @Test
    void addedTrigger() throws SQLException {
        assertThat(changesAfter("CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()"))
                .containsExactly("trigger users_touch on users added");
    }

    @Test
    void disabledTrigger() throws SQLException {
        db.execute("CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()");
        before = read();

        assertThat(changesAfter("ALTER TABLE users DISABLE TRIGGER users_touch"))
                .containsExactly("trigger users_touch on users enabled changed from enabled to disabled");
    }

    @Test
    void addedEnumValue() throws SQLException {
        assertThat(changesAfter("ALTER TYPE mood ADD VALUE 'sad'")).containsExactly("enum mood value 'sad' added");
    }

    @Test
    void droppedTableIsOneChangeNotOnePerColumn() throws SQLException {
        assertThat(changesAfter("DROP TABLE accounts")).containsExactly("table accounts dropped");
    }

    @Test
    void addedTableIsOneChange() throws SQLException {
        assertThat(changesAfter("CREATE TABLE audit (id bigint PRIMARY KEY, at timestamptz)"))
                .containsExactly("table audit added");
    }

    @Test
    void addedView() throws SQLException {
        assertThat(changesAfter("CREATE VIEW named_users AS SELECT id, name FROM users"))
                .containsExactly("view named_users added");
    }

    @Test
    void diffOfParsedSnapshotsNamesTheSameChanges() throws SQLException {
        db.execute("ALTER TABLE accounts ADD COLUMN sneaky_hotfix boolean");
        SchemaSnapshot after = read();

        SchemaDiff diff = SchemaSnapshot.parse(before.text()).diff(SchemaSnapshot.parse(after.text()));

        assertThat(diff.describe()).isEqualTo("column accounts.sneaky_hotfix added");
    }

    @Test
    void enumDiffWithoutDatabase() {
        SchemaSnapshot older = SchemaSnapshot.of(List.of(new SchemaObject("enum", "mood", Map.of("values", "'happy'\n'ok'"))));
        SchemaSnapshot reordered = SchemaSnapshot.of(List.of(new SchemaObject("enum", "mood", Map.of("values", "'ok'\n'happy'"))));
        SchemaSnapshot removed = SchemaSnapshot.of(List.of(new SchemaObject("enum", "mood", Map.of("values", "'happy'"))));

        assertThat(older.diff(reordered).describe()).isEqualTo("enum mood value order changed from 'happy', 'ok' to 'ok', 'happy'");
        assertThat(older.diff(removed).describe()).isEqualTo("enum mood value 'ok' removed");
    }
}
