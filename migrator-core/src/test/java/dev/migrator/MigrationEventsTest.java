package dev.migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.event.MigrationListener;
import dev.migrator.result.MigrationResult;
import dev.migrator.result.MigrationResult.StepResult;
import dev.migrator.testsupport.FreshDatabase;
import dev.migrator.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FreshDatabase.class)
class MigrationEventsTest {

    @TempDir
    Path dir;

    /** Records every callback as a short line. */
    static final class Recorder implements MigrationListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void runStarted(RunStarted event) {
            events.add("runStarted " + event.direction() + " " + event.target());
        }

        @Override
        public void lockAcquired(Duration waited) {
            events.add("lockAcquired");
        }

        @Override
        public void stepStarted(String revision, Direction direction) {
            events.add("stepStarted " + revision);
        }

        @Override
        public void stepSucceeded(StepResult step) {
            events.add("stepSucceeded " + step.revision() + " attempts=" + step.attempts());
        }

        @Override
        public void stepFailed(String revision, Direction direction, Duration duration, Throwable error) {
            events.add("stepFailed " + revision);
        }

        @Override
        public void runSucceeded(MigrationResult result) {
            events.add("runSucceeded " + result.applied());
        }

        @Override
        public void runFailed(Throwable error) {
            events.add("runFailed");
        }
    }

    @Test
    void listenersHearEachRunAndStepInOrder(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.table("e001");
        files.table("e002", "e001");
        Recorder recorder = new Recorder();

        files.configure(db).listeners(recorder).load().upgrade("heads");

        assertThat(recorder.events).containsExactly("runStarted UPGRADE heads", "lockAcquired",
                "stepStarted e001", "stepSucceeded e001 attempts=1",
                "stepStarted e002", "stepSucceeded e002 attempts=1", "runSucceeded 2");
    }

    @Test
    void listenersHearAFailedStepAndRun(TestDatabase db) {
        RevisionFiles files = new RevisionFiles(dir);
        files.revision("e001").upgrade("SELECT 1/0").downgrade("SELECT 1").write();
        Recorder recorder = new Recorder();
        Migrator migrator = files.configure(db).listeners(recorder).load();

        assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(MigratorException.class)
                .hasMessageContaining("22012");

        assertThat(recorder.events).containsExactly("runStarted UPGRADE heads", "lockAcquired",
                "stepStarted e001", "stepFailed e001", "runFailed");
    }
}
