package dev.migrator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every setting out of range is refused when the engine is loaded, before anything is read or connected, as
 * CONFIGURATION_INVALID naming the setting and the value (SPEC §8: bad input gets a clear error).
 */
class ConfigurationRefusalsTest {

    static Stream<Arguments> refusals() {
        Duration negative = Duration.ofSeconds(-1);
        return Stream.of(
                refused(c -> c.lockRetries(-1), "lockRetries must be 0 or more, was -1"),
                refused(c -> c.lockTimeout(negative), "lockTimeout must not be negative"),
                refused(c -> c.statementTimeout(negative), "statementTimeout must not be negative"),
                refused(c -> c.advisoryLockWait(negative), "advisoryLockWait must not be negative"),
                refused(c -> c.checkTimeout(Duration.ZERO), "checkTimeout must be positive"),
                refused(c -> c.tablePrefix("app-"), "tablePrefix 'app-' may only contain letters, digits and _"),
                refused(c -> c.tablePrefix("x; DROP TABLE t; --"), "may only contain letters, digits and _"),
                refused(c -> c.schema(" "), "schema is blank"),
                refused(c -> c.connectRetries(-1), "connectRetries must be 0 or more, was -1"),
                refused(c -> c.connectRetriesInterval(Duration.ZERO), "connectRetriesInterval must be positive"),
                refused(c -> c.readTimeout(negative), "readTimeout must not be negative"),
                refused(c -> c.baseline(" "), "baseline is blank"));
    }

    private static Arguments refused(UnaryOperator<MigratorConfiguration> setting, String message) {
        return Arguments.of(setting, message);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void aSettingOutOfRangeIsRefusedWhenLoading(UnaryOperator<MigratorConfiguration> setting, String message) {
        MigratorConfiguration configuration = setting.apply(Migrator.configure()
                // nothing listens there: a refusal must come before any connection is needed
                .url("jdbc:postgresql://127.0.0.1:1/none", "nobody", "secret-password")
                .locations("filesystem:/nonexistent/migrator-refusals"));

        for (Runnable load : new Runnable[] {configuration::load, configuration::loadRevisions}) {
            assertThatThrownBy(load::run).isInstanceOfSatisfying(MigratorException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION_INVALID))
                    .hasMessageContaining(message)
                    .hasMessageNotContaining("secret-password");
        }
    }
}
