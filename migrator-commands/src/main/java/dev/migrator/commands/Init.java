package dev.migrator.commands;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.commands.config.ConfigResolver;
import dev.migrator.commands.config.Setting;
import dev.migrator.commands.config.ToolConfig;
import dev.migrator.commands.project.ProjectLayout;
import dev.migrator.commands.project.RevisionSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code init}: creates the migrations folder and a commented {@code migrator.properties}; never overwrites.
 * In a project the folder is {@code src/main/resources/db/migrations} (the starter's default location);
 * elsewhere it is {@code migrations}, written into the properties as {@code filesystem:migrations}.
 */
public final class Init {

    /** @param created what this run created (an existing file or folder is left as it is) */
    public record Result(Path migrationsDirectory, Path propertiesFile, List<Path> created) {}

    private Init() {}

    public static Result run(ToolConfig config, ProjectLayout layout) {
        boolean ownLocation = !layout.project() && config.get(Setting.LOCATIONS).isEmpty();
        List<String> locations = ownLocation ? List.of("filesystem:migrations") : config.locations();
        Path directory;
        try (RevisionSources sources = new RevisionSources(layout, locations)) {
            directory = sources.newRevisionDirectory();
        }
        Path properties = layout.baseDirectory().resolve(ConfigResolver.PROPERTIES_FILE);
        List<Path> created = new java.util.ArrayList<>();
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                created.add(directory);
            }
            if (!Files.exists(properties)) {
                Files.writeString(properties, template(ownLocation ? "filesystem:migrations" : null));
                created.add(properties);
            }
        } catch (IOException e) {
            throw new MigratorException(ErrorCode.CONFIGURATION_INVALID, "init could not write " + e.getMessage()
                    + ": check the directory's permissions.", e);
        }
        return new Result(directory, properties, created);
    }

    static String template(String locations) {
        StringBuilder text = new StringBuilder();
        text.append("# Migrator settings for the migrator command and the Maven plugin.\n")
            .append("# Precedence: command-line flags, then environment variables (MIGRATOR_URL, ...), then this file,\n")
            .append("# then a Spring Boot project's src/main/resources/application.properties or .yml.\n")
            .append("# Keep the password out of files: set MIGRATOR_PASSWORD in the environment instead.\n\n");
        for (Setting setting : Setting.values()) {
            if (setting == Setting.PASSWORD) {
                text.append("# ").append(setting.key()).append(": not here, use the environment variable ")
                    .append(setting.environmentVariable()).append("\n");
                continue;
            }
            text.append("# ").append(setting.description()).append(" (environment: ").append(setting.environmentVariable()).append(")\n");
            if (setting == Setting.LOCATIONS && locations != null) {
                text.append(setting.key()).append('=').append(locations).append("\n\n");
            } else {
                text.append("#").append(setting.key()).append('=').append(example(setting)).append("\n\n");
            }
        }
        return text.toString();
    }

    private static String example(Setting setting) {
        return switch (setting) {
            case URL -> "jdbc:postgresql://localhost:5432/mydb";
            case USER -> "migrator";
            case LOCATIONS -> "classpath:db/migrations";
            case CLASSPATH -> "target/classes";
            case SCHEMA -> "public";
            case TABLE_PREFIX -> "migrator_";
            case LOCK_TIMEOUT -> "5s";
            case STATEMENT_TIMEOUT -> "0";
            case LOCK_RETRIES -> "5";
            case ADVISORY_LOCK_WAIT -> "10m";
            case CHECK_TIMEOUT -> "10s";
            case VALIDATE_CHECKSUMS -> "true";
            case ON_UNKNOWN_REVISION -> "warn";
            case CONTRACT -> "defer";
            case PASSWORD -> "";
        };
    }
}
