package dev.migrator.schema;

import dev.migrator.schema.SchemaSnapshot.SchemaObject;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.Size;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored text form loses nothing, whatever characters names and definitions contain. */
class SchemaSnapshotProperties {

    @Property
    void textFormParsesBackToTheSameObjects(@ForAll @NotBlank String kind, @ForAll String name,
            @ForAll @Size(max = 4) Map<@NotBlank String, String> attributes) {
        SchemaSnapshot snapshot = SchemaSnapshot.of(List.of(new SchemaObject(kind, name, attributes)));

        SchemaSnapshot parsed = SchemaSnapshot.parse(snapshot.text());

        assertThat(parsed.objects()).isEqualTo(snapshot.objects());
        assertThat(parsed.fingerprint()).isEqualTo(snapshot.fingerprint());
    }

    @Property
    void namesThatLookLikeTheHeaderSurvive(@ForAll String suffix) {
        SchemaSnapshot snapshot = SchemaSnapshot.of(List.of(new SchemaObject("#" + suffix, "# migrator schema snapshot v1", Map.of())));

        assertThat(SchemaSnapshot.parse(snapshot.text()).objects()).isEqualTo(snapshot.objects());
    }

    @Property
    void differentObjectsHaveDifferentFingerprints(@ForAll String first, @ForAll String second) {
        SchemaSnapshot a = SchemaSnapshot.of(List.of(new SchemaObject("column", "t.c", Map.of("default", first))));
        SchemaSnapshot b = SchemaSnapshot.of(List.of(new SchemaObject("column", "t.c", Map.of("default", second))));

        assertThat(a.fingerprint().equals(b.fingerprint())).isEqualTo(first.equals(second));
        assertThat(a.diff(b).isEmpty()).isEqualTo(first.equals(second));
    }
}
