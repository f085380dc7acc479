package dev.migrator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.ErrorCode;
import dev.migrator.autoconfigure.ordering.OrderingApp;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A start that Migrator fails ends with Boot's report: Migrator's message first, then what to do. */
@ExtendWith({FreshDatabase.class, OutputCaptureExtension.class})
class MigratorFailureAnalyzerTest {

    @Test
    void everyErrorCodeHasAnActionOfItsOwn() {
        java.util.Set<String> actions = new java.util.HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(actions.add(dev.migrator.FailureAdvice.of(code))).as("the action of %s is its own", code).isTrue();
        }
    }

    @Test
    void aFailedStatementIsTheDescriptionAndFixingItTheAction(TestDatabase db, CapturedOutput output) {
        // OrderingApp's beans read the database while the context starts: without the analyzer, the first
        // ERROR would name one of them and Migrator's message would be a cause far down
        assertThatThrownBy(() -> TestApps.run(OrderingApp.class, db,
                "migrator.locations=classpath:db/migrations,classpath:db/failing")).isNotNull();

        String report = report(output);
        assertThat(report).contains("Description:", "c3d4e5f6a1b2", "division by zero", "22012",
                "(Migrator error code STATEMENT_FAILED)", "Action:", "Fix the failing statement (or the data it needs) in the revision");
        assertThat(output.getOut() + output.getErr()).doesNotContain("Application run failed");
    }

    @Test
    void anUnreachableDatabaseAdvisesConnectRetriesAndNeverPrintsThePassword(TestDatabase db, CapturedOutput output)
            throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/shop?user=app&password=Pa55-w0rd-in-url";

        assertThatThrownBy(() -> TestApps.builder(TestAppsHolder.class, db, WebApplicationType.NONE,
                "spring.datasource.url=" + url, "migrator.connect-retries=1", "migrator.connect-retries-interval=100ms").run())
                .isNotNull();

        assertThat(output.getOut()).contains("Database 127.0.0.1:" + closed + "/shop is not accepting connections",
                "retry 1 of 1");
        assertThat(report(output)).contains("Connection to 127.0.0.1:" + closed + " refused",
                "(Migrator error code CONNECTION_FAILED)", "migrator.connect-retries");
        assertThat(output.getOut() + output.getErr()).doesNotContain("Pa55-w0rd-in-url");
    }

    private static String report(CapturedOutput output) {
        String all = output.getOut() + output.getErr();
        int start = all.indexOf("APPLICATION FAILED TO START");
        assertThat(start).as("Boot's failure report in %s", all).isNotNegative();
        return all.substring(start);
    }

    /** An application with nothing but auto-configuration. */
    @org.springframework.boot.SpringBootConfiguration
    @org.springframework.boot.autoconfigure.EnableAutoConfiguration
    static class TestAppsHolder {
    }
}
