package dev.migrator.internal.execute;

import dev.migrator.internal.support.Secrets;
import dev.migrator.internal.lock.Backoff;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for a database that does not accept connections yet (Flyway's {@code connectRetries}): a pod
 * that starts before its database retries instead of dying. Only failures that can heal by waiting are
 * retried (refused or unreachable, the server starting up, no such database yet); a wrong password is
 * not, since repeating it only feeds lockout policies. The waits double from one second up to the
 * configured interval, so the whole wait is bounded by retries × interval.
 */
public final class DatabaseWait {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWait.class);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);

    private DatabaseWait() {}

    /** Opens a connection, retrying as {@code connect} allows. */
    static Connection open(ConnectionSource source, EngineSettings.ConnectSettings connect) throws SQLException {
        Duration wait = FIRST_WAIT;
        for (int retry = 1; ; retry++) {
            try {
                return source.open();
            } catch (SQLException e) {
                if (retry > connect.retries() || !healsByWaiting(e)) {
                    throw e;
                }
                Duration pause = wait.compareTo(connect.retriesInterval()) > 0 ? connect.retriesInterval() : wait;
                log.info("Database {} is not accepting connections ({}); retry {} of {} in {} s", connect.database(),
                        Secrets.mask(firstLine(e.getMessage())), retry, connect.retries(), pause.toMillis() / 1000.0);
                Backoff.pause(pause);
                wait = wait.multipliedBy(2);
            }
        }
    }

    /** Connection failures (08…), the server starting up or shutting down (57P01-3), and a database not created yet. */
    static boolean healsByWaiting(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("3D000"));
    }

    /** Where a DataSource connects, for log lines: host, port and database of its URL when it tells, never credentials. */
    public static String describe(DataSource dataSource) {
        for (String getter : new String[] {"getJdbcUrl", "getUrl", "getURL"}) {
            try {
                Method method = dataSource.getClass().getMethod(getter);
                if (method.getReturnType() == String.class && method.invoke(dataSource) instanceof String url) {
                    return describe(url);
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // a DataSource without that property (a proxy, a router): try the next name
            }
        }
        return "behind the configured DataSource (" + dataSource.getClass().getSimpleName() + ")";
    }

    /** {@code host:port/database} of a JDBC URL: no user, no password, no parameters. */
    public static String describe(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            return Secrets.mask(url);
        }
        String rest = url.substring(start + 2);
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        int slash = rest.indexOf('/');
        int at = rest.lastIndexOf('@', slash < 0 ? rest.length() - 1 : slash);
        return Secrets.mask(at >= 0 ? rest.substring(at + 1) : rest);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
