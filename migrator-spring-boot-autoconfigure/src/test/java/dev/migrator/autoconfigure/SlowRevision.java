package dev.migrator.autoconfigure;

import static org.awaitility.Awaitility.await;

import dev.migrator.testsupport.TestDatabase;
import java.time.Duration;

/**
 * The {@code db/slow} revision ({@code b2c3d4e5f6a1}) blocks on advisory lock (4242, 1) while a test holds it,
 * so the test decides when a startup run may end and looks at the starting application meanwhile.
 */
public final class SlowRevision {

    /** The locations with the slow revision after the plain one it revises. */
    public static final String LOCATIONS = "migrator.locations=classpath:db/migrations,classpath:db/slow";

    private SlowRevision() {}

    /** Waits (at most {@code deadline}) until the slow revision's session is queued on the test's advisory lock. */
    public static void awaitBlocked(TestDatabase db, Duration deadline) {
        await().atMost(deadline).until(() -> db.count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND NOT granted AND classid = 4242 AND objid = 1") == 1);
    }
}
