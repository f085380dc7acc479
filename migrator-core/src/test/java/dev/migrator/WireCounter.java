package dev.migrator;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test helper: a TCP relay between the real JDBC driver and the real test server that forwards every
 * byte unchanged and counts what the client sends (PostgreSQL protocol v3). A round trip is a Sync or
 * a simple Query message: after either the driver waits for the server's ReadyForQuery. Statements
 * are the texts of Parse and Query messages. Nothing is simulated: only what crossed the wire counts.
 */
final class WireCounter implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;

    private final String serverHost;
    private final int serverPort;
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "wire-counter");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final List<String> statements = new CopyOnWriteArrayList<>();

    private WireCounter(String serverHost, int serverPort) throws IOException {
        this.serverHost = serverHost;
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** A relay in front of the server of {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db...}). */
    static WireCounter relayTo(String jdbcUrl) throws IOException {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new WireCounter(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
    }

    /** {@code jdbcUrl} pointed at the relay, without TLS (the relay reads the plain protocol). */
    String url(String jdbcUrl) {
        String rest = jdbcUrl.substring(jdbcUrl.indexOf('/', "jdbc:postgresql://".length()));
        return "jdbc:postgresql://" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort() + rest
                + (rest.contains("?") ? "&" : "?") + "sslmode=disable";
    }

    /** What {@code action} sent: round trips and statement texts. */
    Traffic count(ThrowingRunnable action) throws Exception {
        int before = roundTrips.get();
        int statementsBefore = statements.size();
        action.run();
        return new Traffic(roundTrips.get() - before, new ArrayList<>(statements.subList(statementsBefore, statements.size())));
    }

    record Traffic(int roundTrips, List<String> statements) {}

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(serverHost, serverPort);
                sockets.add(client);
                sockets.add(server);
                threads.execute(() -> copy(server, client));
                threads.execute(() -> relayClient(client, server));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Server to client: plain bytes. */
    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ignored) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Client to server, message by message: untyped startup messages first, then typed ones. */
    private void relayClient(Socket client, Socket server) {
        try {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = server.getOutputStream();
            int code;
            do {
                int length = in.readInt();
                code = in.readInt();
                byte[] rest = in.readNBytes(length - 8);
                out.write(ByteBuffer.allocate(8).putInt(length).putInt(code).array());
                out.write(rest);
                out.flush();
            } while (code == SSL_REQUEST || code == GSSENC_REQUEST); // answered 'N' (sslmode=disable): the startup follows
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                record((char) type, body); // counted before the server can answer
                out.write(ByteBuffer.allocate(5).put((byte) type).putInt(length).array());
                out.write(body);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side closed
        } finally {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private void record(char type, byte[] body) {
        switch (type) {
            case 'S' -> roundTrips.incrementAndGet();
            case 'Q' -> {
                roundTrips.incrementAndGet();
                statements.add(cString(body, 0));
            }
            case 'P' -> statements.add(cString(body, indexOfNul(body, 0) + 1)); // statement name, then the text
            default -> { }
        }
    }

    private static int indexOfNul(byte[] bytes, int from) {
        int i = from;
        while (bytes[i] != 0) {
            i++;
        }
        return i;
    }

    private static String cString(byte[] bytes, int from) {
        return new String(bytes, from, indexOfNul(bytes, from) - from, StandardCharsets.UTF_8);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(WireCounter::closeQuietly);
        threads.shutdownNow();
    }
}
