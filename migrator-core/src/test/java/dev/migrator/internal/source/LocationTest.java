package dev.migrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocationTest {

    @Test
    void classpathLocationsAreNormalisedResourcePaths() {
        assertThat(Location.parse("classpath:db/migrations")).isEqualTo(new Location(Location.Kind.CLASSPATH, "db/migrations"));
        assertThat(Location.parse("CLASSPATH:/db/migrations/")).isEqualTo(new Location(Location.Kind.CLASSPATH, "db/migrations"));
        assertThat(Location.parse("classpath:db/migrations").packageName()).isEqualTo("db.migrations");
        assertThat(Location.parse("classpath:db/migrations").source("sub/1_x.sql"))
                .isEqualTo("classpath:db/migrations/sub/1_x.sql");
    }

    @Test
    void aBarePathMeansClasspath() {
        assertThat(Location.parse("db/migrations")).isEqualTo(new Location(Location.Kind.CLASSPATH, "db/migrations"));
    }

    @Test
    void filesystemLocationsKeepThePathAsConfigured() {
        Location location = Location.parse("filesystem:/opt/app/migrations");
        assertThat(location).isEqualTo(new Location(Location.Kind.FILESYSTEM, "/opt/app/migrations"));
        assertThat(location.source("1_x.sql")).isEqualTo("filesystem:/opt/app/migrations/1_x.sql");
        assertThat(Location.parse("filesystem:migrations").path()).isEqualTo("migrations");
        assertThat(Location.parse("filesystem:/opt/m/").source("1_x.sql")).isEqualTo("filesystem:/opt/m/1_x.sql");
    }

    @Test
    void unknownPrefixAndEmptyLocationsAreErrors() {
        assertThatThrownBy(() -> Location.parse("s3:bucket/migrations"))
                .isInstanceOf(RevisionLoadException.class)
                .hasMessageContaining("unknown prefix \"s3:\"")
                .hasMessageContaining("\"classpath:\" or \"filesystem:\"");
        assertThatThrownBy(() -> Location.parse("classpath:/"))
                .isInstanceOf(RevisionLoadException.class)
                .hasMessageContaining("root of the class path");
        assertThatThrownBy(() -> Location.parse("filesystem:"))
                .isInstanceOf(RevisionLoadException.class)
                .hasMessageContaining("names no directory");
        assertThatThrownBy(() -> Location.parse(" "))
                .isInstanceOf(RevisionLoadException.class)
                .hasMessageContaining("empty migration location");
    }
}
