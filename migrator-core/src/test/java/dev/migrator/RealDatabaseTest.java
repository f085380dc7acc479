package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FreshDatabase.class)
class RealDatabaseTest {

    @Test
    void eachTestGetsAnEmptyDatabaseOnARealServer(TestDatabase db) {
        assertThat(db.count("SELECT current_setting('server_version_num')::int")).isGreaterThanOrEqualTo(140000);
        assertThat(db.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isZero();
    }
}
