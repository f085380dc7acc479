package dev.migrator.revision;

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
        Plan plan = s.graph.downgrade(s.rows, s.downgradeTarget);

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

        assertThat(Revisions.replay(stamp)).isEqualTo(stamp.after());
        assertThat(stamp.steps()).allMatch(step -> step.direction() == Direction.STAMP);
        assertThat(stamp.after()).isEqualTo(Dags.heads(s.byId, s.targetClosure));
        Set<String> complement = new HashSet<>(s.byId.keySet());
        complement.removeAll(s.targetClosure);
        assertThat(Revisions.revisions(upgrade)).hasSize(complement.size()).containsExactlyInAnyOrderElementsOf(complement);
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
