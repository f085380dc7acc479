package dev.migrator.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.MigratorConfiguration;
import org.junit.jupiter.api.Test;

/** {@link MigratorTest#configure()} adjusts the configuration every test database's engine is loaded with. */
@MigratorTest(locations = "classpath:sets/forgotten_index", configure = ConfigureTest.OwnTablePrefix.class)
class ConfigureTest {

    static class OwnTablePrefix implements MigratorTestConfigurer {

        @Override
        public void configure(MigratorConfiguration configuration) {
            configuration.tablePrefix("schema_");
        }
    }

    @Test
    void theRunnersEngineUsesTheConfiguredTablePrefix(MigrationRunner db) {
        db.migrateUpTo("2b0000000001");

        assertThat(db.queryValue("SELECT revision FROM schema_version")).isEqualTo("2b0000000001");
        assertThat(db.schema().objects()).extracting(o -> o.key()).doesNotContain("table schema_version");
    }
}
