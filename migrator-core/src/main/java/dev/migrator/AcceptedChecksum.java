package dev.migrator;

/**
 * One applied revision whose changed file was accepted by {@link Migrator#acceptChecksum}: from now on
 * {@code accepted} is the checksum runs and checks compare the file with.
 *
 * @param revision the revision's id
 * @param source where its file is
 * @param previous the checksum recorded until now
 * @param accepted the file's current checksum, now recorded
 */
public record AcceptedChecksum(String revision, String source, String previous, String accepted) {
}
