package dev.migrator.test;

import dev.migrator.RevisionInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

/**
 * The built-in migration checks of one test class as JUnit dynamic tests, in dependency order: the
 * database upgraded by the upgrade check is the one verify, offline and model checks compare with, and
 * the stairway keeps the states the idempotency checks start from. Handed to
 * {@link BuiltInMigrationTests#builtInMigrationTests} by {@link MigratorExtension}.
 */
public final class BuiltInSuite {

    private final SuiteRun run;

    BuiltInSuite(SuiteRun run) {
        this.run = run;
    }

    /** The dynamic tests; each failure names the revision, the direction and the difference. */
    public Stream<DynamicNode> tests() {
        Harness harness = run.harness;
        Set<BuiltInCheck> skipped = harness.setup().skipped();
        GraphChecks graph = new GraphChecks(harness);
        UpgradeChecks upgrade = new UpgradeChecks(run);
        List<DynamicNode> checks = new ArrayList<>();
        add(checks, skipped, BuiltInCheck.HEADS, harness.setup().declaredHeads().isEmpty() ? "single head"
                : "heads are " + harness.setup().declaredHeads(), loaded(graph::heads));
        add(checks, skipped, BuiltInCheck.REVISIONS_LOAD, "every revision loads", graph::revisionsLoad);
        // Like the checks above it reads revisions rather than running them, and an unsafe revision should be
        // reported before the database checks below spend time on it.
        add(checks, skipped, BuiltInCheck.SAFE, "every revision passes the safety analysis", loaded(graph::safe));
        add(checks, skipped, BuiltInCheck.UPGRADE, "upgrade base → heads", loaded(upgrade::upgrade));
        add(checks, skipped, BuiltInCheck.VERIFY, "verify queries are true after the upgrade", loaded(upgrade::verify));
        add(checks, skipped, BuiltInCheck.OFFLINE_EQUALS_ONLINE, "offline script equals online upgrade",
                loaded(upgrade::offlineEqualsOnline));
        if (harness.setup().model() != null) {
            add(checks, skipped, BuiltInCheck.MODEL_MATCHES, "JPA model matches migrations", loaded(upgrade::modelMatches));
        }
        List<DynamicNode> nodes = new ArrayList<>();
        // In a container, build tools' reports show each check under its own name.
        nodes.add(DynamicContainer.dynamicContainer("checks", checks));
        if (harness.loadError() != null) {
            return nodes.stream();
        }
        List<RevisionInfo> revisions = harness.order().all();
        boolean idempotency = !skipped.contains(BuiltInCheck.NON_TRANSACTIONAL_IDEMPOTENT);
        IdempotencyCheck rerun = new IdempotencyCheck(run);
        // statements per non-transactional revision: one simulated failure after each
        Map<String, Integer> failures = new HashMap<>();
        if (idempotency) {
            for (RevisionInfo revision : revisions) {
                if (!revision.transactional()) {
                    failures.put(revision.revision(), statementCount(rerun, revision));
                }
            }
        }
        if (!skipped.contains(BuiltInCheck.STAIRWAY)) {
            Stairway stairway = new Stairway(run, revision -> failures.getOrDefault(revision.revision(), 0));
            List<DynamicNode> steps = new ArrayList<>();
            for (RevisionInfo revision : revisions) {
                String name = revision.revision() + " " + revision.message()
                        + (revision.irreversible() != null ? " (irreversible: upgrade only)" : "");
                steps.add(DynamicTest.dynamicTest(name, sourceOf(revision), () -> stairway.step(revision)));
            }
            nodes.add(DynamicContainer.dynamicContainer("stairway: upgrade, downgrade, upgrade each revision", steps));
        }
        List<DynamicNode> reruns = new ArrayList<>();
        for (RevisionInfo revision : revisions) {
            if (failures.getOrDefault(revision.revision(), 0) > 0) {
                reruns.add(DynamicTest.dynamicTest(revision.revision() + " " + revision.message(), sourceOf(revision),
                        () -> rerun.check(revision)));
            }
        }
        if (!reruns.isEmpty()) {
            nodes.add(DynamicContainer.dynamicContainer("non-transactional revisions rerun after a failure", reruns));
        }
        return nodes.stream();
    }

    /** A revision whose statements do not render still gets its rerun test: it reports why. */
    private static int statementCount(IdempotencyCheck rerun, RevisionInfo revision) {
        try {
            return rerun.statements(revision).size();
        } catch (RuntimeException e) {
            return 1;
        }
    }

    private void add(List<DynamicNode> nodes, Set<BuiltInCheck> skipped, BuiltInCheck check, String name,
            Executable test) {
        if (!skipped.contains(check)) {
            nodes.add(DynamicTest.dynamicTest(name, locationSource(), test));
        }
    }

    /** The revisions' first location: where an IDE jumps to from a check, and what makes build reports use its name. */
    private URI locationSource() {
        List<String> locations = run.harness.setup().configuration().get().getLocations();
        return locations.isEmpty() ? null : sourceOf(locations.get(0).contains(":") ? locations.get(0)
                : "classpath:" + locations.get(0));
    }

    /** A check that needs the revisions is not run when they do not load ("every revision loads" says why). */
    private Executable loaded(Executable check) {
        return () -> {
            if (run.harness.loadError() != null) {
                throw new TestAbortedException("Not run: the revisions do not load (see \"every revision loads\")");
            }
            check.execute();
        };
    }

    /**
     * Where an IDE jumps to from a test: the revision's file, or its class file. Any source also makes
     * Maven's and Gradle's reports name the test by its display name (without one they number it).
     */
    static URI sourceOf(RevisionInfo revision) {
        return sourceOf(revision.source());
    }

    private static URI sourceOf(String source) {
        if (source == null) {
            return null;
        }
        try {
            return uri(source);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static URI uri(String source) {
        if (source.startsWith("classpath:")) {
            String path = source.substring("classpath:".length());
            return URI.create("classpath:/" + (path.startsWith("/") ? path.substring(1) : path));
        }
        if (source.startsWith("filesystem:")) {
            return java.nio.file.Path.of(source.substring("filesystem:".length())).toUri();
        }
        if (source.startsWith("java:")) {
            // not a class source: build tools would report the test as one of that class's
            return URI.create("classpath:/" + source.substring("java:".length()).replace('.', '/') + ".class");
        }
        return null;
    }
}
