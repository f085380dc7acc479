package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated metadata is what IDEs complete from: every SPEC §7 property, described, with its default. */
class ConfigurationMetadataTest {

    /** SPEC §7: property → default as the metadata shows it (null: no default). */
    private static final Map<String, String> SPEC = new LinkedHashMap<>();

    static {
        SPEC.put("migrator.enabled", "true");
        SPEC.put("migrator.locations", "[\"classpath:db/migrations\"]");
        SPEC.put("migrator.schema", null);
        SPEC.put("migrator.table-prefix", "\"migrator_\"");
        SPEC.put("migrator.startup.action", "\"upgrade\"");
        SPEC.put("migrator.startup.async", "false");
        SPEC.put("migrator.target", "\"heads\"");
        SPEC.put("migrator.contract", "\"defer\"");
        SPEC.put("migrator.lock-timeout", "\"5s\"");
        SPEC.put("migrator.statement-timeout", "\"0\"");
        SPEC.put("migrator.lock-retries", "5");
        SPEC.put("migrator.advisory-lock-wait", "\"10m\"");
        SPEC.put("migrator.validate-checksums", "true");
        SPEC.put("migrator.on-unknown-revision", "\"warn\"");
        SPEC.put("migrator.url", null);
        SPEC.put("migrator.user", null);
        SPEC.put("migrator.password", null);
        SPEC.put("migrator.checks.enabled", "true");
        SPEC.put("migrator.checks.cache-ttl", "\"30s\"");
        SPEC.put("migrator.safety", "\"warn\"");
        // not in SPEC §7's table: added with the per-check time limit (docs/spring-boot.md)
        SPEC.put("migrator.checks.timeout", "\"10s\"");
        SPEC.put("migrator.connect-retries", "0");
        SPEC.put("migrator.connect-retries-interval", "\"120s\"");
        SPEC.put("migrator.baseline", null);
        SPEC.put("migrator.fail-on-missing-locations", "true");
        // not in SPEC §7's table: issue 13 (docs/spring-boot.md)
        SPEC.put("migrator.accept-checksum-change", null);
        SPEC.put("migrator.status-timeout", "\"2s\"");
        // not in SPEC §7's table: issue 17, opt-in (docs/spring-boot.md, "Startup modes")
        SPEC.put("migrator.startup.concurrent", "false");
        SPEC.put("management.health.migrations.enabled", "true");
    }

    @Test
    void everySpecPropertyIsListedWithDescriptionAndDefault() throws Exception {
        Map<String, JsonNode> properties = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated configuration metadata").isNotNull();
            new JsonMapper().readTree(in).get("properties").forEach(p -> properties.put(p.get("name").asString(), p));
        }

        assertThat(properties.keySet()).containsAll(SPEC.keySet());
        SPEC.forEach((name, expectedDefault) -> {
            JsonNode property = properties.get(name);
            assertThat(property.path("description").asString()).as("description of %s", name).isNotBlank();
            if (expectedDefault == null) {
                assertThat(property.has("defaultValue")).as("%s has no default", name).isFalse();
            } else {
                assertThat(property.path("defaultValue").toString()).as("default of %s", name).isEqualTo(expectedDefault);
            }
        });
    }
}
