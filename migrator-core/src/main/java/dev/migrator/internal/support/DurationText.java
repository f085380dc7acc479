package dev.migrator.internal.support;

import java.time.Duration;

/**
 * Durations in messages and logs, written the way the properties are ({@code 10m}, {@code 5s},
 * {@code 250ms}), never ISO-8601 ({@code PT10M}): a person compares the message with the setting
 * they wrote, and {@code PT0.25S} reads like neither. The one formatter for every message.
 */
public final class DurationText {

    private DurationText() {}

    /**
     * A configured duration, exactly, in the largest unit that divides it: {@code 10m}, {@code 90s},
     * {@code 1500ms}, {@code 0}; what a property with this value would say. (Below a millisecond, which no
     * setting uses, it is rounded to whole milliseconds.)
     */
    public static String of(Duration duration) {
        if (duration.isNegative()) {
            return "-" + of(duration.negated());
        }
        long millis = duration.toMillis();
        if (millis == 0) {
            return duration.isZero() ? "0" : "0ms";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    /**
     * A measured duration, rounded for reading: {@code 250ms} below a second, {@code 4.2s} below ten
     * seconds, whole seconds below a minute ({@code 42s}), then minutes and seconds ({@code 12m5s}), then
     * hours and minutes ({@code 2h5m}).
     */
    public static String rounded(Duration duration) {
        if (duration.isNegative()) {
            return "-" + rounded(duration.negated());
        }
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 10_000) {
            long tenths = Math.round(millis / 100.0);
            return tenths % 10 == 0 ? tenths / 10 + "s" : tenths / 10 + "." + tenths % 10 + "s";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
        }
        long minutes = seconds / 60;
        return minutes / 60 + "h" + (minutes % 60 == 0 ? "" : minutes % 60 + "m");
    }
}
