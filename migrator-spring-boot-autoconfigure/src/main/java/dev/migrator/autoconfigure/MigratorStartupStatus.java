package dev.migrator.autoconfigure;

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
    private volatile RuntimeException failure;

    public State state() {
        return state;
    }

    /** The failure of a {@link State#FAILED} run, else null. */
    public RuntimeException failure() {
        return failure;
    }

    /** Whether the startup run no longer holds readiness back. */
    public boolean allowsTraffic() {
        State current = state;
        return current == State.IDLE || current == State.FINISHED;
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
