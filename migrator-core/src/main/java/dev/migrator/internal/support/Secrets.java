package dev.migrator.internal.support;

import dev.migrator.MigratorException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where credentials are taken out of text Migrator prints: log lines, exception
 * messages, endpoint responses. A JDBC driver or a pool puts the URL it was given into its errors
 * ({@code No suitable driver found for jdbc:postgresql://app:s3cret@db/shop}), and users do put
 * passwords into URLs, so every text that may carry a URL goes through {@link #mask(String)}.
 */
public final class Secrets {

    /** What a masked value reads as. */
    public static final String MASK = "****";

    /** The patterns, compiled when a text first needs them (most texts have no '@' and no '=' and need none). */
    private static final class Patterns {

        /**
         * {@code scheme://user:password@host}: the password of the URL's user-info. Reserved characters of
         * a password in a URL are percent-encoded, so it ends at the last {@code @} before the path.
         */
        static final Pattern USER_INFO = Pattern.compile("(//[^/\\s:@?#]*:)([^/\\s?#]*)@");

        /**
         * {@code user:password@host} on its own: the driver does not read user-info, takes it for the host
         * name and puts that into its {@code UnknownHostException}.
         */
        static final Pattern BARE_USER_INFO = Pattern.compile("(^|[\\s\"'(=])([^\\s/:@\"'()]+:)([^\\s/@\"']+)@(?=[\\w\\[])");

        /**
         * {@code password=…} as a URL parameter ({@code ?}, {@code &}, {@code ;}) or a libpq key-value pair,
         * and every other key that names a secret ({@code sslpassword}, {@code client_secret}, {@code token}).
         * A value is quoted (libpq) or runs to the next separator.
         */
        static final Pattern SECRET_PARAMETER = Pattern.compile(
                "(?i)(\\b[a-z0-9_.-]*(?:password|passwd|pwd|secret|token)[a-z0-9_.-]*\\s*=\\s*)('[^']*'|\"[^\"]*\"|[^&;\\s,)'\"]+)");
    }

    private Secrets() {}

    /** {@code text} with every password in a URL or key-value pair replaced by {@value #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (text.indexOf('@') < 0 && text.indexOf('=') < 0) {
            return text; // user-info needs an '@', a key-value pair an '=': nothing to mask (and no pattern to compile)
        }
        String masked = Patterns.USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        masked = Patterns.BARE_USER_INFO.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK + "@"));
        return Patterns.SECRET_PARAMETER.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }

    /**
     * {@code failure} itself when no message in its cause chain holds a secret, else a copy of the chain
     * with masked messages (an {@link SQLException} stays one, with its SQLSTATE, so failures are still
     * classified), so that a logged stack trace does not print what the message hides.
     */
    public static Throwable mask(Throwable failure) {
        if (failure == null || !holdsSecret(failure)) {
            return failure;
        }
        return copy(failure, 0);
    }

    private static boolean holdsSecret(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            String message = t.getMessage();
            if (message != null && !message.equals(mask(message))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable copy(Throwable original, int depth) {
        String message = mask(original.getMessage());
        Throwable copy;
        if (original instanceof MigratorException migrator) {
            copy = new MigratorException(migrator.code(), message);
        } else if (original instanceof SQLException sql) {
            copy = new SQLException(message, sql.getSQLState(), sql.getErrorCode());
        } else {
            // the original type may have no (String) constructor; its name stays in the text
            copy = new MaskedException(original.getClass().getName() + (message == null ? "" : ": " + message));
        }
        copy.setStackTrace(original.getStackTrace());
        Throwable cause = original.getCause();
        if (cause != null && cause != original && depth < 32) {
            copy.initCause(copy(cause, depth + 1));
        }
        return copy;
    }

    /** Stands for a throwable whose message had to be masked; its text starts with the original type. */
    static final class MaskedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MaskedException(String message) {
            super(message);
        }
    }
}
