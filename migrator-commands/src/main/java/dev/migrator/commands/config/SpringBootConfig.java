package dev.migrator.commands.config;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads what a Spring Boot project configures for its database and for Migrator, the way the application
 * would see it when it starts: {@code application.properties} and {@code application.yml} (or {@code .yaml})
 * in {@code src/main/resources}, the files and YAML documents of the active profiles
 * ({@code SPRING_PROFILES_ACTIVE}, else {@code spring.profiles.active}), the {@code SPRING_DATASOURCE_*}
 * environment variables over the files, and {@code ${NAME:default}} placeholders resolved from the
 * environment, system properties and the files themselves.
 *
 * <p>The connection follows the starter: {@code migrator.url} with {@code migrator.user} and
 * {@code migrator.password}; without it {@code spring.datasource.url}, with {@code migrator.user}/
 * {@code migrator.password} when a user is set there and {@code spring.datasource.username}/{@code password}
 * otherwise.
 */
public final class SpringBootConfig {

    private static final int MAX_PLACEHOLDER_DEPTH = 10;

    private final Path resources;
    private final Map<String, String> environment;

    private SpringBootConfig(Path resources, Map<String, String> environment) {
        this.resources = resources;
        this.environment = environment;
    }

    /** The settings a Spring Boot project's resources give, or an empty layer when it has no application file. */
    public static ConfigLayer read(Path resourcesDirectory, Map<String, String> environment) {
        return new SpringBootConfig(resourcesDirectory, environment).read();
    }

    private ConfigLayer read() {
        Map<String, String> merged = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        load(null, merged, files);
        String active = environment.getOrDefault("SPRING_PROFILES_ACTIVE", merged.get("spring.profiles.active"));
        List<String> profiles = new ArrayList<>();
        if (active != null) {
            for (String profile : active.split(",")) {
                if (!profile.isBlank()) {
                    profiles.add(profile.strip());
                }
            }
        }
        for (String profile : profiles) {
            load(profile, merged, files);
        }
        for (String key : List.of("url", "username", "password")) {
            String fromEnvironment = environment.get("SPRING_DATASOURCE_" + key.toUpperCase(Locale.ROOT));
            if (fromEnvironment != null) {
                merged.put("spring.datasource." + key, fromEnvironment);
            }
        }
        if (files.isEmpty()) {
            return new ConfigLayer("Spring Boot configuration (none found)", Map.of());
        }
        Map<String, String> canonical = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : merged.entrySet()) {
            canonical.put(canonical(entry.getKey()), entry.getValue());
        }
        return new ConfigLayer(String.join(", ", files) + " in " + resources, settings(canonical));
    }

    /** Base files when {@code profile} is null, else the profile's files and the YAML documents activated by it. */
    private void load(String profile, Map<String, String> merged, List<String> files) {
        String suffix = profile == null ? "" : "-" + profile;
        // Spring Boot reads .properties over .yml in the same place
        for (String extension : List.of("yaml", "yml")) {
            Path yaml = resources.resolve("application" + suffix + "." + extension);
            if (Files.isRegularFile(yaml)) {
                files.add(relative(yaml));
                for (Map<String, String> document : yamlDocuments(yaml)) {
                    String onProfile = document.get("spring.config.activate.on-profile");
                    if (onProfile == null || (profile != null && onProfile.strip().equals(profile))) {
                        merged.putAll(document);
                    }
                }
            }
        }
        Path properties = resources.resolve("application" + suffix + ".properties");
        if (Files.isRegularFile(properties)) {
            files.add(relative(properties));
            merged.putAll(properties(properties));
        }
        if (profile != null) {
            // a profile's documents inside the base YAML file override the base documents
            for (String extension : List.of("yaml", "yml")) {
                Path yaml = resources.resolve("application." + extension);
                if (Files.isRegularFile(yaml)) {
                    for (Map<String, String> document : yamlDocuments(yaml)) {
                        String onProfile = document.get("spring.config.activate.on-profile");
                        if (onProfile != null && onProfile.strip().equals(profile)) {
                            merged.putAll(document);
                        }
                    }
                }
            }
        }
    }

    private Map<Setting, String> settings(Map<String, String> properties) {
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            if (setting == Setting.URL || setting == Setting.USER || setting == Setting.PASSWORD) {
                continue;
            }
            String value = properties.get(canonical(setting.key()));
            if (value != null) {
                settings.put(setting, resolve(value, properties, setting.key(), 0));
            }
        }
        String migratorUrl = properties.get(canonical("migrator.url"));
        String migratorUser = properties.get(canonical("migrator.user"));
        String url = migratorUrl != null ? migratorUrl : properties.get(canonical("spring.datasource.url"));
        if (url != null && !url.isBlank()) {
            settings.put(Setting.URL, resolve(url, properties, "url", 0));
            boolean own = migratorUrl != null || migratorUser != null;
            String user = own ? migratorUser : properties.get(canonical("spring.datasource.username"));
            String password = own ? properties.get(canonical("migrator.password"))
                    : properties.get(canonical("spring.datasource.password"));
            if (user != null) {
                settings.put(Setting.USER, resolve(user, properties, "user", 0));
            }
            if (password != null) {
                settings.put(Setting.PASSWORD, resolve(password, properties, "password", 0));
            }
        }
        return settings;
    }

    /** Resolves {@code ${name}} and {@code ${name:default}}; an unresolvable placeholder is an error naming the key. */
    private String resolve(String value, Map<String, String> properties, String key, int depth) {
        int start = value.indexOf("${");
        if (start < 0) {
            return value;
        }
        if (depth > MAX_PLACEHOLDER_DEPTH) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "The Spring Boot configuration of " + key
                    + " has placeholders nested too deep (a cycle?) in " + resources + ".");
        }
        int end = closingBrace(value, start + 2);
        if (end < 0) {
            return value;
        }
        String inside = value.substring(start + 2, end);
        int colon = inside.indexOf(':');
        String name = colon < 0 ? inside : inside.substring(0, colon);
        String found = lookup(name.strip(), properties);
        if (found == null && colon >= 0) {
            found = inside.substring(colon + 1);
        }
        if (found == null) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "The Spring Boot configuration of " + key
                    + " in " + resources + " uses ${" + name + "}, which is not set: set the environment variable "
                    + name + " or give the setting on the command line.");
        }
        String replaced = value.substring(0, start) + resolve(found, properties, key, depth + 1) + value.substring(end + 1);
        return resolve(replaced, properties, key, depth + 1);
    }

    private static int closingBrace(String value, int from) {
        int depth = 1;
        for (int i = from; i < value.length(); i++) {
            if (value.startsWith("${", i)) {
                depth++;
                i++;
            } else if (value.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private String lookup(String name, Map<String, String> properties) {
        String value = environment.get(name);
        if (value == null) {
            value = environment.get(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        if (value == null) {
            value = System.getProperty(name);
        }
        if (value == null) {
            value = properties.get(canonical(name));
        }
        return value;
    }

    /** Spring's relaxed names: {@code table-prefix}, {@code tablePrefix} and {@code table_prefix} are one key. */
    static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private Map<String, String> properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(file, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    private List<Map<String, String>> yamlDocuments(Path file) {
        List<Map<String, String>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", document, flat);
                documents.add(flat);
            }
        } catch (IOException | YAMLException e) {
            throw unreadable(file, e);
        }
        return documents;
    }

    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                flatten(prefix.isEmpty() ? String.valueOf(entry.getKey()) : prefix + "." + entry.getKey(), entry.getValue(), into);
            }
        } else if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (item instanceof Map<?, ?>) {
                    flatten(prefix + "[" + i + "]", item, into);
                } else {
                    items.add(String.valueOf(item));
                }
            }
            into.put(prefix, String.join(",", items));
        } else if (value != null && !prefix.isEmpty()) {
            into.put(prefix, String.valueOf(value));
        }
    }

    private static String relative(Path file) {
        return file.getFileName().toString();
    }

    private static MigratorException unreadable(Path file, Exception e) {
        return new MigratorException(ErrorCode.CONFIGURATION_INVALID, "Cannot read " + file + ": " + e.getMessage()
                + ". Fix the file, or give the settings on the command line.", e);
    }
}
