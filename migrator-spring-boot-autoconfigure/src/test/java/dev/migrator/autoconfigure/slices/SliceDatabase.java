package dev.migrator.autoconfigure.slices;

import dev.migrator.testsupport.TestDatabase;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A fresh database on the embedded PostgreSQL for one slice test's context, dropped when the context
 * closes. The slices keep it ({@code @AutoConfigureTestDatabase(replace = NONE)}), as a user with a real
 * database in tests does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SliceDatabase {

    @Bean(destroyMethod = "close")
    TestDatabase testDatabase() {
        return TestDatabase.create();
    }

    @Bean
    DataSource dataSource(TestDatabase db) {
        return db.dataSource();
    }
}
