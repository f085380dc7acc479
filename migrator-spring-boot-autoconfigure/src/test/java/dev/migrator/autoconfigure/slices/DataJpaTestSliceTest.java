package dev.migrator.autoconfigure.slices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;

/**
 * {@code @DataJpaTest} migrates the test database before the EntityManagerFactory starts, so JPA's
 * schema validation sees the migrated tables.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(SliceDatabase.class)
class DataJpaTestSliceTest {

    @Autowired
    TestEntityManager entities;

    @Test
    void entitiesArePersistedInTheMigratedTable() {
        Long id = entities.persistAndGetId(new JpaItem("from @DataJpaTest"), Long.class);
        entities.flush();
        entities.clear();

        assertThat(entities.find(JpaItem.class, id).getName()).isEqualTo("from @DataJpaTest");
    }
}
