package dev.migrator;

import java.time.Instant;

/**
 * One run (an upgrade, downgrade or stamp) as its history rows tell it: every row of a run carries the
 * run's id. {@link Migrator#lastRun()} reads the newest.
 *
 * @param runId      the run's id: the server's clock at its start, in microseconds since 1970 (runs hold the
 *                   migration lock one at a time, so ids are unique and ordered as the runs started)
 * @param startedAt  when its first step started
 * @param finishedAt when its last step ended; null while a step of it has not ended (it is running, or its
 *                   process died and no run has come since to record that)
 * @param steps      its history rows (steps executed, failed ones included)
 * @param applied    its successful upgrade and downgrade steps (stamps are not counted)
 * @param success    whether every step succeeded (false while one is still running)
 */
public record RunSummary(long runId, Instant startedAt, Instant finishedAt, int steps, int applied, boolean success) {}
