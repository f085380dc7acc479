package dev.migrator.check;

/**
 * One applied revision as the checks need it: what the code says now and what history recorded.
 *
 * @param source           where the code's revision comes from, e.g. {@code classpath:db/migrations/x.sql}
 * @param checksum         the code's checksum now (null for Java revisions)
 * @param recordedChecksum the checksum recorded when it was applied or stamped (null when none was: a Java revision, a revision below a stamped head)
 * @param verify           the revision's {@code migrate:verify} query, or null
 */
public record AppliedRevision(String revision, String source, String checksum, String recordedChecksum, String verify) {}
