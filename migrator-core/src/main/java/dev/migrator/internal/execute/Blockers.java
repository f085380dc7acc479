package dev.migrator.internal.execute;

import dev.migrator.internal.support.DurationText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who kept a statement waiting, read from {@code pg_stat_activity} after the wait ended on
 * {@code lock_timeout} (55P03).
 *
 * <p>By then the wait is over, so {@code pg_blocking_pids} has nothing to say any more, and a
 * {@code CREATE INDEX CONCURRENTLY} waiting for old snapshots never shows its blocker there on older
 * servers anyway. What is certain is when the wait began: {@code lock_timeout} before it ended. Whatever
 * held the lock, or the snapshot, was already there then, inside a transaction; so the candidates are the
 * other client sessions of this database whose transaction is at least {@code lock_timeout} old, oldest
 * first. A session whose activity this user may not see ({@code pg_read_all_stats} missing) is listed
 * when it is inside a transaction (it holds its own virtualxid lock), with that said.
 */
final class Blockers {

    private static final Logger log = LoggerFactory.getLogger(Blockers.class);
    private static final int SHOWN = 3;

    private Blockers() {}

    /** One session that may be the blocker. {@code openFor} is null when this user may not see it. */
    record Blocker(int pid, String applicationName, String user, String clientAddress, String state, Duration openFor) {

        String describe() {
            StringBuilder text = new StringBuilder("session pid ").append(pid);
            List<String> who = new ArrayList<>();
            if (applicationName != null && !applicationName.isEmpty()) {
                who.add("application_name '" + applicationName + "'");
            }
            if (user != null) {
                who.add("user " + user);
            }
            if (clientAddress != null) {
                who.add("from " + clientAddress);
            }
            if (!who.isEmpty()) {
                text.append(" (").append(String.join(", ", who)).append(')');
            }
            if (openFor == null) {
                return text.append(", inside a transaction (its state and age are hidden from this user: grant it "
                        + "pg_read_all_stats to see them)").toString();
            }
            return text.append(", ").append(state).append(", its transaction open for ")
                    .append(DurationText.rounded(openFor)).toString();
        }
    }

    /**
     * The sessions that were inside a transaction when a wait of {@code waited} began, oldest first; empty
     * when none is left (the blocker ended meanwhile) or the catalog cannot be read (the connection is gone).
     */
    static List<Blocker> find(Connection connection, Duration waited) {
        List<Blocker> blockers = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT a.pid, a.application_name, a.usename,"
                + " host(a.client_addr), a.state, (extract(epoch FROM statement_timestamp() - a.xact_start) * 1000)::bigint"
                + " FROM pg_stat_activity a"
                + " WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.backend_type = 'client backend'"
                + " AND (a.xact_start <= statement_timestamp() - ? * interval '1 millisecond'"
                + " OR (a.state IS NULL AND EXISTS (SELECT 1 FROM pg_locks l"
                + " WHERE l.pid = a.pid AND l.locktype = 'virtualxid' AND l.granted)))"
                + " ORDER BY a.xact_start NULLS LAST, a.pid LIMIT " + (SHOWN + 1))) {
            query.setLong(1, waited.toMillis());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long openMillis = rs.getLong(6);
                    Duration openFor = rs.wasNull() ? null : Duration.ofMillis(openMillis);
                    blockers.add(new Blocker(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), openFor));
                }
            }
        } catch (SQLException e) {
            log.debug("Could not read pg_stat_activity for the blocking sessions", e);
        }
        return blockers;
    }

    /**
     * A sentence naming the blockers for a message: "Blocked by session pid 4242 (...), idle in
     * transaction, its transaction open for 12m5s." or, when none is left, that it ended meanwhile.
     */
    static String sentence(List<Blocker> blockers) {
        if (blockers.isEmpty()) {
            return "No other session of this database is inside a transaction that old any more: the blocker ended "
                    + "after the last attempt.";
        }
        List<String> named = new ArrayList<>();
        for (Blocker blocker : blockers.subList(0, Math.min(SHOWN, blockers.size()))) {
            named.add(blocker.describe());
        }
        String more = blockers.size() > SHOWN ? " (and more: see pg_stat_activity)" : "";
        return (blockers.size() == 1 ? "Blocked by " : "Blocked by one of: ") + String.join("; ", named) + more + ".";
    }
}
