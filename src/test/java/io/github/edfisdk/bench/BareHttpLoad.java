package io.github.edfisdk.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling of {@link EndToEndLoadBenchmark}: a bare HTTP/1.1 client on raw keep-alive sockets (no OkHttp, no JSON
 * parsing), run as its own process like {@code edfi load}. It gets one token, then POSTs each input line's bytes as
 * they are in the file, {@code CONCURRENCY} connections at once, file after file in the order given (so references
 * resolve: schools, students, then enrolments), and prints {@code BARE <sent> <accepted> <failed>}.
 *
 * <pre>
 * java -cp ... io.github.edfisdk.bench.BareHttpLoad DATA_URL TOKEN_URL CREDENTIALS_FILE CONCURRENCY FILE...
 * </pre>
 * A file's resource is its name ({@code students.jsonl} → {@code /ed-fi/students}).
 */
public final class BareHttpLoad {
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        URI data = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        URI tokenUrl = URI.create(args[1]);
        Properties creds = new Properties();
        try (var r = Files.newBufferedReader(Path.of(args[2]))) {
            creds.load(r);
        }
        int concurrency = Integer.parseInt(args[3]);
        String token = token(tokenUrl, creds.getProperty("key"), creds.getProperty("secret"));

        Connection[] connections = new Connection[concurrency];
        for (int i = 0; i < concurrency; i++) {
            connections[i] = new Connection(data.getHost(), data.getPort());
        }
        AtomicLong sent = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        for (int f = 4; f < args.length; f++) {
            Path file = Path.of(args[f]);
            String name = file.getFileName().toString();
            String path = data.getPath() + "ed-fi/" + name.substring(0, name.indexOf('.'));
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + data.getHost() + ":" + data.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nAccept: application/json"
                    + "\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
            List<byte[]> bodies = lines(file);
            AtomicInteger next = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (Connection c : connections) {
                Thread t = new Thread(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < bodies.size()) {
                        sent.incrementAndGet();
                        Connection.Answer a = c.post(head, bodies.get(i));
                        if (a.status() == 200 || a.status() == 201) {
                            accepted.incrementAndGet();
                        } else if (failed.incrementAndGet() <= 5) {
                            System.err.println("BARE " + name + " line " + (i + 1) + ": " + a.status() + " " + a.body());
                        }
                    }
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        for (Connection c : connections) {
            c.close();
        }
        System.out.println("BARE " + sent + " " + accepted + " " + failed);
    }

    /** The file's non-blank lines as UTF-8 bytes, as they would be sent. */
    private static List<byte[]> lines(Path file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String token(URI tokenUrl, String key, String secret) throws IOException {
        try (Connection c = new Connection(tokenUrl.getHost(), tokenUrl.getPort())) {
            String basic = Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
            byte[] head = ("POST " + tokenUrl.getPath() + " HTTP/1.1\r\nHost: " + tokenUrl.getHost() + ":" + tokenUrl.getPort()
                    + "\r\nAuthorization: Basic " + basic + "\r\nContent-Type: application/x-www-form-urlencoded"
                    + "\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
            Connection.Answer a = c.post(head, "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII));
            Matcher m = TOKEN.matcher(a.body());
            if (a.status() != 200 || !m.find()) {
                throw new IOException("token request answered " + a.status()); // the body may hold a token: not shown
            }
            return m.group(1);
        }
    }

    /** One keep-alive connection; a request is one write (headers and body), the answer is read to its end. */
    static final class Connection implements AutoCloseable {
        record Answer(int status, String body) {
        }

        private final String host;
        private final int port;
        private final ByteArrayOutputStream request = new ByteArrayOutputStream(4096);
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(String host, int port) {
            this.host = host;
            this.port = port;
        }

        Answer post(byte[] head, byte[] body) {
            request.reset();
            request.writeBytes(head);
            request.writeBytes((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(body);
            for (int attempt = 1; ; attempt++) {
                try {
                    if (socket == null) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.connect(new InetSocketAddress(host, port));
                        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                        out = socket.getOutputStream();
                    }
                    request.writeTo(out);
                    return read();
                } catch (IOException e) {
                    close(); // the server closed a kept-alive connection: connect again and resend
                    if (attempt == 3) {
                        return new Answer(0, e.toString());
                    }
                }
            }
        }

        private Answer read() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    closeAfter = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    copy(size, body);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                copy(length, body);
            }
            if (closeAfter) {
                close();
            }
            return new Answer(code, body.toString(StandardCharsets.UTF_8));
        }

        private void copy(long n, ByteArrayOutputStream to) throws IOException {
            for (long i = 0; i < n; i++) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException();
                }
                to.write(b);
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }
    }
}
