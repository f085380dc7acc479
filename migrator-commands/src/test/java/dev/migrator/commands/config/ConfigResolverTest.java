package dev.migrator.commands.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags, then environment, then migrator.properties, then a Spring Boot project's application files. */
class ConfigResolverTest {

    @TempDir
    Path dir;

    private Path resources() throws IOException {
        return Files.createDirectories(dir.resolve("src/main/resources"));
    }

    private ToolConfig resolve(Map<Setting, String> flags, Map<String, String> env) throws IOException {
        return ConfigResolver.resolve(flags, env, dir, List.of(resources()));
    }

    @Test
    void eachSettingComesFromTheFirstLayerThatSetsIt() throws IOException {
        Files.writeString(resources().resolve("application.yml"), """
                spring:
                  datasource:
                    url: jdbc:postgresql://spring/app
                    username: app
                    password: app-secret
                migrator:
                  locations: [classpath:db/migrations, classpath:db/extra]
                  table-prefix: from_yaml_
                  schema: from_yaml
                  lock-timeout: 2s
                """);
        Files.writeString(dir.resolve("migrator.properties"), "migrator.schema=from_file\nmigrator.lock-timeout=3s\n");
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.LOCK_TIMEOUT, "4s");

        ToolConfig config = resolve(flags, Map.of("MIGRATOR_TABLE_PREFIX", "from_env_"));

        assertThat(config.get(Setting.URL)).contains("jdbc:postgresql://spring/app");
        assertThat(config.get(Setting.USER)).contains("app");
        assertThat(config.locations()).containsExactly("classpath:db/migrations", "classpath:db/extra");
        assertThat(config.get(Setting.TABLE_PREFIX)).contains("from_env_");
        assertThat(config.origin(Setting.TABLE_PREFIX)).isEqualTo("the environment");
        assertThat(config.get(Setting.SCHEMA)).contains("from_file");
        assertThat(config.get(Setting.LOCK_TIMEOUT)).contains("4s");
        assertThat(config.origin(Setting.URL)).contains("application.yml");
        assertThat(config.describe()).anySatisfy(line -> assertThat(line).startsWith("migrator.password = ****"))
                .noneSatisfy(line -> assertThat(line).contains("app-secret"));
        assertThat(config.toString()).doesNotContain("app-secret");
    }

    @Test
    void theStartersConnectionRulesAndSpringPlaceholdersProfilesAndEnvironment() throws IOException {
        Files.writeString(resources().resolve("application.properties"), """
                spring.datasource.url=${DB_URL:jdbc:postgresql://localhost/app}
                spring.datasource.username=app
                spring.datasource.password=${DB_PASSWORD}
                migrator.tablePrefix=relaxed_
                """);
        Files.writeString(resources().resolve("application-prod.properties"), "spring.datasource.url=jdbc:postgresql://prod/app\n");

        ToolConfig defaults = resolve(Map.of(), Map.of("DB_PASSWORD", "pw"));
        ToolConfig prod = resolve(Map.of(), Map.of("DB_PASSWORD", "pw", "SPRING_PROFILES_ACTIVE", "prod"));
        ToolConfig overridden = resolve(Map.of(), Map.of("DB_PASSWORD", "pw", "SPRING_DATASOURCE_URL", "jdbc:postgresql://env/app"));

        assertThat(defaults.get(Setting.URL)).contains("jdbc:postgresql://localhost/app");
        assertThat(defaults.get(Setting.TABLE_PREFIX)).as("relaxed binding").contains("relaxed_");
        assertThat(prod.get(Setting.URL)).contains("jdbc:postgresql://prod/app");
        assertThat(overridden.get(Setting.URL)).contains("jdbc:postgresql://env/app");
        assertThatThrownBy(() -> resolve(Map.of(), Map.of()))
                .isInstanceOfSatisfying(MigratorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION_INVALID))
                .hasMessageContaining("${DB_PASSWORD}");

        Files.writeString(resources().resolve("application.properties"), """
                spring.datasource.url=jdbc:postgresql://localhost/app
                spring.datasource.username=app
                migrator.url=jdbc:postgresql://localhost/admin
                migrator.user=owner
                """);
        ToolConfig dedicated = resolve(Map.of(), Map.of());
        assertThat(dedicated.get(Setting.URL)).as("migrator.url wins, as in the starter").contains("jdbc:postgresql://localhost/admin");
        assertThat(dedicated.get(Setting.USER)).contains("owner");
    }

    @Test
    void aPasswordIsNeverSentToAUrlConfiguredAboveIt() throws IOException {
        Files.writeString(resources().resolve("application.properties"), """
                spring.datasource.url=jdbc:postgresql://localhost/app
                spring.datasource.username=app
                spring.datasource.password=local-secret
                """);

        ToolConfig config = resolve(Map.of(), Map.of("MIGRATOR_URL", "jdbc:postgresql://prod/app"));

        assertThat(config.get(Setting.URL)).contains("jdbc:postgresql://prod/app");
        assertThat(config.get(Setting.USER)).isEmpty();
        assertThat(config.get(Setting.PASSWORD)).isEmpty();
    }

    @Test
    void aTypoInMigratorPropertiesIsAnErrorWithASuggestion() throws IOException {
        Files.writeString(dir.resolve("migrator.properties"), "migrator.lock-timout=5s\n");

        assertThatThrownBy(() -> resolve(Map.of(), Map.of()))
                .isInstanceOfSatisfying(MigratorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION_INVALID))
                .hasMessageContaining("unknown key \"migrator.lock-timout\"")
                .hasMessageContaining("Did you mean \"migrator.lock-timeout\"?");
    }

    @Test
    void durationsAndUrlsAreReadAndShownSafely() throws IOException {
        ToolConfig config = resolve(Map.of(Setting.URL, "jdbc:postgresql://u:hunter2@db/app?ssl=true&password=hunter2"), Map.of());

        assertThat(config.displayUrl()).isEqualTo("jdbc:postgresql://****@db/app?ssl=true&password=****");
        assertThat(resolve(Map.of(Setting.URL, "jdbc:postgresql://db/app?sslmode=verify-full&sslpassword=hunter2&user=me"),
                Map.of()).displayUrl()).as("every secret parameter, as the engine masks them")
                .isEqualTo("jdbc:postgresql://db/app?sslmode=verify-full&sslpassword=****&user=me");
        assertThat(config.duration(Setting.LOCK_TIMEOUT, "500ms")).hasMillis(500);
        assertThat(config.duration(Setting.LOCK_TIMEOUT, "2m")).hasSeconds(120);
        assertThat(config.duration(Setting.LOCK_TIMEOUT, "PT5S")).hasSeconds(5);
        assertThat(config.duration(Setting.LOCK_TIMEOUT, "250")).as("a bare number is milliseconds, as in Spring Boot").hasMillis(250);
        assertThatThrownBy(() -> config.duration(Setting.LOCK_TIMEOUT, "five"))
                .hasMessageContaining("migrator.lock-timeout = \"five\"");
    }

    /** The sample: migrator.properties points at the database spring-boot:run starts; locations come from application.properties. */
    @Test
    void theSampleAppIsConfiguredWithNoFlag() {
        Path sample = Path.of("../sample-app").toAbsolutePath().normalize();

        ToolConfig config = ConfigResolver.resolve(Map.of(), Map.of(), sample, List.of(sample.resolve("src/main/resources")));

        assertThat(config.get(Setting.URL)).contains("jdbc:postgresql://localhost:54329/postgres");
        assertThat(config.origin(Setting.URL)).isEqualTo("migrator.properties");
        assertThat(config.get(Setting.USER)).contains("postgres");
        assertThat(config.locations()).containsExactly("classpath:db/migrations");
        assertThat(config.origin(Setting.LOCATIONS)).contains("application.properties");
    }
}
