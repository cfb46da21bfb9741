package io.github.edfisdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Raw sockets against the sandbox: stalled, slow or oversized clients cannot freeze it, and requests the HTTP layer
 * cannot parse still get a problem body (not an HTML page).
 */
class SandboxConnectionTest {
    static EdFiSandbox sb;

    @BeforeAll
    static void start() {
        sb = EdFiSandbox.builder().maxRequestBytes(4096).requestTimeout(Duration.ofMillis(1500)).start();
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    private static Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), sb.port());
        s.setSoTimeout(10_000);
        return s;
    }

    /** Sends raw bytes and reads the answer until the server closes or the status line and body are in. */
    private static String exchange(String request) throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return readAnswer(s.getInputStream());
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        int n;
        while ((n = in.read(b)) > 0) {
            buf.write(b, 0, n);
            String text = buf.toString(StandardCharsets.UTF_8);
            int head = text.indexOf("\r\n\r\n");
            if (head > 0) {
                String lower = text.substring(0, head).toLowerCase();
                int cl = lower.indexOf("content-length:");
                if (cl >= 0) {
                    int len = Integer.parseInt(lower.substring(cl + 15, lower.indexOf("\r\n", cl) < 0 ? head
                            : Math.min(head, lower.indexOf("\r\n", cl))).trim());
                    if (buf.size() >= head + 4 + len) {
                        break;
                    }
                }
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    private static JsonObject problem(String answer) {
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        return JsonParser.parseString(answer.substring(answer.indexOf("\r\n\r\n") + 4)).getAsJsonObject();
    }

    /** A GET of the root document from a fresh connection; must answer within the bound. */
    private static void assertServes(Duration bound) throws Exception {
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return exchange("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            } catch (IOException e) {
                return e.toString();
            }
        });
        String a = answer.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(200, status(a), a);
    }

    @Test
    void stalledAndSlowClientsDoNotFreezeTheSandbox() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) { // one byte of a request line, then nothing
                Socket s = connect();
                s.getOutputStream().write('G');
                s.getOutputStream().flush();
                stalled.add(s);
            }
            for (int i = 0; i < 6; i++) { // a body that never comes
                Socket s = connect();
                s.getOutputStream().write(("POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: "
                        + "application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ngrant").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            Thread.sleep(200); // let the server take them all
            assertServes(Duration.ofSeconds(3));
            // The stalled ones are closed once the request timeout has passed (read returns -1 or a 408).
            for (Socket s : stalled) {
                s.setSoTimeout(5_000);
                String rest = readAnswer(s.getInputStream());
                assertTrue(rest.isEmpty() || rest.startsWith("HTTP/1.1 408"), rest);
            }
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void aDripFedRequestIsCutAtTheRequestTimeout() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            long start = System.nanoTime();
            String request = "GET /metadata HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(100);
            boolean cut = false;
            for (char c : request.toCharArray()) {
                try {
                    out.write(c);
                    out.flush();
                    if (s.getInputStream().available() > 0) {
                        cut = true;
                        break;
                    }
                    Thread.sleep(50); // the drip itself is what is tested: 20 bytes a second
                } catch (IOException closed) {
                    cut = true;
                    break;
                }
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(seconds < 5, "the drip went on for " + seconds + " s");
            assertTrue(cut, "the server closed the drip-fed connection");
        }
    }

    @Test
    void aDeclaredHugeBodyGets413AndTheConnectionIsClosed() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write(("POST /data/v3/ed-fi/students HTTP/1.1\r\nHost: x\r\nContent-Type: "
                    + "application/json\r\nContent-Length: 20971520\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String a = readAnswer(s.getInputStream());
            assertEquals(413, status(a), a);
            assertEquals("urn:ed-fi:api:bad-request:request-too-large", problem(a).get("type").getAsString());
            s.setSoTimeout(3_000);
            try {
                assertEquals(-1, s.getInputStream().read(), "the server closes after its 413");
            } catch (java.net.SocketException reset) {
                // closed as well
            }
        }
        assertServes(Duration.ofSeconds(3));
    }

    @Test
    void requestsTheHttpLayerCannotParseGetProblemDetails() throws Exception {
        String badPath = exchange("GET /data/v3/ed-fi/students/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(400, status(badPath), badPath);
        assertTrue(problem(badPath).toString().contains("URL encoding"), badPath);

        String badContentLength = exchange("POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n");
        assertEquals(400, status(badContentLength), badContentLength);
        assertTrue(problem(badContentLength).toString().contains("Content-Length"), badContentLength);
        assertFalse(badContentLength.contains("<html") || badContentLength.contains("<h1>"), badContentLength);
    }

    @Test
    void anUnencodedBraceInTheQueryIsReadAsTheCharacter() throws Exception {
        RawHttp http = new RawHttp(sb);
        String a = exchange("GET /data/v3/ed-fi/students?studentUniqueId={x} HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + "Bearer " + http.token + "\r\nConnection: close\r\n\r\n");
        assertEquals(200, status(a), a);
        assertTrue(a.endsWith("[]"), a);
    }

    @Test
    void aMalformedJsonBodyGetsNoJavaAdvice() {
        RawHttp http = new RawHttp(sb);
        var r = http.post("/ed-fi/students", "{\"studentUniqueId\": \"abc\"} trailing");
        assertEquals(400, r.statusCode(), r.body());
        assertFalse(r.body().contains("setStrictness") || r.body().contains("Strictness"), r.body());
        assertTrue(r.body().contains("not valid JSON"), r.body());
    }

    @Test
    void aMalformedTokenFormIs400InvalidRequest() throws Exception {
        String a = exchange("POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 16\r\nConnection: close\r\n\r\ngrant_type=%zz&x");
        assertEquals(400, status(a), a);
        assertTrue(a.endsWith("{\"error\":\"invalid_request\"}"), a);
    }
}
