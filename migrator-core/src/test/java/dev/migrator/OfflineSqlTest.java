package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FreshDatabase.class)
class OfflineSqlTest {

    @TempDir
    Path dir;

    private RevisionFiles revisions() {
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("o001").upgrade("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO customers VALUES (1, 'it''s me')").downgrade("DROP TABLE customers").write();
        files.revision("o002").revises("o001").nonTransactional()
                .upgrade("CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_name ON customers (name)")
                .downgrade("DROP INDEX CONCURRENTLY IF EXISTS customers_name").write();
        files.revision("o003").revises("o002").lockTimeout("250ms")
                .upgrade("ALTER TABLE customers ADD COLUMN email text -- trailing comment")
                .downgrade("ALTER TABLE customers DROP COLUMN email").write();
        return files;
    }

    /** Runs a script statement by statement, as psql does (our scripts end every statement with ";\n"). */
    private static void runScript(TestDatabase db, String script) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            StringBuilder statement = new StringBuilder();
            for (String line : script.split("\n")) {
                if (line.startsWith("--") && statement.length() == 0) {
                    continue;
                }
                statement.append(line).append('\n');
                if (line.endsWith(";")) {
                    s.execute(statement.toString());
                    statement.setLength(0);
                }
            }
        }
    }

    @Test
    void theScriptIsRenderedWithoutAnyDatabase() {
        Migrator migrator = Migrator.configure().url("jdbc:postgresql://127.0.0.1:1/closed", "someone", "Pa55word!")
                .locations(revisions().location()).load();

        String script = migrator.upgradeSql("base", "heads");

        assertThat(script).startsWith("-- Migrator offline script: upgrade from base to heads");
        assertThat(script).contains("CREATE TABLE IF NOT EXISTS migrator_version")
                .contains("BEGIN;\nSET LOCAL lock_timeout = '5000ms';\nCREATE TABLE customers")
                .contains("INSERT INTO migrator_version (revision) VALUES ('o001');")
                .contains("UPDATE migrator_version SET revision = 'o003' WHERE revision = 'o002';")
                .contains("BEGIN;\nSET LOCAL lock_timeout = '250ms';\nALTER TABLE customers ADD COLUMN email")
                .contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_name ON customers (name);")
                .doesNotContain("Pa55word!");
        String cic = script.substring(script.indexOf("-- upgrade o002"), script.indexOf("-- upgrade o003"));
        assertThat(cic.indexOf("BEGIN;")).as("the index build runs outside the bookkeeping transaction")
                .isGreaterThan(cic.indexOf("CREATE INDEX CONCURRENTLY"));
        assertThat(migrator.upgradeSql("o001", "heads")).doesNotContain("CREATE TABLE customers")
                .contains("customers_name");
    }

    @Test
    void theScriptYieldsTheSameSchemaAndVersionRowsAsAnOnlineRun(TestDatabase online) throws Exception {
        RevisionFiles files = revisions();
        files.load(online).upgrade("heads");
        String script = files.load(online).upgradeSql("base", "heads");

        try (TestDatabase offline = TestDatabase.create()) {
            runScript(offline, script);

            // the user's schema, without Migrator's own tables (an online run also records a schema snapshot)
            assertThat(schemaFingerprint(offline)).isEqualTo(schemaFingerprint(online));
            assertThat(offline.queryValue("SELECT string_agg(revision, ',') FROM migrator_version")).isEqualTo("o003");
            assertThat(offline.queryValue("SELECT string_agg(revision || ':' || success, ',' ORDER BY id) FROM migrator_history"))
                    .isEqualTo(online.queryValue("SELECT string_agg(revision || ':' || success, ',' ORDER BY id) FROM migrator_history"));
            assertThat(offline.queryValue("SELECT name FROM customers")).isEqualTo("it's me");

            runScript(offline, files.load(online).downgradeSql("heads", "base"));
            assertThat(offline.tableExists("customers")).isFalse();
            assertThat(offline.count("SELECT count(*) FROM migrator_version")).isZero();
        }
    }

    private static String schemaFingerprint(TestDatabase db) throws java.sql.SQLException {
        try (java.sql.Connection connection = db.connect()) {
            return dev.migrator.internal.schema.SchemaReader.read(connection, null, "migrator_").fingerprint();
        }
    }
}
