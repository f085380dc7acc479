package dev.migrator.commands.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A setting of the command line and the Maven plugin. One vocabulary everywhere: the key is the Spring Boot
 * property ({@code migrator.table-prefix}), the same key in {@code migrator.properties} and as a Maven
 * property, and the environment variable is its upper-case form ({@code MIGRATOR_TABLE_PREFIX}).
 */
public enum Setting {
    URL("migrator.url", "JDBC URL of the database"),
    USER("migrator.user", "login user"),
    PASSWORD("migrator.password", "login password (never printed)"),
    LOCATIONS("migrator.locations", "comma list of classpath: and filesystem: locations"),
    CLASSPATH("migrator.classpath", "extra class path for Java revisions and classpath: locations (jars, directories)"),
    SCHEMA("migrator.schema", "schema of Migrator's tables"),
    TABLE_PREFIX("migrator.table-prefix", "prefix of Migrator's tables"),
    LOCK_TIMEOUT("migrator.lock-timeout", "per statement lock wait"),
    STATEMENT_TIMEOUT("migrator.statement-timeout", "per statement time limit (0: none)"),
    LOCK_RETRIES("migrator.lock-retries", "retries after a lock timeout"),
    ADVISORY_LOCK_WAIT("migrator.advisory-lock-wait", "how long to wait for another instance's run"),
    CHECK_TIMEOUT("migrator.checks.timeout", "time limit of each post-deploy check"),
    VALIDATE_CHECKSUMS("migrator.validate-checksums", "fail on an edited applied revision"),
    ON_UNKNOWN_REVISION("migrator.on-unknown-revision", "warn or fail when the database is ahead of the code"),
    CONTRACT("migrator.contract", "defer or apply contract-phase revisions");

    private final String key;
    private final String description;

    Setting(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** {@code migrator.table-prefix} → {@code MIGRATOR_TABLE_PREFIX}. */
    public String environmentVariable() {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static Setting forKey(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return setting;
            }
        }
        return null;
    }

    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Setting setting : values()) {
            keys.add(setting.key);
        }
        return keys;
    }
}
