package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.operation.Operations;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FreshDatabase.class)
class JavaRevisionExecutionTest {

    @TempDir
    Path dir;

    @Revision(id = "java0001", message = "seed with parameters")
    static final class SeedCountries implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE countries (code text PRIMARY KEY, name text)");
            op.execute("INSERT INTO countries VALUES (?, ?)", "FR", "l'Hexagone");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE countries");
        }
    }

    @Test
    void aJavaRevisionRunsItsOperationsOnlineAndRendersThemOffline(TestDatabase db) {
        Migrator migrator = Migrator.configure().dataSource(db.dataSource())
                .locations(new RevisionFiles(dir).location()).migrations(new SeedCountries()).load();

        migrator.upgrade("heads");

        assertThat(db.queryValue("SELECT name FROM countries WHERE code = 'FR'")).isEqualTo("l'Hexagone");
        assertThat(migrator.current()).containsExactly("java0001");
        assertThat(migrator.upgradeSql("base", "heads"))
                .contains("INSERT INTO countries VALUES ('FR', 'l''Hexagone');");

        migrator.downgrade("base");
        assertThat(db.tableExists("countries")).isFalse();
    }
}
