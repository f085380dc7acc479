package dev.migrator.sample;

/** A row of {@code orders}; amounts in cents. */
public record Order(long id, long userId, long totalCents, String status, String note) {
}
