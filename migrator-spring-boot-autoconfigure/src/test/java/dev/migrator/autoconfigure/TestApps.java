package dev.migrator.autoconfigure;

import dev.migrator.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts full Spring Boot applications (every auto-configuration) on a test database. */
public final class TestApps {

    private TestApps() {}

    public static SpringApplicationBuilder builder(Class<?> app, TestDatabase db, WebApplicationType type, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + db.password(),
                "spring.main.banner-mode=off",
                "spring.jmx.enabled=false"));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(app).web(type).properties(all.toArray(String[]::new));
    }

    public static ConfigurableApplicationContext run(Class<?> app, TestDatabase db, String... properties) {
        return builder(app, db, WebApplicationType.NONE, properties).run();
    }
}
