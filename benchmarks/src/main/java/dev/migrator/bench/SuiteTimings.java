package dev.migrator.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Wall time of every node of one launched suite (the factory, its containers and dynamic tests), and
 * every test that did not pass: a benchmark of a failing suite measures nothing.
 */
final class SuiteTimings implements TestExecutionListener {

    private final Map<String, Long> started = new LinkedHashMap<>();
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> parents = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    int tests;

    @Override
    public void dynamicTestRegistered(TestIdentifier identifier) {
        remember(identifier);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        plan.getRoots().forEach(root -> plan.getDescendants(root).forEach(this::remember));
    }

    private void remember(TestIdentifier identifier) {
        names.put(identifier.getUniqueId(), identifier.getDisplayName());
        identifier.getParentId().ifPresent(parent -> parents.put(identifier.getUniqueId(), parent));
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        remember(identifier);
        started.put(identifier.getUniqueId(), System.nanoTime());
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        nanos.put(identifier.getUniqueId(), System.nanoTime() - started.get(identifier.getUniqueId()));
        if (identifier.isTest()) {
            tests++;
        }
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            problems.add(identifier.getDisplayName() + ": " + result.getStatus()
                    + result.getThrowable().map(t -> " " + t.getMessage()).orElse(""));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        problems.add(identifier.getDisplayName() + ": skipped " + reason);
    }

    /** Milliseconds of the first node with this display name, if it ran. */
    Optional<Double> millis(String displayName) {
        for (Map.Entry<String, Long> entry : nanos.entrySet()) {
            if (displayName.equals(names.get(entry.getKey()))) {
                return Optional.of(entry.getValue() / 1e6);
            }
        }
        return Optional.empty();
    }

    /** How many tests ran under the container with this display name. */
    long testsUnder(String displayName) {
        return nanos.keySet().stream()
                .filter(id -> parents.containsKey(id) && displayName.equals(names.get(parents.get(id))))
                .count();
    }

    /** Milliseconds of the test factory: the whole built-in suite of the class, harness start included. */
    double suiteMillis() {
        for (Map.Entry<String, Long> entry : nanos.entrySet()) {
            String name = names.get(entry.getKey());
            if (name != null && name.startsWith("builtInMigrationTests")) {
                return entry.getValue() / 1e6;
            }
        }
        throw new IllegalStateException("The built-in suite did not run: " + problems);
    }
}
