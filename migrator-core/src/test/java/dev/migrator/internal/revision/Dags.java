package dev.migrator.internal.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random valid revision DAGs for property tests, and a deliberately naive oracle (plain maps and
 * breadth-first search) to check the graph's answers against.
 */
final class Dags {

    private Dags() {}

    /** How one generated node attaches to the nodes generated before it. */
    record Shape(int kind, int firstParent, int secondParent, List<Integer> dependencies, boolean labelled) {}

    /**
     * DAGs of 1 to 30 revisions with bases, linear runs, forks, merges (two parents), dependsOn
     * edges across branches and branch labels. Every edge points to an earlier node, so the result
     * is acyclic; ids are scrambled so that creation order is not id order.
     */
    static Arbitrary<List<RevisionNode>> dags() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 9_999);
        Arbitrary<Shape> shape = Combinators.combine(
                        Arbitraries.integers().between(0, 9),
                        pick,
                        pick,
                        pick.list().ofMaxSize(2),
                        Arbitraries.integers().between(0, 4).map(n -> n == 0))
                .as(Shape::new);
        return shape.list().ofMinSize(1).ofMaxSize(30).map(Dags::build);
    }

    static String id(int creationIndex) {
        return String.format("r%03d", (creationIndex * 37) % 1000);
    }

    private static List<RevisionNode> build(List<Shape> shapes) {
        List<RevisionNode> nodes = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            Shape shape = shapes.get(i);
            Set<String> parents = new LinkedHashSet<>();
            Set<String> dependencies = new LinkedHashSet<>();
            // kind 0: a new base; 1-6: one parent; 7-9: a merge of two parents (when they differ).
            if (i > 0 && shape.kind() > 0) {
                parents.add(id(shape.firstParent() % i));
                if (shape.kind() >= 7) {
                    parents.add(id(shape.secondParent() % i));
                }
                for (int dependency : shape.dependencies()) {
                    String dependencyId = id(dependency % i);
                    if (!parents.contains(dependencyId)) {
                        dependencies.add(dependencyId);
                    }
                }
            }
            Set<String> labels = shape.labelled() ? Set.of("label" + i) : Set.of();
            nodes.add(new RevisionNode(id(i), List.copyOf(parents), List.copyOf(dependencies), labels, "gen/" + id(i) + ".sql"));
        }
        // Children before parents: building the graph must not depend on input order.
        java.util.Collections.reverse(nodes);
        return nodes;
    }

    // ---- naive oracle ----

    static Map<String, RevisionNode> byId(Collection<RevisionNode> nodes) {
        Map<String, RevisionNode> map = new HashMap<>();
        nodes.forEach(node -> map.put(node.id(), node));
        return map;
    }

    /** ids plus every ancestor through revises and dependsOn. */
    static Set<String> closure(Map<String, RevisionNode> nodes, Collection<String> ids) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String id : ids) {
            if (nodes.containsKey(id) && seen.add(id)) {
                todo.add(id);
            }
        }
        while (!todo.isEmpty()) {
            RevisionNode node = nodes.get(todo.poll());
            List<String> required = new ArrayList<>(node.revises());
            required.addAll(node.dependsOn());
            for (String r : required) {
                if (seen.add(r)) {
                    todo.add(r);
                }
            }
        }
        return seen;
    }

    /** The documented order of {@code RevisionGraph.nodes()}: repeatedly the smallest id whose requirements all came before. */
    static List<RevisionNode> smallestReadyFirst(Collection<RevisionNode> nodes) {
        Map<String, RevisionNode> left = new java.util.TreeMap<>(byId(nodes));
        Set<String> placed = new HashSet<>();
        List<RevisionNode> order = new ArrayList<>();
        while (!left.isEmpty()) {
            RevisionNode next = null;
            for (RevisionNode node : left.values()) {
                if (placed.containsAll(node.revises()) && placed.containsAll(node.dependsOn())) {
                    next = node;
                    break;
                }
            }
            order.add(next);
            placed.add(next.id());
            left.remove(next.id());
        }
        return order;
    }

    /** Revisions built on top of {@code ids}: their children and everything that needs those (parents or dependencies). */
    static Set<String> descendantsOfChildren(Map<String, RevisionNode> nodes, Set<String> ids) {
        Set<String> result = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (RevisionNode node : nodes.values()) {
                if (result.contains(node.id())) {
                    continue;
                }
                boolean childOfTarget = node.revises().stream().anyMatch(ids::contains);
                boolean needsDropped = node.revises().stream().anyMatch(result::contains)
                        || node.dependsOn().stream().anyMatch(result::contains);
                if (childOfTarget || needsDropped) {
                    result.add(node.id());
                    changed = true;
                }
            }
        }
        return result;
    }

    static Set<String> heads(Map<String, RevisionNode> nodes, Set<String> set) {
        Set<String> heads = new HashSet<>(set);
        for (String id : set) {
            heads.removeAll(nodes.get(id).revises());
        }
        return heads;
    }

    /** A random ancestor-closed subset: random members plus their closure. */
    static Set<String> randomClosedSubset(Map<String, RevisionNode> nodes, Random random) {
        List<String> seeds = new ArrayList<>();
        for (String id : nodes.keySet().stream().sorted().toList()) {
            if (random.nextInt(4) == 0) {
                seeds.add(id);
            }
        }
        return closure(nodes, seeds);
    }

    static String randomId(List<RevisionNode> nodes, Random random) {
        return nodes.get(random.nextInt(nodes.size())).id();
    }

    /** ids plus everything that needs one of them, through revises or dependsOn, recursively. */
    static Set<String> descendants(Map<String, RevisionNode> nodes, Collection<String> ids) {
        Set<String> result = new HashSet<>(ids);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (RevisionNode node : nodes.values()) {
                if (!result.contains(node.id()) && (node.revises().stream().anyMatch(result::contains)
                        || node.dependsOn().stream().anyMatch(result::contains))) {
                    result.add(node.id());
                    changed = true;
                }
            }
        }
        return result;
    }

    /** Revisions whose revises list {@code id}. */
    static Set<String> children(Map<String, RevisionNode> nodes, String id) {
        Set<String> children = new HashSet<>();
        for (RevisionNode node : nodes.values()) {
            if (node.revises().contains(id)) {
                children.add(node.id());
            }
        }
        return children;
    }

    /** The revision declaring {@code label}. */
    static String labelled(Map<String, RevisionNode> nodes, String label) {
        return nodes.values().stream().filter(n -> n.branchLabels().contains(label)).findFirst().orElseThrow().id();
    }

    /** Alembic's branch: descendants through revises (merges included), and ancestors back to a branch point or merge. */
    static Set<String> members(Map<String, RevisionNode> nodes, String label) {
        String start = labelled(nodes, label);
        Set<String> members = reachable(nodes, start, true);
        String current = start;
        while (nodes.get(current).revises().size() == 1) {
            String parent = nodes.get(current).revises().get(0);
            if (children(nodes, parent).size() > 1 || nodes.get(parent).revises().size() > 1) {
                break;
            }
            members.add(parent);
            current = parent;
        }
        return members;
    }

    /** The labelled revision's ancestors and descendants through revises. */
    static Set<String> line(Map<String, RevisionNode> nodes, String label) {
        String start = labelled(nodes, label);
        Set<String> line = reachable(nodes, start, true);
        line.addAll(reachable(nodes, start, false));
        return line;
    }

    private static Set<String> reachable(Map<String, RevisionNode> nodes, String start, boolean up) {
        Set<String> seen = new HashSet<>(Set.of(start));
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String id = todo.poll();
            Collection<String> next = up ? children(nodes, id) : nodes.get(id).revises();
            for (String n : next) {
                if (seen.add(n)) {
                    todo.add(n);
                }
            }
        }
        return seen;
    }

    /** Labels declared anywhere in the graph, sorted. */
    static List<String> labels(Collection<RevisionNode> nodes) {
        return nodes.stream().flatMap(n -> n.branchLabels().stream()).sorted().toList();
    }
}
