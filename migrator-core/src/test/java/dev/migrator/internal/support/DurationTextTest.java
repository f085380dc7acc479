package dev.migrator.internal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations in messages read as the properties are written, never as ISO-8601. */
class DurationTextTest {

    @Test
    void aConfiguredDurationIsWrittenExactlyInItsLargestWholeUnit() {
        assertThat(DurationText.of(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(DurationText.of(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(DurationText.of(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(DurationText.of(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(DurationText.of(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(DurationText.of(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.of(Duration.ZERO)).isEqualTo("0");
        assertThat(DurationText.of(Duration.ofSeconds(-1))).isEqualTo("-1s");
    }

    @Test
    void aMeasuredDurationIsRoundedForReading() {
        assertThat(DurationText.rounded(Duration.ofMillis(62))).isEqualTo("62ms");
        assertThat(DurationText.rounded(Duration.ofMillis(4230))).isEqualTo("4.2s");
        assertThat(DurationText.rounded(Duration.ofMillis(3000))).isEqualTo("3s");
        assertThat(DurationText.rounded(Duration.ofMillis(42_900))).isEqualTo("42s");
        assertThat(DurationText.rounded(Duration.ofSeconds(725))).isEqualTo("12m5s");
        assertThat(DurationText.rounded(Duration.ofMinutes(12))).isEqualTo("12m");
        assertThat(DurationText.rounded(Duration.ofMinutes(125))).isEqualTo("2h5m");
    }
}
