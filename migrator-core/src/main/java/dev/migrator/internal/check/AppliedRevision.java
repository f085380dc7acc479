package dev.migrator.internal.check;

/**
 * One applied revision as the checks need it: what the code says now and what history recorded.
 *
 * @param source           where the code's revision comes from, e.g. {@code classpath:db/migrations/x.sql}
 * @param checksum         the code's checksum now (null for Java revisions)
 * @param recordedChecksum the checksum recorded when it was applied or stamped (null when none was: a Java revision, a revision below a stamped head)
 * @param verify           the revision's {@code migrate:verify} query, or null
 * @param verifyLine       the line of the file the verify query starts on, or 0 when unknown
 */
public record AppliedRevision(String revision, String source, String checksum, String recordedChecksum, String verify,
        int verifyLine) {

    /** A revision whose verify query's line is not known. */
    public AppliedRevision(String revision, String source, String checksum, String recordedChecksum, String verify) {
        this(revision, source, checksum, recordedChecksum, verify, 0);
    }
}
