package io.github.edfisdk.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The HTTP side: the JDK's built-in server (no dependency; it meets the throughput target, see SandboxBenchmark) with a
 * pool of worker threads. It converts exchanges to {@link SandboxRequest}s and back; nothing else.
 */
final class SandboxHttpServer implements AutoCloseable {
    static {
        // The JDK server writes headers and body in two segments; with Nagle's algorithm on, the body waits for the
        // client's delayed ACK (~40 ms per small answer: 90 GETs/s instead of thousands). The server reads this
        // property once, when it is first used, so it is set here, before any server is created (unless the user
        // chose otherwise).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final long maxBodyBytes;
    /** Exchanges handed to the workers and not finished (queued or running); guarded by itself. */
    private final int[] inFlight = {0};

    SandboxHttpServer(InetAddress bindAddress, int port, long maxBodyBytes,
                      Function<SandboxRequest, SandboxResponse> handler) throws IOException {
        this.maxBodyBytes = maxBodyBytes;
        server = HttpServer.create(new InetSocketAddress(bindAddress, port), 256);
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
        workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "edfi-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(exchange -> {
            changeInFlight(1);
            try {
                workers.execute(() -> {
                    try {
                        exchange.run();
                    } finally {
                        changeInFlight(-1);
                    }
                });
            } catch (RuntimeException rejected) {
                changeInFlight(-1);
                throw rejected;
            }
        });
        server.createContext("/", exchange -> serve(exchange, handler));
        server.start();
    }

    private void changeInFlight(int delta) {
        synchronized (inFlight) {
            inFlight[0] += delta;
            if (inFlight[0] == 0) {
                inFlight.notifyAll();
            }
        }
    }

    /** Waits until no exchange is queued or running; false when {@code timeout} passed first. */
    boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inFlight) {
            while (inFlight[0] > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(inFlight, left);
            }
            return true;
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange ex, Function<SandboxRequest, SandboxResponse> handler) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            byte[] body = readBody(ex);
            if (body == null) {
                // Not read to its end: the connection cannot carry another request.
                SandboxResponse tooLarge = new SandboxResponse(413, "application/problem+json; charset=utf-8",
                        ApiProblem.tooLarge(maxBodyBytes).toJson(UUID.randomUUID().toString()).toString()
                                .getBytes(StandardCharsets.UTF_8));
                tooLarge.header("Connection", "close");
                send(ex, method, tooLarge);
                return;
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            URI uri = ex.getRequestURI();
            Map<String, String> query;
            try {
                query = query(uri.getRawQuery());
            } catch (IllegalArgumentException badEncoding) {
                // e.g. "%2" : answered like any other bad parameter rather than dropping the connection
                send(ex, method, new SandboxResponse(400, "application/problem+json; charset=utf-8", ApiProblem
                        .parameter("The query string is not valid URL encoding: " + badEncoding.getMessage())
                        .toJson(UUID.randomUUID().toString()).toString().getBytes(StandardCharsets.UTF_8)));
                return;
            }
            send(ex, method, handler.apply(new SandboxRequest(method, uri.getPath(), query, headers, body)));
        }
    }

    /** The request body, or null when it is larger than the limit (declared or as read). */
    private byte[] readBody(HttpExchange ex) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBodyBytes) {
                    return null;
                }
            } catch (NumberFormatException ignored) {
                // the JDK server refuses such requests before they get here
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            return b.length > maxBodyBytes ? null : b;
        }
    }

    private static void send(HttpExchange ex, String method, SandboxResponse resp) throws IOException {
        if (resp.dropsConnection()) {
            // Closing an exchange whose headers were not sent closes the connection: the client gets no answer.
            return;
        }
        resp.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        byte[] out = resp.body();
        boolean noBody = resp.status() == 204 || resp.status() == 304 || out.length == 0 || method.equals("HEAD");
        ex.sendResponseHeaders(resp.status(), noBody ? -1 : out.length);
        if (!noBody) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
