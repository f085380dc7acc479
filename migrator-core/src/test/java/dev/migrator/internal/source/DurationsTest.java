package dev.migrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesUnitsZeroAndIso8601() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse(" 2m ")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1H")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(Durations.parse("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void rejectsMissingUnitsUnknownUnitsAndNegativeValues() {
        for (String bad : new String[] {"5", "5 sec", "s", "-5s", "1.5s", "", "PT-1S", "5d"}) {
            assertThatThrownBy(() -> Durations.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a duration")
                    .hasMessageContaining("\"5s\"");
        }
    }
}
