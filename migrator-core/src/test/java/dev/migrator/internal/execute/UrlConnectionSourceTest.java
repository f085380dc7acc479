package dev.migrator.internal.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

@ExtendWith(FreshDatabase.class)
class UrlConnectionSourceTest {

    private static Properties credentials(TestDatabase db) {
        Properties properties = new Properties();
        properties.setProperty("user", db.user());
        properties.setProperty("password", db.password());
        return properties;
    }

    @Test
    void aPostgresqlUrlOpensAConnectionOfPostgresqlsDriverWithTheGivenProperties(TestDatabase db) throws Exception {
        Properties properties = credentials(db);
        properties.setProperty("ApplicationName", "url-source-test");
        try (Connection connection = new UrlConnectionSource(db.url(), properties).open()) {
            assertThat(connection.isWrapperFor(PGConnection.class)).isTrue();
            assertThat(connection.getCatalog()).isEqualTo(db.name());
            assertThat(connection.getClientInfo("ApplicationName")).isEqualTo("url-source-test");
        }
    }

    @Test
    void aRefusedConnectionFailsWithTheDriversConnectionError(TestDatabase db) {
        // nothing listens on port 1
        assertThatThrownBy(() -> new UrlConnectionSource("jdbc:postgresql://127.0.0.1:1/" + db.name(), credentials(db)).open())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
    }

    @Test
    void anyOtherUrlGoesThroughTheDriverManager(TestDatabase db) {
        assertThatThrownBy(() -> new UrlConnectionSource("jdbc:nosuchdriver://localhost/x", credentials(db)).open())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("No suitable driver");
    }
}
