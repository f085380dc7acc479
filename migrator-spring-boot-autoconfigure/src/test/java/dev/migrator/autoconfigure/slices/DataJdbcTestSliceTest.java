package dev.migrator.autoconfigure.slices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

/** {@code @DataJdbcTest} migrates the test database before its repositories are used. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(SliceDatabase.class)
class DataJdbcTestSliceTest {

    @Autowired
    JdbcItems items;

    @Test
    void theRepositoryWorksOnTheMigratedTable() {
        JdbcItem saved = items.save(new JdbcItem(null, "from @DataJdbcTest"));

        assertThat(items.findById(saved.id())).hasValueSatisfying(item -> assertThat(item.name()).isEqualTo("from @DataJdbcTest"));
    }
}
