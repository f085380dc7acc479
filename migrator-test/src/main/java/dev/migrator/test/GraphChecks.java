package dev.migrator.test;

import dev.migrator.RevisionInfo;
import dev.migrator.safety.SafetyOptions;
import dev.migrator.safety.SafetyReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The checks that need no database: the heads, and that every revision loads and renders. */
final class GraphChecks {

    private final Harness harness;

    GraphChecks(Harness harness) {
        this.harness = harness;
    }

    void heads() {
        RevisionOrder order = harness.order();
        if (order.all().isEmpty()) {
            throw SuiteRun.failure("No revision found at " + harness.setup().configuration().get().getLocations()
                    + ". Check @MigratorTest(locations) or migrator.locations.");
        }
        List<RevisionInfo> heads = harness.graph().heads();
        List<String> declared = harness.setup().declaredHeads();
        if (declared.isEmpty()) {
            if (heads.size() != 1) {
                throw SuiteRun.failure("Expected a single head, found " + heads.size() + ": " + describe(heads)
                        + ". Join them with a merge revision (-- Revises: " + ids(heads) + "), or declare the heads"
                        + " you mean to keep with @MigratorTest(heads = {...}).");
            }
            return;
        }
        Set<String> expected = new TreeSet<>();
        for (String head : declared) {
            expected.add(order.resolve(head));
        }
        Set<String> actual = new TreeSet<>();
        heads.forEach(head -> actual.add(head.revision()));
        if (!expected.equals(actual)) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            Set<String> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            throw SuiteRun.failure("Expected the heads " + expected + " (declared in @MigratorTest(heads)), found "
                    + describe(heads) + (extra.isEmpty() ? "" : "; not declared: " + extra)
                    + (missing.isEmpty() ? "" : "; declared but not a head: " + missing) + ".");
        }
    }

    /**
     * The safety analysis of every revision, offline: the test database is new and empty, so its real table
     * sizes would call every table small; production's are not.
     */
    void safe() {
        SafetyReport report = harness.graph().analyze("heads", SafetyOptions.offline());
        if (report.hasErrors()) {
            throw SuiteRun.failure(report.errors().size() + " unsafe statement(s); rewrite each the safe way"
                    + " docs/safety-rules.md gives, or allow a reviewed one with '-- migrator:allow <rule>: <reason>':\n  "
                    + String.join("\n  ", report.errors().stream().map(Object::toString).toList()));
        }
    }

    /** Loading, then each revision's upgrade and downgrade rendered on their own: every problem, by revision. */
    void revisionsLoad() {
        if (harness.loadError() != null) {
            throw SuiteRun.failure("The revisions do not load: " + harness.loadError().getMessage(), harness.loadError());
        }
        RevisionOrder order = harness.order();
        List<String> problems = new ArrayList<>();
        for (RevisionInfo info : order.all()) {
            String id = info.revision();
            Set<String> below = new HashSet<>(order.needs(id));
            below.remove(id);
            try {
                harness.graph().upgradeSql(order.target(below), id);
            } catch (RuntimeException e) {
                problems.add(id + " (" + info.source() + ") upgrade: " + e.getMessage());
            }
            if (info.irreversible() == null) {
                try {
                    harness.graph().downgradeSql(order.target(order.needs(id)), order.target(below));
                } catch (RuntimeException e) {
                    problems.add(id + " (" + info.source() + ") downgrade: " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw SuiteRun.failure(problems.size() + " revision section(s) do not load:\n  " + String.join("\n  ", problems));
        }
    }

    static String describe(List<RevisionInfo> revisions) {
        List<String> words = new ArrayList<>();
        revisions.forEach(r -> words.add(r.revision() + " (" + r.source() + ")"));
        return String.join(", ", words);
    }

    private static String ids(List<RevisionInfo> revisions) {
        List<String> ids = new ArrayList<>();
        revisions.forEach(r -> ids.add(r.revision()));
        return String.join(", ", ids);
    }
}
