package dev.migrator.internal.source;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses the durations users write in headers and annotations: {@code 500ms}, {@code 5s},
 * {@code 2m}, {@code 1h}, a bare {@code 0}, or ISO-8601 ({@code PT5S}).
 */
final class Durations {

    static final String EXPECTED = "a whole number with a unit (ms, s, m, h), e.g. \"500ms\", \"5s\" or \"2m\"";

    private Durations() {}

    /** @throws IllegalArgumentException with a message saying what is expected */
    static Duration parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        if (value.startsWith("p")) {
            try {
                return nonNegative(text, Duration.parse(value.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        int digits = 0;
        while (digits < value.length() && Character.isDigit(value.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || digits > 12) {
            throw invalid(text);
        }
        long amount = Long.parseLong(value.substring(0, digits));
        switch (value.substring(digits).strip()) {
            case "ms": return Duration.ofMillis(amount);
            case "s": return Duration.ofSeconds(amount);
            case "m": return Duration.ofMinutes(amount);
            case "h": return Duration.ofHours(amount);
            default: throw invalid(text);
        }
    }

    private static Duration nonNegative(String text, Duration duration) {
        if (duration.isNegative()) {
            throw invalid(text);
        }
        return duration;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("\"" + text + "\" is not a duration: expected " + EXPECTED);
    }
}
