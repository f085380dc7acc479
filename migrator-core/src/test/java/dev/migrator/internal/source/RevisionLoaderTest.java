package dev.migrator.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.Phase;
import dev.migrator.operation.Operations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import loader.valid.AddAuditTable;
import loader.valid.DerivedDowngrade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionLoaderTest {

    private static final ClassLoader LOADER = RevisionLoaderTest.class.getClassLoader();

    private static List<LoadedRevision> load(String... locations) {
        return RevisionLoader.load(List.of(locations), LOADER, List.of());
    }

    private static LoadedRevision byId(List<LoadedRevision> revisions, String id) {
        return revisions.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void loadsSqlFilesRecursivelyThenJavaClassesOfTheLocationsPackageInAStableOrder() {
        List<LoadedRevision> revisions = load("classpath:loader/valid");

        assertThat(revisions).extracting(LoadedRevision::source).containsExactly(
                "classpath:loader/valid/0001_create_users.sql",
                "classpath:loader/valid/0003_drop_legacy.sql",
                "classpath:loader/valid/sub/0002_add_email_verified.sql",
                "java:loader.valid.AddAuditTable",
                "java:loader.valid.DerivedDowngrade");
        assertThat(revisions).extracting(r -> r.node().source()).isEqualTo(
                revisions.stream().map(LoadedRevision::source).toList());
        assertThat(load("loader/valid")).extracting(LoadedRevision::source)
                .isEqualTo(revisions.stream().map(LoadedRevision::source).toList());
        assertThat(load("classpath:loader/valid", "classpath:/loader/valid/")).as("the same location twice counts once")
                .hasSameSizeAs(revisions);
    }

    @Test
    void readsEveryHeaderKeyOfASqlRevision() {
        LoadedRevision users = byId(load("classpath:loader/valid"), "a0000001");

        assertThat(users.node().revises()).isEmpty();
        assertThat(users.node().branchLabels()).isEqualTo(Set.of("accounts", "core"));
        assertThat(users.message()).isEqualTo("create users");
        assertThat(users.phase()).isEqualTo(Phase.EXPAND);
        assertThat(users.transactional()).isTrue();
        assertThat(users.lockTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(users.irreversible()).isNull();
        assertThat(users.checksum()).matches("[0-9a-f]{64}");

        LoadedRevision legacy = byId(load("classpath:loader/valid"), "c0000003");
        assertThat(legacy.node().revises()).containsExactly("b0000002", "j0000001");
        assertThat(legacy.phase()).isEqualTo(Phase.CONTRACT);
        assertThat(legacy.transactional()).isFalse();
        assertThat(legacy.lockTimeout()).isNull();
        assertThat(legacy.irreversible()).isEqualTo("the legacy column's data is gone");
        assertThat(((RevisionBody.Sql) legacy.body()).downgrade()).isEmpty();
    }

    @Test
    void headerKeysAreCaseInsensitive() {
        LoadedRevision email = byId(load("classpath:loader/valid"), "b0000002");

        assertThat(email.node().revises()).containsExactly("a0000001");
        assertThat(email.node().dependsOn()).containsExactly("a0000001");
        assertThat(email.message()).isEqualTo("add email_verified to users");
    }

    @Test
    void splitsSectionsIntoStatementsWithTheirFileLines() {
        RevisionBody.Sql body = (RevisionBody.Sql) byId(load("classpath:loader/valid"), "a0000001").body();

        assertThat(body.upgrade()).extracting(SqlStatement::line).containsExactly(13, 14);
        assertThat(body.upgrade().get(1).sql()).startsWith("CREATE FUNCTION users_touch()").endsWith("LANGUAGE plpgsql");
        assertThat(body.downgrade()).containsExactly(
                new SqlStatement("DROP FUNCTION users_touch()", 22), new SqlStatement("DROP TABLE users", 23));
        assertThat(body.verify()).isEqualTo(new SqlStatement("SELECT count(*) = 0 FROM users WHERE email IS NULL", 26));
    }

    @Test
    void readsTheRevisionAnnotationOfJavaRevisions() {
        LoadedRevision audit = byId(load("classpath:loader/valid"), "j0000001");

        assertThat(audit.node().revises()).containsExactly("a0000001");
        assertThat(audit.node().dependsOn()).containsExactly("b0000002");
        assertThat(audit.node().branchLabels()).containsExactly("audit");
        assertThat(audit.message()).isEqualTo("add audit table");
        assertThat(audit.phase()).isEqualTo(Phase.CONTRACT);
        assertThat(audit.transactional()).isFalse();
        assertThat(audit.lockTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(audit.checksum()).isNull();
        assertThat(((RevisionBody.Java) audit.body()).migration()).isInstanceOf(AddAuditTable.class);
    }

    @Test
    void reversibleMigrationGetsItsDowngradeDerived() {
        LoadedRevision derived = byId(load("classpath:loader/valid"), "j0000002");
        var migration = ((RevisionBody.Java) derived.body()).migration();

        assertThat(Operations.record(migration::downgrade)).containsExactly(DerivedDowngrade.DROP);
    }

    @Test
    void aClassGivenAsAnInstanceIsLoadedOnceFromTheInstance() {
        AddAuditTable bean = new AddAuditTable();
        List<LoadedRevision> revisions = RevisionLoader.load(List.of("classpath:loader/valid"), LOADER, List.of(bean));

        assertThat(revisions).filteredOn(r -> r.id().equals("j0000001")).singleElement()
                .satisfies(r -> assertThat(((RevisionBody.Java) r.body()).migration()).isSameAs(bean));
    }

    @Test
    void extraInstancesComeLastAndAreNamedByTheirAnnotatedClassEvenWhenSubclassed() {
        AddAuditTable proxyLike = new AddAuditTable() {}; // as a Spring CGLIB proxy subclasses the bean's class

        List<LoadedRevision> revisions = RevisionLoader.load(List.of(), LOADER, List.of(proxyLike));

        assertThat(revisions).singleElement().extracting(LoadedRevision::source).isEqualTo("java:loader.valid.AddAuditTable");
    }

    @Test
    void aClasspathLocationThatDoesNotExistYieldsNothing() {
        assertThat(load("classpath:loader/does-not-exist")).isEmpty();
    }

    @Test
    void loadsFilesystemLocationsRecursivelyInPathOrder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/0001_x.sql"), "-- Revision: x1\n-- migrate:upgrade\nSELECT 1;\n-- migrate:downgrade\nSELECT 2;\n");
        Files.writeString(dir.resolve("a_0002_y.sql"), "-- Revision: y2\n-- Revises: x1\n-- Irreversible: test\n-- migrate:upgrade\nSELECT 3;\n");
        Files.writeString(dir.resolve("notes.txt"), "ignored");

        List<LoadedRevision> revisions = load("filesystem:" + dir);

        assertThat(revisions).extracting(LoadedRevision::source)
                .containsExactly("filesystem:" + dir + "/a_0002_y.sql", "filesystem:" + dir + "/b/0001_x.sql");
        assertThat(revisions).extracting(LoadedRevision::id).containsExactly("y2", "x1");
    }

    @Test
    void classNotImplementingMigrationIsAnError() {
        assertThatThrownBy(() -> load("classpath:loader/errors/notmigration"))
                .isInstanceOf(RevisionLoadException.class)
                .hasMessageStartingWith("java:loader.errors.notmigration.NotAMigration: ")
                .hasMessageContaining("annotated @Revision but does not implement dev.migrator.Migration")
                .hasMessageContaining("Implement Migration");
    }

    @Test
    void classWithoutPublicNoArgConstructorIsAnError() {
        assertThatThrownBy(() -> load("classpath:loader/errors/noconstructor"))
                .isInstanceOf(RevisionLoadException.class)
                .hasMessageStartingWith("java:loader.errors.noconstructor.NeedsArguments: ")
                .hasMessageContaining("no public no-argument constructor")
                .hasMessageContaining("Add one");
    }

    @Test
    void parseSqlFileIsTheCompleteCheckOfOneFile() {
        byte[] good = "-- Revision: p1\n-- migrate:upgrade\nBEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n-- migrate:downgrade\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        LoadedRevision revision = RevisionLoader.parseSqlFile("build:p1.sql", good);
        assertThat(revision.source()).isEqualTo("build:p1.sql");
        assertThat(((RevisionBody.Sql) revision.body()).upgrade()).containsExactly(new SqlStatement("CREATE TABLE t (id int)", 4));

        byte[] bad = "-- Revision: p2\n-- Phase: soon\n-- migrate:upgrade\nCOMMIT;\nSELECT 'x;\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RevisionLoader.parseSqlFile("build:p2.sql", bad))
                .isInstanceOfSatisfying(RevisionLoadException.class, e -> assertThat(e.problems())
                        .extracting(problem -> problem.substring(0, problem.indexOf(' ')))
                        .containsExactly("build:p2.sql:2:", "build:p2.sql:", "build:p2.sql:5:"));
    }
}
