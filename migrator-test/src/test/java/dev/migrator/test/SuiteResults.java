package dev.migrator.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * The built-in tests of one class run through JUnit's EngineTestKit (as a build tool would run
 * them), so a test can look at which dynamic tests passed, failed or were skipped, and why.
 */
record SuiteResults(Map<String, String> failed, Map<String, String> aborted, List<String> passed) {

    static SuiteResults of(Class<?> testClass) {
        List<Event> finished = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .execute()
                .testEvents()
                .list().stream()
                .filter(event -> event.getType() == EventType.FINISHED)
                .toList();
        Map<String, String> failed = new LinkedHashMap<>();
        Map<String, String> aborted = new LinkedHashMap<>();
        List<String> passed = new java.util.ArrayList<>();
        for (Event event : finished) {
            String name = event.getTestDescriptor().getDisplayName();
            TestExecutionResult result = event.getPayload(TestExecutionResult.class).orElseThrow();
            switch (result.getStatus()) {
                case SUCCESSFUL -> passed.add(name);
                case FAILED -> failed.put(name, result.getThrowable().map(Throwable::getMessage).orElse(""));
                case ABORTED -> aborted.put(name, result.getThrowable().map(Throwable::getMessage).orElse(""));
            }
        }
        return new SuiteResults(failed, aborted, passed);
    }
}
