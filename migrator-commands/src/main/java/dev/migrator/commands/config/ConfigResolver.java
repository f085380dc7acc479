package dev.migrator.commands.config;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.internal.revision.Suggestions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The one place settings are resolved, for the command line and the Maven plugin alike. Each setting comes
 * from the first layer that sets it:
 * <ol>
 *   <li>the command line (flags; for the Maven plugin, its parameters and {@code -Dmigrator.*});</li>
 *   <li>the environment ({@code MIGRATOR_URL}, {@code MIGRATOR_USER}, {@code MIGRATOR_PASSWORD}, ...);</li>
 *   <li>{@code migrator.properties} in the project directory;</li>
 *   <li>a Spring Boot project's {@code application.properties}/{@code .yml} ({@link SpringBootConfig}).</li>
 * </ol>
 * The connection is one unit: user and password are taken from the layer that gives the URL or from a
 * layer above it, never from a layer below, so a password written for one database is never sent to a
 * URL configured somewhere else.
 */
public final class ConfigResolver {

    public static final String PROPERTIES_FILE = "migrator.properties";

    private ConfigResolver() {}

    /**
     * @param commandLine settings given as flags or plugin parameters (null values are ignored)
     * @param environment the process environment (tests pass their own)
     * @param projectDirectory where {@code migrator.properties} and a Spring Boot project's sources are looked for
     * @param resourceDirectories where a Spring Boot project's {@code application.*} files are looked for
     */
    public static ToolConfig resolve(Map<Setting, String> commandLine, Map<String, String> environment,
            Path projectDirectory, List<Path> resourceDirectories) {
        List<ConfigLayer> layers = new ArrayList<>();
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        commandLine.forEach((setting, value) -> {
            if (value != null) {
                flags.put(setting, value);
            }
        });
        layers.add(new ConfigLayer("the command line", flags));
        layers.add(environmentLayer(environment));
        Path file = projectDirectory.resolve(PROPERTIES_FILE);
        if (Files.isRegularFile(file)) {
            layers.add(propertiesFile(file));
        }
        for (Path resources : resourceDirectories) {
            ConfigLayer spring = SpringBootConfig.read(resources, environment);
            if (!spring.values().isEmpty()) {
                layers.add(spring);
            }
        }
        return new ToolConfig(merge(layers));
    }

    static ConfigLayer environmentLayer(Map<String, String> environment) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String value = environment.get(setting.environmentVariable());
            if (value != null) {
                values.put(setting, value);
            }
        }
        return new ConfigLayer("the environment", values);
    }

    /** {@code migrator.properties}: only {@code migrator.*} keys this tool knows; a typo is an error, not ignored. */
    static ConfigLayer propertiesFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "Cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
            Setting setting = Setting.forKey(key.strip());
            if (setting == null) {
                String suggestion = Suggestions.closest(key, Setting.keys());
                throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, file + ": unknown key \"" + key + "\"."
                        + (suggestion == null ? "" : " Did you mean \"" + suggestion + "\"?") + " The keys are "
                        + String.join(", ", Setting.keys()) + ".");
            }
            values.put(setting, properties.getProperty(key).strip());
        }
        return new ConfigLayer(file.getFileName().toString(), values);
    }

    private static Map<Setting, ToolConfig.Value> merge(List<ConfigLayer> layers) {
        Map<Setting, ToolConfig.Value> merged = new EnumMap<>(Setting.class);
        int urlLayer = layers.size();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).has(Setting.URL)) {
                urlLayer = i;
                break;
            }
        }
        for (Setting setting : Setting.values()) {
            boolean credential = setting == Setting.USER || setting == Setting.PASSWORD;
            int last = credential ? Math.min(urlLayer, layers.size() - 1) : layers.size() - 1;
            for (int i = 0; i <= last; i++) {
                ConfigLayer layer = layers.get(i);
                if (layer.get(setting) != null) {
                    merged.put(setting, new ToolConfig.Value(layer.get(setting), layer.name()));
                    break;
                }
            }
        }
        return merged;
    }
}
