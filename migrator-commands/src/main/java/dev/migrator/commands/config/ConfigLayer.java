package dev.migrator.commands.config;

import java.util.Map;
import java.util.TreeMap;

/**
 * One source of settings, e.g. the command line, the environment or a file, with its values by
 * {@link Setting}. {@code name} says where a value came from, in messages ({@code migrator.properties},
 * {@code environment}); it never includes a value.
 */
public record ConfigLayer(String name, Map<Setting, String> values) {

    public ConfigLayer {
        values = Map.copyOf(new TreeMap<>(values));
    }

    public String get(Setting setting) {
        return values.get(setting);
    }

    public boolean has(Setting setting) {
        String value = values.get(setting);
        return value != null && !value.isBlank();
    }
}
