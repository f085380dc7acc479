package dev.migrator;

import dev.migrator.internal.execute.ConnectionSource;
import dev.migrator.internal.execute.UrlConnectionSource;
import dev.migrator.internal.execute.DatabaseWait;
import dev.migrator.internal.execute.EngineSettings;
import dev.migrator.internal.support.DurationText;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * A {@link MigratorConfiguration} checked once, at {@code load()}, and turned into the engine's settings and
 * its source of connections: every bad value is refused here with what to set instead, so no verb meets one.
 */
final class ConfigurationValidator {

    private ConfigurationValidator() {}

    /** {@code load()} needs a database ({@code loadRevisions()} does not). */
    static void requireDatabase(MigratorConfiguration c) {
        if (c.getDataSource() == null && c.getUrl() == null) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "No database configured: call dataSource(...) or url(jdbcUrl, user, password) "
                    + "on Migrator.configure() before load().");
        }
    }

    static EngineSettings settings(MigratorConfiguration c) {
        if (c.getLockRetries() < 0) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "lockRetries must be 0 or more, was " + c.getLockRetries());
        }
        requireNotNegative("lockTimeout", c.getLockTimeout());
        requireNotNegative("statementTimeout", c.getStatementTimeout());
        requireNotNegative("advisoryLockWait", c.getAdvisoryLockWait());
        if (c.getCheckTimeout().isZero() || c.getCheckTimeout().isNegative()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "checkTimeout must be positive, was "
                    + DurationText.of(c.getCheckTimeout()));
        }
        if (!isWordCharacters(c.getTablePrefix())) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "tablePrefix '" + c.getTablePrefix() + "' may only contain letters, digits and _");
        }
        if (c.getSchema() != null && c.getSchema().isBlank()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "schema is blank: leave it unset for the connection's current schema");
        }
        if (c.getConnectRetries() < 0) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "connectRetries must be 0 or more, was " + c.getConnectRetries());
        }
        if (c.getConnectRetriesInterval().isZero() || c.getConnectRetriesInterval().isNegative()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "connectRetriesInterval must be positive, was "
                    + c.getConnectRetriesInterval());
        }
        requireNotNegative("readTimeout", c.getReadTimeout());
        if (c.getBaseline() != null && c.getBaseline().isBlank()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "baseline is blank: give the revision that matches "
                    + "the existing schema, or leave it unset");
        }
        String database = c.getDataSource() != null ? DatabaseWait.describe(c.getDataSource())
                : c.getUrl() != null ? DatabaseWait.describe(c.getUrl()) : "no database (loaded with loadRevisions())";
        return new EngineSettings(c.getSchema(), c.getTablePrefix(), c.getLockTimeout(), c.getStatementTimeout(),
                c.getLockRetries(), c.getAdvisoryLockWait(), c.isValidateChecksums(), c.getOnUnknownRevision(),
                c.getContract(), c.getListeners(), new EngineSettings.ConnectSettings(database, c.getConnectRetries(),
                        c.getConnectRetriesInterval(), c.getReadTimeout()), c.getBaseline(), c.getCheckTimeout());
    }

    /** Letters, digits and {@code _} only (no regular expression: this runs in every start). */
    private static boolean isWordCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static void requireNotNegative(String name, Duration value) {
        if (value.isNegative()) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, name + " must not be negative, was " + DurationText.of(value));
        }
    }

    static ConnectionSource connectionSource(MigratorConfiguration c) {
        DataSource dataSource = c.getDataSource();
        if (dataSource != null) {
            return dataSource::getConnection;
        }
        String url = c.getUrl();
        if (url == null) {
            // loaded with loadRevisions(): the code's graph works, the first database access says what is missing
            return () -> {
                throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "No database configured, and this command "
                        + "reads or changes the database: configure a JDBC URL (and user and password).");
            };
        }
        Properties properties = new Properties();
        if (c.getUser() != null) {
            properties.setProperty("user", c.getUser());
        }
        if (c.getPassword() != null) {
            properties.setProperty("password", c.getPassword());
        }
        return new UrlConnectionSource(url, properties);
    }
}
