package dev.migrator.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Where the startup migration run stands. Readiness is held back while a run is scheduled, running or
 * failed; the actuator health and endpoint can read it too.
 */
public final class MigratorStartupStatus {

    /** Progress of the startup run. */
    public enum State {
        /** No startup run is scheduled (for example a user's initializer replaced the default one). */
        IDLE,
        /** Scheduled but not started (async mode before the application is ready). */
        WAITING,
        RUNNING,
        /** Done, or nothing to do ({@code migrator.startup.action=none}). */
        FINISHED,
        /** The run failed; readiness stays REFUSING_TRAFFIC until a restart. */
        FAILED
    }

    private volatile State state = State.IDLE;
    private volatile @Nullable RuntimeException failure;

    public State state() {
        return state;
    }

    /** The failure of a {@link State#FAILED} run, else null. */
    public @Nullable RuntimeException failure() {
        return failure;
    }

    /** Whether the startup run no longer holds readiness back. */
    public boolean allowsTraffic() {
        State current = state;
        return current == State.IDLE || current == State.FINISHED;
    }

    /** Runs the startup migration, recording its progress and outcome; a failure is rethrown. */
    void track(Runnable migration) {
        running();
        try {
            migration.run();
            finished();
        } catch (RuntimeException e) {
            failed(e);
            throw e;
        }
    }

    void waiting() {
        state = State.WAITING;
    }

    void running() {
        state = State.RUNNING;
    }

    void finished() {
        state = State.FINISHED;
    }

    void failed(RuntimeException e) {
        failure = e;
        state = State.FAILED;
    }
}
