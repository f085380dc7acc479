package dev.migrator.commands.config;

import dev.migrator.ContractPolicy;
import dev.migrator.ErrorCode;
import dev.migrator.MigratorConfiguration;
import dev.migrator.internal.support.Secrets;
import dev.migrator.MigratorException;
import dev.migrator.UnknownRevisionPolicy;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolved settings, each with where it came from. Its text forms never contain the password: {@link #describe()}
 * masks it and {@link #displayUrl()} removes credentials a JDBC URL may carry.
 */
public final class ToolConfig {

    /** A value and the name of the layer it came from. */
    public record Value(String value, String origin) {
        @Override
        public String toString() {
            return "Value[origin=" + origin + "]"; // never the value: it may be the password
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ns|us|ms|s|m|h|d)?");
    private static final Pattern URL_USERINFO = Pattern.compile("//[^/@?]*@");

    private final Map<Setting, Value> values;

    ToolConfig(Map<Setting, Value> values) {
        this.values = Map.copyOf(values);
    }

    public Optional<String> get(Setting setting) {
        Value value = values.get(setting);
        return value == null || value.value().isBlank() ? Optional.empty() : Optional.of(value.value().strip());
    }

    /** Where a setting came from ("the environment", "migrator.properties", ...), or null when unset. */
    public String origin(Setting setting) {
        Value value = values.get(setting);
        return value == null ? null : value.origin();
    }

    public boolean hasDatabase() {
        return get(Setting.URL).isPresent();
    }

    /** The JDBC URL without its user-info or any secret parameter it carries, for output. */
    public String displayUrl() {
        return get(Setting.URL).map(ToolConfig::redact).orElse("(none)");
    }

    /** The whole user-info hidden (the user too), then every secret parameter as the engine masks them. */
    static String redact(String url) {
        Matcher userInfo = URL_USERINFO.matcher(url);
        return Secrets.mask(userInfo.find() ? userInfo.replaceFirst("//****@") : url);
    }

    public List<String> locations() {
        return get(Setting.LOCATIONS).map(ToolConfig::list).orElse(MigratorConfiguration.DEFAULT_LOCATIONS);
    }

    public List<String> classpath() {
        return get(Setting.CLASSPATH).map(text -> List.of(text.split(java.io.File.pathSeparator + "|,"))).orElse(List.of())
                .stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Applies the connection and engine settings; locations and class loading are the project's business. */
    public MigratorConfiguration applyTo(MigratorConfiguration configuration) {
        get(Setting.URL).ifPresent(url -> configuration.url(url, get(Setting.USER).orElse(null),
                values.containsKey(Setting.PASSWORD) ? values.get(Setting.PASSWORD).value() : null));
        get(Setting.SCHEMA).ifPresent(configuration::schema);
        get(Setting.TABLE_PREFIX).ifPresent(configuration::tablePrefix);
        get(Setting.LOCK_TIMEOUT).ifPresent(v -> configuration.lockTimeout(duration(Setting.LOCK_TIMEOUT, v)));
        get(Setting.STATEMENT_TIMEOUT).ifPresent(v -> configuration.statementTimeout(duration(Setting.STATEMENT_TIMEOUT, v)));
        get(Setting.ADVISORY_LOCK_WAIT).ifPresent(v -> configuration.advisoryLockWait(duration(Setting.ADVISORY_LOCK_WAIT, v)));
        get(Setting.CHECK_TIMEOUT).ifPresent(v -> configuration.checkTimeout(duration(Setting.CHECK_TIMEOUT, v)));
        get(Setting.LOCK_RETRIES).ifPresent(v -> configuration.lockRetries(integer(Setting.LOCK_RETRIES, v)));
        get(Setting.VALIDATE_CHECKSUMS).ifPresent(v -> configuration.validateChecksums(bool(Setting.VALIDATE_CHECKSUMS, v)));
        get(Setting.ON_UNKNOWN_REVISION).ifPresent(v -> configuration.onUnknownRevision(
                choice(Setting.ON_UNKNOWN_REVISION, v, UnknownRevisionPolicy.class)));
        get(Setting.CONTRACT).ifPresent(v -> configuration.contract(choice(Setting.CONTRACT, v, ContractPolicy.class)));
        return configuration;
    }

    /**
     * A plain JDBC connection with the configured credentials, for what the engine does not read itself
     * (another tool's history table). The caller closes it.
     */
    public java.sql.Connection connect() throws java.sql.SQLException {
        String url = get(Setting.URL).orElseThrow(() -> new MigratorException(ErrorCode.CONFIGURATION_INVALID,
                "No database configured: give --url or set MIGRATOR_URL."));
        java.util.Properties properties = new java.util.Properties();
        get(Setting.USER).ifPresent(user -> properties.setProperty("user", user));
        Value password = values.get(Setting.PASSWORD);
        if (password != null) {
            properties.setProperty("password", password.value());
        }
        return java.sql.DriverManager.getConnection(url, properties);
    }

    /** One line per setting that is set: key, value (the password masked) and origin. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            Value value = values.get(setting);
            if (value != null) {
                String shown = setting == Setting.PASSWORD ? "****" : setting == Setting.URL ? redact(value.value()) : value.value();
                lines.add(setting.key() + " = " + shown + "   (from " + value.origin() + ")");
            }
        }
        return lines;
    }

    private MigratorException invalid(Setting setting, String value, String expected) {
        return new MigratorException(ErrorCode.CONFIGURATION_INVALID, setting.key() + " = \"" + value + "\" (from "
                + origin(setting) + ") is not valid: expected " + expected + ".");
    }

    /** Spring Boot's forms: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}, ISO-8601, a bare number of milliseconds. */
    Duration duration(Setting setting, String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(setting, text, "a duration such as 500ms, 5s, 2m or PT5S");
            }
        }
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches() || matcher.group(1).length() > 12) {
            throw invalid(setting, text, "a duration such as 500ms, 5s, 2m or PT5S");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        return switch (unit) {
            case "ns" -> Duration.ofNanos(amount);
            case "us" -> Duration.ofNanos(amount * 1000);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofMillis(amount);
        };
    }

    private int integer(Setting setting, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw invalid(setting, text, "a whole number");
        }
    }

    private boolean bool(Setting setting, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(setting, text, "true or false");
        };
    }

    private <E extends Enum<E>> E choice(Setting setting, String text, Class<E> type) {
        String wanted = text.strip().replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw invalid(setting, text, "one of " + String.join(", ", names));
    }

    private static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    @Override
    public String toString() {
        return "ToolConfig" + describe();
    }
}
