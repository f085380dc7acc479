package dev.migrator.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of the test server, on a port of its own, that a test switches between the
 * database's three faces an application can meet: up ({@link #open()}), gone ({@link #close()}: the
 * port refuses and every relayed connection is cut, as when PostgreSQL stops) and hanging
 * ({@link #freeze()}: connections are accepted and kept, but not a byte is answered, as behind a
 * network partition). Until {@link #open()} the port refuses connections: a database that starts later.
 */
public final class TcpRelay implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile boolean frozen;

    private TcpRelay(String targetHost, int targetPort, int port) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = port;
    }

    /** A relay to {@code db}'s server on a free local port, not listening yet. */
    public static TcpRelay to(TestDatabase db) {
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new TcpRelay(uri.getHost(), uri.getPort(), probe.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code db}'s JDBC URL through this relay. */
    public String url(TestDatabase db) {
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        return db.url().replaceFirst("//" + uri.getHost() + ":" + uri.getPort() + "/", "//127.0.0.1:" + port + "/");
    }

    /** Starts listening and relaying (again, after {@link #close()}). */
    public synchronized void open() {
        if (server != null) {
            return;
        }
        frozen = false;
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
            daemon(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("Relay could not listen on port " + port, e);
        }
    }

    /** From now on nothing is relayed in either direction; connections stay open and new ones are accepted. */
    public void freeze() {
        frozen = true;
    }

    /** Stops listening and cuts every relayed connection: the database is gone. */
    @Override
    public synchronized void close() {
        ServerSocket socket = server;
        server = null;
        if (socket != null) {
            closeQuietly(socket);
        }
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                sockets.add(client);
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(upstream);
                daemon(() -> pump(client, upstream));
                daemon(() -> pump(upstream, client));
            } catch (IOException e) {
                // closed: the relay stopped listening
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (!frozen) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side went away: the other follows
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "tcp-relay-" + THREADS.incrementAndGet());
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
