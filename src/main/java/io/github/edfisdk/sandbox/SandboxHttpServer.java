package io.github.edfisdk.sandbox;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP/1.1 side: a small blocking server with one thread per connection. It converts requests to
 * {@link SandboxRequest}s and answers back; nothing else.
 *
 * <p>Not the JDK's {@code com.sun.net.httpserver}: that one reads requests on a fixed pool of workers without a read
 * timeout, so eight clients that send one byte froze it, and it answers requests it cannot parse (a bad
 * %-escape, an unencoded {@code {} in the query, a bad {@code Content-Length}) with an HTML page of its own. Here each
 * connection has its own thread (up to {@value #MAX_CONNECTIONS}; past that, 503 and close), a request must arrive,
 * head and body, within the request timeout (else 408 and close), an idle keep-alive connection is closed after
 * {@link #IDLE_TIMEOUT}, and every refusal is a problem body. After a 413 or any refusal that leaves unread bytes the
 * connection is closed.
 */
final class SandboxHttpServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SandboxHttpServer.class.getName());
    static final int MAX_CONNECTIONS = 1024;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** Request line and headers together; Ed-Fi requests need a few hundred bytes. */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_HEADERS = 200;
    /** How long a refused request's remaining bytes are read and discarded before the close (so the answer arrives). */
    private static final Duration LINGER = Duration.ofSeconds(1);
    private static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";

    private final ServerSocket serverSocket;
    private final ExecutorService connections;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final long maxBodyBytes;
    private final Duration requestTimeout;
    private final Function<SandboxRequest, SandboxResponse> handler;
    private volatile boolean closed;
    /** Requests begun and not yet answered (their first byte read); guarded by itself. */
    private final int[] inFlight = {0};

    SandboxHttpServer(InetAddress bindAddress, int port, long maxBodyBytes, Duration requestTimeout,
                      Function<SandboxRequest, SandboxResponse> handler) throws IOException {
        this.maxBodyBytes = maxBodyBytes;
        this.requestTimeout = requestTimeout;
        this.handler = handler;
        serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(bindAddress, port), 256);
        AtomicInteger n = new AtomicInteger();
        connections = Executors.newCachedThreadPool(r -> {
            // Small stacks: a connection thread parses a request and calls the handler, nothing deep.
            Thread t = new Thread(null, r, "edfi-sandbox-" + n.incrementAndGet(), 512 * 1024);
            t.setDaemon(true);
            return t;
        });
        acceptor = new Thread(this::acceptLoop, "edfi-sandbox-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void changeInFlight(int delta) {
        synchronized (inFlight) {
            inFlight[0] += delta;
            if (inFlight[0] == 0) {
                inFlight.notifyAll();
            }
        }
    }

    /** Waits until no request is being read or answered; false when {@code timeout} passed first. */
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
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.FINE, "accept failed", e);
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                refuseBusy(s);
                continue;
            }
            open.add(s);
            try {
                connections.execute(() -> {
                    try {
                        serve(s);
                    } finally {
                        open.remove(s);
                        closeQuietly(s);
                        slots.release();
                    }
                });
            } catch (RuntimeException rejected) { // shutting down
                open.remove(s);
                closeQuietly(s);
                slots.release();
            }
        }
    }

    private static void refuseBusy(Socket s) {
        try (s) {
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write(head(503, PROBLEM_JSON, 0, true).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException ignored) {
            // the client is gone: nothing to tell it
        }
    }

    /** One connection: requests one after another until close, timeout or a request that cannot be read. */
    private void serve(Socket s) {
        try {
            s.setTcpNoDelay(true); // header and body go out in one write anyway; no delayed-ACK stalls
            DeadlineInput deadline = new DeadlineInput(s);
            InputStream in = new BufferedInputStream(deadline, 16 * 1024);
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
            while (!closed) {
                deadline.expireIn(IDLE_TIMEOUT);
                int first = in.read();
                if (first < 0) {
                    return;
                }
                deadline.expireIn(requestTimeout);
                Exchange ex = new Exchange();
                boolean keepAlive;
                changeInFlight(1);
                try {
                    keepAlive = readAndAnswer(first, in, out, ex);
                } catch (SocketTimeoutException slow) {
                    refuse(s, out, 408, ApiProblem.requestTimeout(requestTimeout), ex);
                    return;
                } catch (Refusal r) {
                    refuse(s, out, r.problem.status, r.problem, ex);
                    return;
                } finally {
                    changeInFlight(-1);
                }
                if (!keepAlive) {
                    return;
                }
            }
        } catch (IOException gone) {
            // the client closed or reset the connection: nothing to answer
        }
    }

    /** What is known of the request being read (for the answer to a refused one). */
    private static final class Exchange {
        String method = "GET";
    }

    /** A request the HTTP layer refuses; the connection is closed after the answer. */
    private static final class Refusal extends Exception {
        final ApiProblem problem;

        Refusal(ApiProblem problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }

    /** Reads one request, answers it; returns whether the connection stays open. */
    private boolean readAndAnswer(int first, InputStream in, OutputStream out, Exchange ex)
            throws IOException, Refusal {
        int[] budget = {MAX_HEAD_BYTES};
        String requestLine = readLine(first, in, budget);
        if (requestLine == null) {
            throw new java.io.EOFException();
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
            throw new Refusal(ApiProblem.badRequest("The request line is not 'METHOD TARGET HTTP/1.1'."));
        }
        ex.method = parts[0].toUpperCase(Locale.ROOT);
        boolean http10 = parts[2].equals("HTTP/1.0");
        Map<String, List<String>> headers = readHeaders(in, budget);
        String connection = first(headers, "connection");
        boolean keepAlive = connection == null ? !http10 : connection.toLowerCase(Locale.ROOT).contains("keep-alive")
                || (!http10 && !connection.toLowerCase(Locale.ROOT).contains("close"));

        byte[] body = readBody(in, out, headers);

        String target = parts[1];
        if (target.startsWith("http://") || target.startsWith("https://")) { // absolute form
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int q = target.indexOf('?');
        int hash = target.indexOf('#');
        String rawPath = q < 0 ? (hash < 0 ? target : target.substring(0, hash)) : target.substring(0, q);
        String rawQuery = q < 0 ? null : (hash > q ? target.substring(q + 1, hash) : target.substring(q + 1));
        SandboxResponse response;
        String path;
        try {
            path = UrlCoding.decodePath(rawPath);
        } catch (IllegalArgumentException bad) {
            throw new Refusal(ApiProblem.badRequest("The request URL path is not valid URL encoding: "
                    + bad.getMessage()));
        }
        Map<String, String> query;
        try {
            query = UrlCoding.decodeForm(rawQuery);
        } catch (IllegalArgumentException bad) {
            // answered like any other bad parameter; the request was read whole, so the connection stays usable
            response = problem(ApiProblem.parameter("The query string is not valid URL encoding: " + bad.getMessage()));
            send(out, ex.method, response, keepAlive, http10);
            return keepAlive;
        }
        try {
            response = handler.apply(new SandboxRequest(ex.method, path, query, headers, body));
        } catch (RuntimeException | StackOverflowError e) {
            // The handler answers its own failures; this is the last guard so one request never ends the thread
            // without an answer.
            LOG.log(Level.WARNING, ex.method + " " + path + " failed", e);
            response = problem(ApiProblem.internal("An unexpected problem has occurred."));
        }
        if (response.dropsConnection()) {
            return false; // an injected fault: the connection closes without an answer
        }
        keepAlive &= !"close".equalsIgnoreCase(response.headers().get("Connection"));
        send(out, ex.method, response, keepAlive, http10);
        return keepAlive;
    }

    private Map<String, List<String>> readHeaders(InputStream in, int[] budget) throws IOException, Refusal {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = 0;
        while (true) {
            String line = readLine(-1, in, budget);
            if (line == null) {
                throw new java.io.EOFException();
            }
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (++count > MAX_HEADERS || colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new Refusal(ApiProblem.badRequest(count > MAX_HEADERS ? "More than " + MAX_HEADERS
                        + " request headers." : "A request header is not 'Name: value'."));
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, k -> new ArrayList<>(1)).add(line.substring(colon + 1).trim());
        }
    }

    /** The body by Content-Length or chunked; 413 past the limit (declared or as read). */
    private byte[] readBody(InputStream in, OutputStream out, Map<String, List<String>> headers)
            throws IOException, Refusal {
        String te = first(headers, "transfer-encoding");
        List<String> lengths = headers.get("content-length");
        long length = 0;
        if (te != null) {
            if (!te.toLowerCase(Locale.ROOT).endsWith("chunked")) {
                throw new Refusal(ApiProblem.badRequest("Transfer-Encoding '" + te + "' is not supported; send "
                        + "chunked or a Content-Length."));
            }
        } else if (lengths != null) {
            String declared = lengths.get(0);
            for (String l : lengths) {
                if (!l.equals(declared) || l.isEmpty() || l.length() > 18 || !l.chars().allMatch(Character::isDigit)) {
                    throw new Refusal(ApiProblem.badRequest("The Content-Length header is not a number of bytes: '"
                            + ApiProblem.printable(l) + "'."));
                }
            }
            length = Long.parseLong(declared);
            if (length > maxBodyBytes) {
                throw new Refusal(ApiProblem.tooLarge(maxBodyBytes));
            }
        }
        if ((te != null || length > 0) && "100-continue".equalsIgnoreCase(first(headers, "expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        if (te != null) {
            return readChunked(in);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new java.io.EOFException();
        }
        return body;
    }

    private byte[] readChunked(InputStream in) throws IOException, Refusal {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] budget = {MAX_HEAD_BYTES};
        while (true) {
            String sizeLine = readLine(-1, in, budget);
            if (sizeLine == null) {
                throw new java.io.EOFException();
            }
            int semi = sizeLine.indexOf(';');
            String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new Refusal(ApiProblem.badRequest("A chunk size is not a hexadecimal number: '"
                        + ApiProblem.printable(hex) + "'."));
            }
            if (size < 0 || body.size() + size > maxBodyBytes) {
                throw new Refusal(ApiProblem.tooLarge(maxBodyBytes));
            }
            if (size == 0) {
                String trailer;
                while ((trailer = readLine(-1, in, budget)) != null && !trailer.isEmpty()) {
                    // trailers are ignored
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new java.io.EOFException();
            }
            body.write(chunk);
            String end = readLine(-1, in, budget);
            if (end == null || !end.isEmpty()) {
                throw new Refusal(ApiProblem.badRequest("A chunk does not end with CRLF."));
            }
        }
    }

    /** One line without its CR LF (ISO-8859-1, as HTTP heads are), or null at the end of the stream. */
    private static String readLine(int first, InputStream in, int[] budget) throws IOException, Refusal {
        StringBuilder line = new StringBuilder(64);
        int b = first >= 0 ? first : in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            if (--budget[0] < 0) {
                throw new Refusal(ApiProblem.headTooLarge(MAX_HEAD_BYTES));
            }
            line.append((char) b);
            b = in.read();
        }
        if (b < 0) {
            throw new java.io.EOFException();
        }
        int len = line.length();
        if (len > 0 && line.charAt(len - 1) == '\r') {
            line.setLength(len - 1);
        }
        return line.toString();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Answers a refused request, then closes after discarding (briefly) what the client still sends. */
    private void refuse(Socket s, OutputStream out, int status, ApiProblem problem, Exchange ex) {
        try {
            send(out, ex.method, problem(problem), false, false);
            s.shutdownOutput();
            // Closing with unread bytes would reset the connection and could destroy the answer on its way.
            s.setSoTimeout((int) LINGER.toMillis());
            InputStream in = s.getInputStream();
            byte[] discard = new byte[8192];
            long until = System.nanoTime() + LINGER.toNanos();
            while (System.nanoTime() < until && in.read(discard) >= 0) {
                // discarded
            }
        } catch (IOException ignored) {
            // the client is gone or still sending: the socket is closed either way
        }
        LOG.fine(() -> "refused a request with " + status + ": " + problem.detail);
    }

    private static SandboxResponse problem(ApiProblem p) {
        SandboxResponse r = new SandboxResponse(p.status, PROBLEM_JSON,
                p.toJson(UUID.randomUUID().toString()).toString().getBytes(StandardCharsets.UTF_8));
        return r;
    }

    private static void send(OutputStream out, String method, SandboxResponse resp, boolean keepAlive, boolean http10)
            throws IOException {
        byte[] body = resp.body();
        int status = resp.status();
        boolean bodyless = status == 204 || status == 304 || (status >= 100 && status < 200);
        StringBuilder h = new StringBuilder(256);
        h.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        resp.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Connection") && !k.equalsIgnoreCase("Content-Length")) {
                h.append(k).append(": ").append(v).append("\r\n");
            }
        });
        if (!bodyless) {
            h.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (!keepAlive) {
            h.append("Connection: close\r\n");
        } else if (http10) {
            h.append("Connection: keep-alive\r\n");
        }
        h.append("\r\n");
        out.write(h.toString().getBytes(StandardCharsets.UTF_8));
        if (!bodyless && !method.equals("HEAD")) {
            out.write(body);
        }
        out.flush();
    }

    private static String head(int status, String contentType, int length, boolean close) {
        return "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + length + (close ? "\r\nConnection: close" : "") + "\r\n\r\n";
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    /**
     * The socket's input with a deadline for all reads together: each read may wait only until the deadline, so a
     * client that sends one byte a second cannot keep a request open past the timeout.
     */
    private static final class DeadlineInput extends FilterInputStream {
        private final Socket socket;
        private long deadline;

        DeadlineInput(Socket socket) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
        }

        void expireIn(Duration d) {
            deadline = System.nanoTime() + d.toNanos();
        }

        private void arm() throws IOException {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("the request did not arrive in time");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        }

        @Override
        public int read() throws IOException {
            arm();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arm();
            return super.read(b, off, len);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        connections.shutdownNow();
        try {
            connections.awaitTermination(2, TimeUnit.SECONDS);
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
