package io.github.edfisdk.client;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import okhttp3.CookieJar;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Sends small writes (POST, PUT, DELETE with a body of at most {@value #MAX_BODY} bytes) over one HTTP/1.1 keep-alive
 * connection per calling thread, instead of OkHttp's connection pool. The last application interceptor, so the
 * SDK's own interceptors (retries, overload gate, OAuth, logging, response limit) work as for any request; only
 * OkHttp's network layer is replaced, and every other request goes on to it.
 *
 * <p>Why: a bulk load spends most of its CPU in that layer, not on the wire. Measured on a 2-core machine, loading
 * 40,001 records with 8 threads, OkHttp's pool wakes its task-runner thread after every call (a thread switch and two
 * thread renames each time), contends on the pool's and the timeout watchdog's locks (about 3 futex calls a request)
 * and used about twice the CPU of a bare keep-alive client; the server, on the same cores, got that much less. Here a
 * request is one write and the answer one or two reads, and threads share nothing.
 *
 * <p>For a fixed set of worker threads (the loader's senders), as {@link EdFiClient.Builder#perThreadConnections}
 * says: each thread keeps its connection until the client is closed. Same behaviour as OkHttp where it matters: the
 * client's DNS, socket and TLS factories, hostname verifier and certificate pinner; a reused connection found closed
 * by the server before any answer byte is opened again and the request sent once more (as OkHttp does for pooled
 * connections; Ed-Fi writes are upserts); the connect timeout, the read timeout (no byte for that long; it also bounds
 * a blocked write) and the call timeout. Sockets block without timeouts, and one watchdog thread closes a socket past
 * its limit or whose call was cancelled, checking every quarter of the shortest timeout (at most every second). Requests
 * through a proxy, with network interceptors or a cookie jar, and larger or streamed bodies go through OkHttp.
 */
final class PerThreadConnections implements Interceptor, Closeable {
    static final int MAX_BODY = 256 * 1024;
    private static final String USER_AGENT = "okhttp/" + OkHttp.VERSION;

    private final OkHttpClient settings;
    private final long maxResponseBytes;
    private final ThreadLocal<Connection> mine = new ThreadLocal<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> directOrigins = new ConcurrentHashMap<>();
    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
    private Thread watchdog;
    private volatile boolean closed;

    /**
     * @param settings the client whose DNS, socket factories, TLS checks and timeouts apply (it is not called)
     * @param maxResponseBytes answers larger than this are refused, as {@link ResponseLimit} does
     */
    PerThreadConnections(OkHttpClient settings, long maxResponseBytes) {
        this.settings = settings;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** Whether a client with these settings can use it at all (no proxy, network interceptors or cookies). */
    static boolean applies(OkHttpClient client) {
        return client.networkInterceptors().isEmpty() && client.cookieJar() == CookieJar.NO_COOKIES
                && (client.proxy() == null || client.proxy().type() == Proxy.Type.DIRECT);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl url = request.url();
        Connection c = mine.get();
        boolean reused = c != null && c.isOpen() && c.serves(url); // an origin connected to was found direct
        if (closed || !handles(request) || !(reused || directOrigins.computeIfAbsent(origin(url), o -> isDirect(url)))) {
            return chain.proceed(request);
        }
        byte[] message = message(request, url, bodyBytes(request.body()));
        if (!reused) {
            if (c != null) {
                c.close();
            }
            c = connect(url);
        }
        try {
            return send(c, request, message, chain);
        } catch (StaleConnection e) {
            if (!reused || chain.call().isCanceled()) {
                throw e.unwrap();
            }
            // The server closed the idle connection before this request reached it: open a new one, send it again.
            try {
                return send(connect(url), request, message, chain);
            } catch (StaleConnection again) {
                throw again.unwrap();
            }
        }
    }

    /** One exchange; on any failure the connection is closed (its answer was not read to the end). */
    private static Response send(Connection c, Request request, byte[] message, Chain chain) throws IOException {
        try {
            return c.exchange(request, message, System.currentTimeMillis(), chain);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** A write it can send: POST, PUT or DELETE with no body or a small, repeatable one. */
    private boolean handles(Request request) {
        String method = request.method();
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("DELETE")) {
            return false;
        }
        RequestBody body = request.body();
        try {
            if (body != null && (body.isOneShot() || body.isDuplex() || body.contentLength() < 0
                    || body.contentLength() > MAX_BODY)) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        return true;
    }

    /** No proxy for this URL (the client's own proxy is checked by {@link #applies}; this asks its selector). */
    private boolean isDirect(HttpUrl url) {
        if (settings.proxy() != null) {
            return settings.proxy().type() == Proxy.Type.DIRECT;
        }
        ProxySelector selector = settings.proxySelector();
        try {
            URI uri = url.uri();
            List<Proxy> proxies = selector.select(uri);
            return proxies == null || proxies.isEmpty() || proxies.stream().allMatch(p -> p.type() == Proxy.Type.DIRECT);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String origin(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }

    private static byte[] bodyBytes(RequestBody body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return buffer.readByteArray();
    }

    /** Request line, headers and body in one array: one write. */
    private static byte[] message(Request request, HttpUrl url, byte[] body) {
        StringBuilder head = new StringBuilder(256);
        head.append(request.method()).append(' ').append(url.encodedPath());
        String query = url.encodedQuery();
        if (query != null) {
            head.append('?').append(query);
        }
        head.append(" HTTP/1.1\r\nHost: ").append(hostHeader(url)).append("\r\n");
        Headers headers = request.headers();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")
                    && !name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Connection")) {
                head.append(name).append(": ").append(headers.value(i)).append("\r\n");
            }
        }
        RequestBody requestBody = request.body();
        MediaType type = requestBody == null ? null : requestBody.contentType();
        if (type != null && headers.get("Content-Type") == null) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        if (headers.get("User-Agent") == null) {
            head.append("User-Agent: ").append(USER_AGENT).append("\r\n");
        }
        if (requestBody != null || !request.method().equals("DELETE")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        // Header values were checked by OkHttp's Request builder (no CR/LF); non-ASCII ones are sent as UTF-8.
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private static String hostHeader(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
    }

    private Connection connect(HttpUrl url) throws IOException {
        List<InetAddress> addresses = settings.dns().lookup(url.host());
        IOException failure = null;
        for (InetAddress address : addresses) {
            Socket socket = settings.socketFactory().createSocket();
            Watch watch = new Watch(socket);
            watched.add(watch);
            try {
                // Blocking connect and reads (no socket timeouts): a socket with a timeout is switched to non-blocking
                // mode for good, and then every read that finds no answer yet costs two more system calls. The
                // watchdog closes a socket that stays silent past its timeout instead.
                watch.begin(settings.connectTimeoutMillis(), null);
                try {
                    socket.connect(new InetSocketAddress(address, url.port()));
                } catch (IOException e) {
                    throw watch.explain(e, "connect timed out");
                } finally {
                    watch.end();
                }
                if (url.isHttps()) {
                    watch.begin(settings.readTimeoutMillis(), null);
                    try {
                        socket = secure(socket, url);
                    } catch (IOException e) {
                        throw watch.explain(e, "TLS handshake timed out");
                    } finally {
                        watch.end();
                    }
                    watch.socket = socket;
                }
                Connection c = new Connection(url, socket, watch);
                if (closed) {
                    c.close();
                    throw new IOException("The client is closed");
                }
                open.add(c);
                mine.set(c);
                return c;
            } catch (IOException e) {
                watched.remove(watch);
                socket.close();
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        throw failure != null ? failure : new IOException(url.host() + ": no address");
    }

    private Socket secure(Socket socket, HttpUrl url) throws IOException {
        SSLSocket ssl = (SSLSocket) settings.sslSocketFactory().createSocket(socket, url.host(), url.port(), true);
        ssl.startHandshake();
        if (!settings.hostnameVerifier().verify(url.host(), ssl.getSession())) {
            ssl.close();
            throw new SSLPeerUnverifiedException("Hostname " + url.host() + " not verified by the server's certificate");
        }
        settings.certificatePinner().check(url.host(), List.of(ssl.getSession().getPeerCertificates()));
        return ssl;
    }

    /** Starts the watchdog with the first socket. */
    private void startWatchdog() {
        synchronized (watched) {
            if (watchdog != null) {
                return;
            }
            long shortest = Long.MAX_VALUE;
            for (int t : new int[] {settings.connectTimeoutMillis(), settings.readTimeoutMillis()}) {
                if (t > 0) {
                    shortest = Math.min(shortest, t);
                }
            }
            long period = Math.max(10, Math.min(1000, shortest / 4));
            watchdog = new Thread(() -> {
                while (!closed) {
                    try {
                        Thread.sleep(period);
                    } catch (InterruptedException e) {
                        return;
                    }
                    long now = System.nanoTime();
                    for (Watch w : watched) {
                        w.check(now);
                    }
                }
            }, "edfi-connection-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c : open) {
            c.close();
        }
        open.clear();
        Thread w = watchdog;
        if (w != null) {
            w.interrupt();
        }
    }

    /**
     * What the watchdog looks at for one socket: while an operation is under way, the time of its last progress, its
     * limit and the call it serves. Past the limit, or when the call was cancelled (OkHttp's call timeout does that),
     * the socket is closed, which ends the blocked operation, and {@link #explain} names the reason.
     */
    private final class Watch {
        volatile Socket socket;
        volatile long progressNanos;
        volatile long limitNanos;
        volatile okhttp3.Call call;
        volatile boolean active;
        volatile String aborted;

        Watch(Socket socket) {
            this.socket = socket;
            startWatchdog();
        }

        void begin(long limitMillis, okhttp3.Call call) {
            this.limitNanos = limitMillis * 1_000_000L;
            this.call = call;
            this.progressNanos = System.nanoTime();
            this.active = true;
        }

        void progress() {
            progressNanos = System.nanoTime();
        }

        void end() {
            active = false;
            call = null;
        }

        void check(long now) {
            if (!active || aborted != null) {
                return;
            }
            okhttp3.Call c = call;
            if (c != null && c.isCanceled()) {
                abort("canceled");
            } else if (limitNanos > 0 && now - progressNanos > limitNanos) {
                abort("timeout");
            }
        }

        private void abort(String why) {
            aborted = why;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is the point
            }
        }

        /** The failure of a blocked operation, as OkHttp would name it when the watchdog ended it. */
        IOException explain(IOException e, String timeoutMessage) {
            String why = aborted;
            if (why == null) {
                return e;
            }
            IOException named = why.equals("timeout") ? new java.net.SocketTimeoutException(timeoutMessage)
                    : new IOException("Canceled");
            named.initCause(e);
            return named;
        }
    }

    /** A connection that failed before any byte of the answer arrived (it may be sent again on a new one). */
    private static final class StaleConnection extends IOException {
        StaleConnection(IOException cause) {
            super(cause.getMessage(), cause);
        }

        IOException unwrap() {
            return (IOException) getCause();
        }
    }

    /** One socket, used by one thread at a time. */
    private final class Connection {
        private final String origin;
        private final String scheme;
        private final String host;
        private final int port;
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        // The read buffer (BufferedInputStream would take a lock for every byte of the status line and headers).
        private final byte[] buf = new byte[8192];
        private int pos;
        private int limit;
        private final Watch watch;
        private volatile boolean closed;

        Connection(HttpUrl url, Socket socket, Watch watch) throws IOException {
            this.origin = origin(url);
            this.scheme = url.scheme();
            this.host = url.host();
            this.port = url.port();
            this.socket = socket;
            this.watch = watch;
            this.out = socket.getOutputStream();
            this.in = socket.getInputStream();
        }

        /** The next byte, or -1 at the end of the stream. */
        private int read() throws IOException {
            if (pos == limit && !fill()) {
                return -1;
            }
            return buf[pos++] & 0xff;
        }

        /** Up to {@code len} bytes into {@code b}, or -1 at the end of the stream. */
        private int read(byte[] b, int off, int len) throws IOException {
            if (pos == limit && !fill()) {
                return -1;
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean fill() throws IOException {
            int n;
            try {
                n = in.read(buf, 0, buf.length);
            } catch (IOException e) {
                throw watch.explain(e, "Read timed out");
            }
            if (n <= 0) {
                return false;
            }
            watch.progress();
            pos = 0;
            limit = n;
            return true;
        }

        boolean serves(HttpUrl url) {
            return port == url.port() && host.equals(url.host()) && scheme.equals(url.scheme());
        }

        boolean isOpen() {
            return !closed;
        }

        Response exchange(Request request, byte[] message, long sentAt, Chain chain) throws IOException {
            watch.begin(settings.readTimeoutMillis(), chain.call());
            try {
                return exchangeWatched(request, message, sentAt, chain);
            } finally {
                watch.end();
            }
        }

        private Response exchangeWatched(Request request, byte[] message, long sentAt, Chain chain) throws IOException {
            try {
                out.write(message);
                out.flush();
            } catch (IOException e) {
                IOException named = watch.explain(e, "Write timed out");
                throw named != e ? named : new StaleConnection(e);
            }
            int first;
            try {
                first = read();
            } catch (IOException e) {
                // a timeout or a cancelled call is final; anything else before the first byte: the server had closed
                throw watch.aborted != null ? e : new StaleConnection(e);
            }
            if (first < 0) {
                throw new StaleConnection(new EOFException("unexpected end of stream on " + origin));
            }
            while (true) {
                String status = line(first, chain);
                first = -1;
                if (!status.startsWith("HTTP/1.")) {
                    throw new IOException("Unexpected status line: " + status);
                }
                int code = parseCode(status);
                String reason = status.length() > 13 ? status.substring(13) : "";
                Headers.Builder headers = new Headers.Builder();
                for (String h = line(-1, chain); !h.isEmpty(); h = line(-1, chain)) {
                    int colon = h.indexOf(':');
                    if (colon <= 0) {
                        throw new IOException("Unexpected header: " + h);
                    }
                    headers.addUnsafeNonAscii(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
                }
                Headers h = headers.build();
                if (code >= 100 && code < 200) {
                    continue; // an interim answer (100 Continue, 103 Early Hints): the real one follows
                }
                boolean keepAlive = !"close".equalsIgnoreCase(h.get("Connection")) && status.startsWith("HTTP/1.1");
                byte[] body = readBody(request, code, h, chain);
                if (!keepAlive) {
                    close();
                }
                String encoding = h.get("Content-Encoding");
                if (encoding != null && encoding.equalsIgnoreCase("gzip") && body.length > 0) {
                    try (InputStream z = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                        body = z.readAllBytes();
                    }
                    h = h.newBuilder().removeAll("Content-Encoding").removeAll("Content-Length").build();
                }
                String type = h.get("Content-Type");
                return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(code).message(reason)
                        .headers(h).body(ResponseBody.create(body, type == null ? null : MediaType.parse(type)))
                        .sentRequestAtMillis(sentAt).receivedResponseAtMillis(System.currentTimeMillis()).build();
            }
        }

        private int parseCode(String status) throws IOException {
            try {
                return Integer.parseInt(status.substring(9, 12));
            } catch (RuntimeException e) {
                throw new IOException("Unexpected status line: " + status);
            }
        }

        private byte[] readBody(Request request, int code, Headers h, Chain chain) throws IOException {
            if (request.method().equals("HEAD") || code == 204 || code == 304) {
                return new byte[0];
            }
            String chunked = h.get("Transfer-Encoding");
            if (chunked != null && chunked.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                while (true) {
                    String sizeLine = line(-1, chain);
                    int semi = sizeLine.indexOf(';');
                    long size;
                    try {
                        size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                    } catch (NumberFormatException e) {
                        throw new IOException("Malformed chunk size: " + sizeLine);
                    }
                    if (size == 0) {
                        while (!line(-1, chain).isEmpty()) {
                            // trailers: not used
                        }
                        return body.toByteArray();
                    }
                    if (body.size() + size > maxResponseBytes) {
                        close();
                        throw tooLarge(request, "reading stopped there");
                    }
                    body.write(exactly(size, chain));
                    line(-1, chain); // the CRLF after the chunk
                }
            }
            String length = h.get("Content-Length");
            if (length != null) {
                long n;
                try {
                    n = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    throw new IOException("Malformed Content-Length: " + length);
                }
                if (n > maxResponseBytes) {
                    close();
                    throw tooLarge(request, "it declares " + n + " bytes; nothing was read");
                }
                return exactly(n, chain);
            }
            // No length: the body ends when the server closes the connection.
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            for (int n = read(chunk, 0, chunk.length); n >= 0; n = read(chunk, 0, chunk.length)) {
                body.write(chunk, 0, n);
                if (body.size() > maxResponseBytes) {
                    close();
                    throw tooLarge(request, "reading stopped there");
                }
                checkCanceled(chain);
            }
            close();
            return body.toByteArray();
        }

        private ResponseTooLargeException tooLarge(Request request, String what) {
            return ResponseLimit.tooLarge(request, maxResponseBytes, what);
        }

        private byte[] exactly(long n, Chain chain) throws IOException {
            byte[] bytes = new byte[(int) n];
            int off = 0;
            while (off < n) {
                int r = read(bytes, off, (int) n - off);
                if (r < 0) {
                    close();
                    throw new EOFException("unexpected end of stream on " + origin);
                }
                off += r;
                checkCanceled(chain);
            }
            return bytes;
        }

        /** One CRLF-terminated line, without it; {@code first} is a byte already read, or -1. */
        private String line(int first, Chain chain) throws IOException {
            StringBuilder b = new StringBuilder(64);
            int c = first >= 0 ? first : read();
            while (c >= 0 && c != '\n') {
                if (c != '\r') {
                    b.append((char) c);
                }
                if (b.length() > 65536) {
                    throw new IOException("Header line longer than 64 KiB from " + origin);
                }
                c = read();
            }
            if (c < 0) {
                close();
                throw new EOFException("unexpected end of stream on " + origin);
            }
            checkCanceled(chain);
            return b.toString();
        }

        /**
         * The call timeout cancels the call, but OkHttp can close only the sockets of its own pool: look whenever bytes
         * arrive. (OkHttp's call turns this into its "timeout" exception when its timeout was the reason.)
         */
        private void checkCanceled(Chain chain) throws IOException {
            if (chain.call().isCanceled()) {
                close();
                throw new IOException("Canceled");
            }
        }

        void close() {
            closed = true;
            open.remove(this);
            watched.remove(watch);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
