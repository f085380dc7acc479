package dev.migrator.autoconfigure;

/**
 * Where the startup migration run stands. Readiness is held back until it is {@link State#FINISHED};
 * the actuator health and endpoint can read it too.
 */
public final class MigratorStartupStatus {

    /** Progress of the startup run. */
    public enum State {
        /** Not started yet (async mode before the application is ready). */
        WAITING,
        RUNNING,
        /** Done, or nothing to do ({@code migrator.startup.action=none}). */
        FINISHED,
        /** The run failed; readiness stays REFUSING_TRAFFIC until a restart. */
        FAILED
    }

    private volatile State state = State.WAITING;
    private volatile RuntimeException failure;

    public State state() {
        return state;
    }

    /** The failure of a {@link State#FAILED} run, else null. */
    public RuntimeException failure() {
        return failure;
    }

    public boolean isFinished() {
        return state == State.FINISHED;
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
