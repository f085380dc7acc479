package dev.migrator.internal.revision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Direction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Planning laws checked on generated DAGs against the naive oracle in {@link Dags}. */
class RevisionGraphProperties {

    @Provide
    Arbitrary<List<RevisionNode>> dags() {
        return Dags.dags();
    }

    @Property
    void nodesAreTopologicalAndIndependentOfInputOrder(@ForAll("dags") List<RevisionNode> nodes, @ForAll long seed) {
        List<RevisionNode> shuffled = new ArrayList<>(nodes);
        java.util.Collections.shuffle(shuffled, new Random(seed));

        List<RevisionNode> order = RevisionGraph.of(nodes).nodes();
        assertThat(RevisionGraph.of(shuffled).nodes()).isEqualTo(order);
        Set<String> seen = new HashSet<>();
        for (RevisionNode node : order) {
            assertThat(seen).containsAll(node.revises()).containsAll(node.dependsOn());
            seen.add(node.id());
        }
        assertThat(seen).hasSize(nodes.size());
    }

    @Property
    void nodesPutTheSmallestReadyIdFirst(@ForAll("dags") List<RevisionNode> nodes) {
        assertThat(RevisionGraph.of(nodes).nodes()).isEqualTo(Dags.smallestReadyFirst(nodes));
    }

    @Property
    void upgradeAppliesParentsAndDependenciesFirst(@ForAll("dags") List<RevisionNode> nodes, @ForAll long seed) {
        Scenario s = new Scenario(nodes, seed);
        Plan plan = s.graph.upgrade(s.rows, s.upgradeTarget);

        Set<String> applied = new HashSet<>(s.applied);
        for (Step step : plan.steps()) {
            RevisionNode node = s.byId.get(step.revision());
            assertThat(step.direction()).isEqualTo(Direction.UPGRADE);
            assertThat(applied).as("before %s", node.id()).containsAll(node.revises()).containsAll(node.dependsOn());
            assertThat(applied.add(node.id())).as("%s applied once", node.id()).isTrue();
        }
    }

    @Property
    void upgradeRowChangesLeadFromBeforeToAfterAndApplyTheTargetsClosure(
            @ForAll("dags") List<RevisionNode> nodes, @ForAll long seed) {
        Scenario s = new Scenario(nodes, seed);
        Plan plan = s.graph.upgrade(s.rows, s.upgradeTarget);

        Set<String> expected = new HashSet<>(s.applied);
        expected.addAll(s.targetClosure);
        assertThat(plan.before()).isEqualTo(s.rows);
        assertThat(Revisions.replay(plan)).isEqualTo(plan.after());
        assertThat(s.graph.appliedClosure(plan.after())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(plan.after()).isEqualTo(Dags.heads(s.byId, expected));
        Set<String> stepRevisions = new HashSet<>(Revisions.revisions(plan));
        expected.removeAll(s.applied);
        assertThat(stepRevisions).isEqualTo(expected);
    }

    @Property
    void upgradeToHeadsThenDowngradeToTheStartingRowsUnappliesExactlyWhatWasBuiltOnThem(
            @ForAll("dags") List<RevisionNode> nodes, @ForAll long seed) {
        Scenario s = new Scenario(nodes, seed);
        Plan up = s.graph.upgrade(s.rows, "heads");
        String back = s.rows.isEmpty() ? "base" : String.join(",", new TreeSet<>(s.rows));
        Plan down = s.graph.downgrade(up.after(), back);

        // Alembic's rule: what stays is the start plus what was applied beside it (other branches),
        // never something built on top of a starting row.
        Set<String> builtOnStart = s.rows.isEmpty() ? s.byId.keySet() : Dags.descendantsOfChildren(s.byId, s.rows);
        Set<String> expected = new HashSet<>(s.byId.keySet());
        expected.removeAll(builtOnStart);
        assertThat(expected).containsAll(s.applied);
        assertThat(Revisions.replay(down)).isEqualTo(down.after());
        assertThat(s.graph.appliedClosure(down.after())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(down.after()).isEqualTo(Dags.heads(s.byId, expected));
    }

    @Property
    void upgradeFromBaseThenDowngradeToBaseRestoresAnEmptyDatabase(
            @ForAll("dags") List<RevisionNode> nodes, @ForAll long seed) {
        Scenario s = new Scenario(nodes, seed);
        Plan up = s.graph.upgrade(Set.of(), s.upgradeTarget);
        Plan down = s.graph.downgrade(up.after(), "base");

        assertThat(down.after()).isEmpty();
        assertThat(new TreeSet<>(Revisions.revisions(down))).isEqualTo(new TreeSet<>(Revisions.revisions(up)));
    }

    @Property
    void downgradeNeverRemovesARevisionWhileAChildOrDependentRemainsApplied(
            @ForAll("dags") List<RevisionNode> nodes, @ForAll long seed) {
        Scenario s = new Scenario(nodes, seed);
        Plan plan;
        try {
            plan = s.graph.downgrade(s.rows, s.downgradeTarget);
        } catch (RevisionGraphException e) {
            // a relative step from several heads; relativeTargetsResolveUniquelyOrFail checks when that is right
            assertThat(s.downgradeTarget).startsWith("-");
            assertThat(e).hasMessageContaining("is ambiguous");
            return;
        }

        Set<String> applied = new HashSet<>(s.applied);
        for (Step step : plan.steps()) {
            assertThat(step.direction()).isEqualTo(Direction.DOWNGRADE);
            assertThat(applied.remove(step.revision())).as("%s was applied", step.revision()).isTrue();
            for (String other : applied) {
                RevisionNode node = s.byId.get(other);
                assertThat(node.revises()).as("%s still needs %s", other, step.revision()).doesNotContain(step.revision());
                assertThat(node.dependsOn()).as("%s still needs %s", other, step.revision()).doesNotContain(step.revision());
            }
        }
        assertThat(Revisions.replay(plan)).isEqualTo(plan.after());
        assertThat(s.graph.appliedClosure(plan.after())).containsExactlyInAnyOrderElementsOf(applied);
        assertThat(plan.after()).isEqualTo(Dags.heads(s.byId, applied));
    }

    @Property
    void stampThenUpgradeToHeadsAppliesExactlyTheComplement(@ForAll("dags") List<RevisionNode> nodes, @ForAll long seed) {
        Scenario s = new Scenario(nodes, seed);
        Plan stamp = s.graph.stamp(s.rows, s.upgradeTarget);
        Plan upgrade = s.graph.upgrade(stamp.after(), "heads");

        Set<String> expected = s.upgradeTarget.equals("heads") ? s.byId.keySet()
                : MoveOracle.stamp(s.byId, s.applied, Set.of(s.upgradeTarget), null);
        assertThat(Revisions.replay(stamp)).isEqualTo(stamp.after());
        assertThat(stamp.steps()).allMatch(step -> step.direction() == Direction.STAMP);
        assertThat(s.graph.appliedClosure(stamp.after())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(stamp.after()).isEqualTo(Dags.heads(s.byId, expected));
        Set<String> complement = new HashSet<>(s.byId.keySet());
        complement.removeAll(expected);
        assertThat(Revisions.revisions(upgrade)).hasSize(complement.size()).containsExactlyInAnyOrderElementsOf(complement);
    }

    /** Issue 9: a stamp moves only the target's own lines; applied work elsewhere is never marked unapplied. */
    @Property
    void stampNeverUnappliesRevisionsUnrelatedToTheTarget(@ForAll("dags") List<RevisionNode> nodes, @ForAll long seed) {
        Scenario s = new Scenario(nodes, seed);
        Random random = new Random(seed ^ 0x5eed);
        List<String> labels = Dags.labels(nodes);
        List<String> ids = new ArrayList<>(new TreeSet<>(s.byId.keySet()));
        String a = ids.get(random.nextInt(ids.size()));
        String b = ids.get(random.nextInt(ids.size()));
        String label = labels.isEmpty() ? null : labels.get(random.nextInt(labels.size()));
        String target;
        Set<String> revisions;
        Set<String> line = null;
        Set<String> related;
        int kind = random.nextInt(label == null ? 2 : 5);
        if (kind == 0) {
            target = a;
            revisions = Set.of(a);
        } else if (kind == 1) {
            target = a + "," + b;
            revisions = new HashSet<>(List.of(a, b));
        } else if (kind == 2) {
            line = Dags.line(s.byId, label);
            String onLine = new TreeSet<>(line).first();
            target = label + "@" + onLine;
            revisions = Set.of(onLine);
        } else if (kind == 3) {
            Set<String> heads = Dags.heads(s.byId, Dags.members(s.byId, label));
            if (heads.size() != 1) {
                return; // <label>@head of a forked branch is an error, checked elsewhere
            }
            target = label + "@head";
            revisions = heads;
        } else {
            target = label + "@base";
            revisions = null;
        }
        if (revisions != null) {
            related = Dags.closure(s.byId, revisions);
            related.addAll(Dags.descendants(s.byId, revisions));
        } else {
            related = Dags.descendants(s.byId, Dags.members(s.byId, label));
        }

        Plan stamp = s.graph.stamp(s.rows, target);
        Set<String> after = s.graph.appliedClosure(stamp.after());
        Statistics.collect(kind, s.applied.stream().anyMatch(id -> !related.contains(id)) ? "unrelated applied work" : "none");

        Set<String> unrelated = new HashSet<>(s.applied);
        unrelated.removeAll(related);
        assertThat(after).as("stamp %s from %s", target, s.rows).containsAll(unrelated);
        if (revisions != null) {
            assertThat(after).as("the target and what it needs are applied").containsAll(Dags.closure(s.byId, revisions));
            assertThat(after).isEqualTo(MoveOracle.stamp(s.byId, s.applied, revisions, line));
        } else {
            Set<String> expected = new HashSet<>(s.applied);
            expected.removeAll(related);
            assertThat(after).isEqualTo(expected);
        }
        assertThat(stamp.after()).isEqualTo(Dags.heads(s.byId, after));
    }

    /** Issue 9: a plan for a labelled target touches only that branch and what depends on it (or, going up, what it needs). */
    @Property
    void everyPlanForALabelledTargetTouchesOnlyThatBranchAndItsDependents(
            @ForAll("dags") List<RevisionNode> nodes, @ForAll long seed) {
        List<String> labels = Dags.labels(nodes);
        if (labels.isEmpty()) {
            return;
        }
        Scenario s = new Scenario(nodes, seed);
        Random random = new Random(seed ^ 0x1abe1);
        String label = labels.get(random.nextInt(labels.size()));
        Set<String> members = Dags.members(s.byId, label);
        Set<String> branchAndDependents = Dags.descendants(s.byId, members);
        Set<String> line = Dags.line(s.byId, label);
        int n = 1 + random.nextInt(3);

        for (String target : List.of(label + "@base", label + "@-" + n)) {
            try {
                assertThat(Revisions.revisions(s.graph.downgrade(s.rows, target))).as(target)
                        .allMatch(branchAndDependents::contains);
            } catch (RevisionGraphException e) {
                assertThat(target).endsWith("@-" + n); // ambiguous (a forked branch) or fewer steps applied
            }
        }
        List<String> appliedOnLine = line.stream().filter(s.applied::contains).sorted().toList();
        if (!appliedOnLine.isEmpty()) {
            String x = appliedOnLine.get(random.nextInt(appliedOnLine.size()));
            Set<String> above = new HashSet<>(Dags.descendants(s.byId, Set.of(x)));
            above.remove(x);
            above.retainAll(line);
            Set<String> allowed = Dags.descendants(s.byId, above);
            assertThat(Revisions.revisions(s.graph.downgrade(s.rows, label + "@" + x))).as(label + "@" + x)
                    .allMatch(allowed::contains);
        }
        for (String id : s.byId.keySet()) {
            assertThat(s.graph.labelsOf(id)).as("labels of %s", id)
                    .containsExactlyElementsOf(labels.stream().filter(l -> Dags.members(s.byId, l).contains(id)).toList());
        }
        Set<String> branchNeeds = Dags.closure(s.byId, Dags.heads(s.byId, members));
        try {
            assertThat(Revisions.revisions(s.graph.upgrade(s.rows, label + "@+" + n))).allMatch(branchNeeds::contains);
        } catch (RevisionGraphException e) {
            assertThat(e).hasMessageFindingMatch("is ambiguous|needs " + n + " step");
        }
    }

    /** Issue 9: a relative target either resolves to exactly one way of moving, or is an error saying why. */
    @Property
    void relativeTargetsResolveUniquelyOrFail(@ForAll("dags") List<RevisionNode> nodes, @ForAll long seed) {
        Scenario s = new Scenario(nodes, seed);
        Random random = new Random(seed ^ 0x7e1a);
        List<String> labels = Dags.labels(nodes);
        String label = labels.isEmpty() || random.nextBoolean() ? null : labels.get(random.nextInt(labels.size()));
        int n = 1 + random.nextInt(4);
        boolean up = random.nextBoolean();
        String target = (label == null ? "" : label + "@") + (up ? "+" : "-") + n;
        MoveOracle.Outcome expected = up ? MoveOracle.up(s.byId, s.applied, label, n)
                : label == null ? MoveOracle.down(s.byId, s.applied, n) : MoveOracle.downBranch(s.byId, s.applied, label, n);

        Statistics.collect(up ? "up" : "down", label == null ? "" : "label",
                expected.ambiguous() ? "ambiguous" : expected.tooFew() ? "too few" : "moves");
        Plan plan;
        try {
            plan = up ? s.graph.upgrade(s.rows, target) : s.graph.downgrade(s.rows, target);
        } catch (RevisionGraphException e) {
            assertThat(expected.ambiguous() || expected.tooFew()).as("%s from %s failed: %s", target, s.rows, e.getMessage())
                    .isTrue();
            assertThat(e).hasMessageContaining(expected.ambiguous() ? "is ambiguous" : "needs " + n + " step(s), but only");
            return;
        }
        assertThat(expected.ambiguous() || expected.tooFew()).as("%s from %s should have failed", target, s.rows).isFalse();
        assertThat(new HashSet<>(Revisions.revisions(plan))).isEqualTo(expected.moved());
        if (label == null || up) {
            assertThat(plan.steps()).hasSize(n);
        }
        Set<String> applied = new HashSet<>(s.applied);
        if (up) {
            applied.addAll(expected.moved());
        } else {
            applied.removeAll(expected.moved());
        }
        assertThat(plan.after()).isEqualTo(Dags.heads(s.byId, applied));
        assertThat(s.graph.stamp(s.rows, target).after()).as("stamp moves like the command").isEqualTo(plan.after());
    }

    /** A generated graph with a random consistent starting state and random targets. */
    private static final class Scenario {
        final RevisionGraph graph;
        final Map<String, RevisionNode> byId;
        final Set<String> applied;
        final Set<String> rows;
        final String upgradeTarget;
        final Set<String> targetClosure;
        final String downgradeTarget;

        Scenario(List<RevisionNode> nodes, long seed) {
            Random random = new Random(seed);
            graph = RevisionGraph.of(nodes);
            byId = Dags.byId(nodes);
            applied = Dags.randomClosedSubset(byId, random);
            rows = Dags.heads(byId, applied);
            if (random.nextInt(4) == 0) {
                upgradeTarget = "heads";
                targetClosure = byId.keySet();
            } else {
                upgradeTarget = Dags.randomId(nodes, random);
                targetClosure = Dags.closure(byId, List.of(upgradeTarget));
            }
            downgradeTarget = downgradeTarget(nodes, random);
        }

        private String downgradeTarget(List<RevisionNode> nodes, Random random) {
            List<String> appliedIds = new ArrayList<>(new TreeSet<>(applied));
            List<String> labels = new ArrayList<>();
            nodes.forEach(node -> labels.addAll(new TreeSet<>(node.branchLabels())));
            switch (random.nextInt(4)) {
                case 0:
                    return "base";
                case 1:
                    if (!appliedIds.isEmpty()) {
                        return "-" + (1 + random.nextInt(appliedIds.size()));
                    }
                    return "base";
                case 2:
                    if (!labels.isEmpty()) {
                        return labels.get(random.nextInt(labels.size())) + "@base";
                    }
                    return "base";
                default:
                    if (!appliedIds.isEmpty()) {
                        return appliedIds.get(random.nextInt(appliedIds.size()));
                    }
                    return "base";
            }
        }
    }
}
