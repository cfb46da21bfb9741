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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side: the JDK's built-in server (no dependency; it meets the throughput target, see SandboxBenchmark) with a
 * pool of worker threads. It converts exchanges to {@link SandboxRequest}s and back; nothing else.
 */
final class SandboxHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers;

    SandboxHttpServer(InetAddress bindAddress, int port, java.util.function.Function<SandboxRequest, SandboxResponse> handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(bindAddress, port), 256);
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
        workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "edfi-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", exchange -> serve(exchange, handler));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void serve(HttpExchange ex, java.util.function.Function<SandboxRequest, SandboxResponse> handler) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            URI uri = ex.getRequestURI();
            SandboxRequest req = new SandboxRequest(ex.getRequestMethod().toUpperCase(Locale.ROOT), uri.getPath(),
                    query(uri.getRawQuery()), headers, body);
            SandboxResponse resp = handler.apply(req);
            resp.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            byte[] out = resp.body();
            boolean noBody = resp.status() == 204 || resp.status() == 304 || out.length == 0
                    || req.method().equals("HEAD");
            ex.sendResponseHeaders(resp.status(), noBody ? -1 : out.length);
            if (!noBody) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
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
