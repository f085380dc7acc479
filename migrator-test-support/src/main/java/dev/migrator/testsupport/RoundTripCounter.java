package dev.migrator.testsupport;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of the test server that counts what clients ask the server, read from the
 * PostgreSQL wire protocol: a <b>round trip</b> is a {@code Sync} (the end of an extended-protocol exchange:
 * pgjdbc sends one per {@code execute}, several statements of one {@code execute} included) or a simple
 * {@code Query} after which the client stopped sending, to wait for the answer. What the client sends in one
 * go before it waits is one round trip: pgjdbc's {@code BEGIN} travels as a simple query in front of the
 * statement it opens the transaction for. A round trip that carries an empty query is a connection pool's
 * validation ({@code Connection#isValid}, HikariCP's keepalive), counted apart so that what the application
 * sends can be told from what its pool sends. Connection set-up (startup, authentication) is not a round
 * trip here.
 */
public final class RoundTripCounter implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private static final int CANCEL_REQUEST = 80877102;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final AtomicInteger validations = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();

    private RoundTripCounter(String targetHost, int targetPort, ServerSocket server) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = server;
    }

    /** A counting relay to {@code db}'s server, listening on a free local port. */
    public static RoundTripCounter to(TestDatabase db) {
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        try {
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            RoundTripCounter counter = new RoundTripCounter(uri.getHost(), uri.getPort(), socket);
            daemon(counter::accept);
            return counter;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code db}'s JDBC URL through this relay. */
    public String url(TestDatabase db) {
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        return db.url().replaceFirst("//" + uri.getHost() + ":" + uri.getPort() + "/",
                "//127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** What was counted so far, to subtract from a later {@link #counts()}. */
    public Counts counts() {
        return new Counts(connections.get(), roundTrips.get(), validations.get());
    }

    /**
     * Counts at one moment.
     *
     * @param connections physical connections opened through the relay
     * @param roundTrips  every round trip, the pool's validations included
     * @param validations round trips that carried an empty query (a pool's validation)
     */
    public record Counts(int connections, int roundTrips, int validations) {

        /** What happened between {@code before} and this. */
        public Counts since(Counts before) {
            return new Counts(connections - before.connections, roundTrips - before.roundTrips,
                    validations - before.validations);
        }

        /** The round trips the application asked for: all but the pool's validations. */
        public int applicationRoundTrips() {
            return roundTrips - validations;
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                connections.incrementAndGet();
                daemon(() -> countAndRelay(client, upstream));
                daemon(() -> relay(upstream, client));
            } catch (IOException e) {
                // closed: the relay stopped listening
            }
        }
    }

    /** Relays the client's messages, counting them; see the class comment for what counts. */
    private void countAndRelay(Socket client, Socket upstream) {
        try (DataInputStream in = new DataInputStream(client.getInputStream()); OutputStream out = upstream.getOutputStream()) {
            // untyped packets first: an SSL or GSS request (answered by one byte), then the startup message
            while (true) {
                int length = in.readInt();
                int code = in.readInt();
                byte[] rest = in.readNBytes(length - 8);
                writeInt(out, length);
                writeInt(out, code);
                out.write(rest);
                out.flush();
                if (code == CANCEL_REQUEST) {
                    in.transferTo(out);
                    return;
                }
                if (code != SSL_REQUEST && code != GSS_REQUEST) {
                    break;
                }
            }
            boolean emptyQuery = false;
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                if (body.length != length - 4) {
                    throw new EOFException();
                }
                // asked before the message goes on: until the server has it, the client cannot have sent what
                // it sends after the answer, so bytes waiting now are the rest of this send
                boolean moreOfThisSend = in.available() > 0;
                out.write(type);
                writeInt(out, length);
                out.write(body);
                out.flush();
                if (type == 'P') {
                    // Parse: statement name, NUL, query, NUL, ...
                    int nameEnd = indexOfNul(body, 0);
                    emptyQuery |= nameEnd + 1 < body.length && body[nameEnd + 1] == 0;
                } else if (type == 'Q' || type == 'S') {
                    if (type == 'Q') {
                        emptyQuery |= body.length > 0 && body[0] == 0;
                    }
                    if (moreOfThisSend) {
                        continue; // the client has not stopped to wait yet
                    }
                    roundTrips.incrementAndGet();
                    if (emptyQuery) {
                        validations.incrementAndGet();
                    }
                    emptyQuery = false;
                }
            }
        } catch (IOException e) {
            // one side went away: the other follows
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private void relay(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: the other follows
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return bytes.length;
    }

    private static void writeInt(OutputStream out, int value) throws IOException {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "round-trip-counter-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
