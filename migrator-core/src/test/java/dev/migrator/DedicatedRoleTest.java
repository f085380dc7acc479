package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** A migration role that owns its schema but may not create schemas in the database still migrates. */
@ExtendWith(FreshDatabase.class)
class DedicatedRoleTest {

    @TempDir
    Path dir;

    @Test
    void aRoleWithoutCreateOnTheDatabaseMigratesIntoTheSchemaItOwns(TestDatabase db) {
        String role = "mig_" + db.name();
        db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'not-a-secret-in-tests'");
        db.execute("REVOKE CREATE ON DATABASE " + db.name() + " FROM PUBLIC");
        db.execute("CREATE SCHEMA app AUTHORIZATION " + role);
        try {
            new RevisionFiles(dir).revision("d0001").upgrade("CREATE TABLE app.items (id int)").downgrade("DROP TABLE app.items").write();
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(db.url().replaceAll("[?&]user=[^&]*", ""));
            ds.setUser(role);
            ds.setPassword("not-a-secret-in-tests");
            Migrator migrator = Migrator.configure().dataSource(ds).schema("app").locations(new RevisionFiles(dir).location()).load();

            migrator.upgrade("heads");
            migrator.downgrade("base");
            migrator.upgrade("heads");

            assertThat(db.tableExists("app.items")).isTrue();
            assertThat(migrator.current()).containsExactly("d0001");
            assertThat(db.queryValue("SELECT tableowner FROM pg_tables WHERE schemaname = 'app' AND tablename = 'migrator_version'"))
                    .isEqualTo(role);
        } finally {
            db.execute("DROP SCHEMA app CASCADE");
            db.execute("DROP OWNED BY " + role);
            db.execute("DROP ROLE " + role);
        }
    }
}
