package dev.migrator.sample;

/** A row of {@code users}. {@code emailVerified} is null until the user verified or was backfilled. */
public record User(long id, String email, String displayName, Boolean emailVerified) {
}
