package dev.migrator.internal.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every form a password takes in a connection string is masked; everything else is left readable. */
class SecretsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://db:5432/shop?user=app&password=s3cret                | jdbc:postgresql://db:5432/shop?user=app&password=****
            jdbc:postgresql://db:5432/shop?password=s3cret&ssl=true                | jdbc:postgresql://db:5432/shop?password=****&ssl=true
            jdbc:postgresql://app:s3cret@db:5432/shop                              | jdbc:postgresql://app:****@db:5432/shop
            postgresql://app:s3cret@db/shop?sslmode=require                        | postgresql://app:****@db/shop?sslmode=require
            postgres://app:s3%40cr%2Fet@db/shop                                     | postgres://app:****@db/shop
            jdbc:postgresql://app:p@ss@db/shop                                     | jdbc:postgresql://app:****@db/shop
            jdbc:sqlserver://db:1433;databaseName=shop;user=app;password=s3cret;   | jdbc:sqlserver://db:1433;databaseName=shop;user=app;password=****;
            host=db port=5432 user=app password=s3cret dbname=shop                 | host=db port=5432 user=app password=**** dbname=shop
            host=db password='s3 cret' dbname=shop                                 | host=db password=**** dbname=shop
            jdbc:postgresql://db/shop?sslpassword=keypass&sslkey=/k.pk8            | jdbc:postgresql://db/shop?sslpassword=****&sslkey=/k.pk8
            jdbc:postgresql://db/shop?PASSWORD=s3cret                              | jdbc:postgresql://db/shop?PASSWORD=****
            jdbc:postgresql://db/shop?access_token=abc.def                         | jdbc:postgresql://db/shop?access_token=****
            No suitable driver found for jdbc:postgresql://app:s3cret@db/shop      | No suitable driver found for jdbc:postgresql://app:****@db/shop
            app:s3cret@db.internal                                                 | app:****@db.internal
            java.net.UnknownHostException: app:s3cret@localhost                    | java.net.UnknownHostException: app:****@localhost
            Failed to get driver instance for jdbcUrl=jdbc:postgresql://db/shop?password=s3cret | Failed to get driver instance for jdbcUrl=jdbc:postgresql://db/shop?password=****
            """)
    void masksThePasswordOfEachForm(String text, String masked) {
        assertThat(Secrets.mask(text)).isEqualTo(masked).doesNotContain("s3cret").doesNotContain("keypass");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://db:5432/shop?user=app&ssl=true
            jdbc:postgresql://db:5432,db2:5433/shop
            Connection to localhost:5432 refused. Check that the hostname and port are correct
            division by zero at classpath:db/migrations/0001_x.sql:7
            password authentication failed for user "app"
            mailto ana@example.com at 10:15
            """)
    void leavesTextWithoutASecretAlone(String text) {
        assertThat(Secrets.mask(text)).isEqualTo(text);
    }

    @Test
    void nullAndEmptyStayAsTheyAre() {
        assertThat(Secrets.mask((String) null)).isNull();
        assertThat(Secrets.mask("")).isEmpty();
        assertThat(Secrets.mask((Throwable) null)).isNull();
    }

    @Test
    void aCauseChainWithASecretIsCopiedMaskedAndKeepsItsSqlState() {
        SQLException driver = new SQLException("No suitable driver found for jdbc:postgresql://app:s3cret@db/shop", "08001");
        IllegalStateException wrapper = new IllegalStateException("pool failed: password=s3cret", driver);

        Throwable masked = Secrets.mask(wrapper);

        assertThat(masked).hasMessage("java.lang.IllegalStateException: pool failed: password=****");
        assertThat(masked.getStackTrace()).isEqualTo(wrapper.getStackTrace());
        assertThat(masked.getCause()).isInstanceOf(SQLException.class)
                .hasMessage("No suitable driver found for jdbc:postgresql://app:****@db/shop");
        assertThat(((SQLException) masked.getCause()).getSQLState()).isEqualTo("08001");
    }

    @Test
    void aCauseChainWithoutASecretIsKeptAsItIs() {
        SQLException driver = new SQLException("Connection to localhost:5432 refused", "08001");

        assertThat(Secrets.mask(driver)).isSameAs(driver);
    }

    @Test
    void migratorExceptionsMaskTheirMessageAndCause() {
        SQLException driver = new SQLException("No suitable driver found for jdbc:postgresql://app:s3cret@db/shop", "08001");

        MigratorException e = new MigratorException(ErrorCode.CONNECTION_FAILED,
                "Cannot connect to jdbc:postgresql://db/shop?password=s3cret", driver);

        assertThat(e).hasMessage("Cannot connect to jdbc:postgresql://db/shop?password=****");
        assertThat(e.getCause()).hasMessageNotContaining("s3cret");
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
    }
}
