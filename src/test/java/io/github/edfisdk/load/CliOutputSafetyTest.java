package io.github.edfisdk.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile or broken server sends cannot take over the terminal (huge or escape-laden error text), and what
 * the CLI writes about records (errors files, state) is readable by the owner only, with values left out on request.
 */
class CliOutputSafetyTest {
    private MockWebServer server;
    private volatile MockResponse dataAnswer;
    @TempDir
    Path dir;
    private Path secretFile;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getRequestUrl().encodedPath();
                String base = server.url("/").toString();
                if (path.equals("/")) {
                    return json(200, "{\"version\":\"7.2\",\"dataModels\":[{\"name\":\"Ed-Fi\",\"version\":\"5.1.0\"}],"
                            + "\"urls\":{\"oauth\":\"" + base + "oauth/token\",\"dataManagementApi\":\"" + base + "data/v3/\"}}");
                }
                if (path.equals("/oauth/token")) {
                    return json(200, "{\"access_token\":\"t-1\",\"expires_in\":1800,\"token_type\":\"bearer\"}");
                }
                return dataAnswer;
            }
        });
        server.start();
        secretFile = dir.resolve("secret");
        Files.writeString(secretFile, "s");
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    private CliRunner export() {
        return CliRunner.run("export", "students", "--base-url", server.url("/").toString(), "--key", "k",
                "--secret-file", secretFile.toString());
    }

    @Test
    void aHugeEscapeLadenErrorDetailIsCutAndDefused() {
        String detail = "\u001b[2J\u001b[H" + "x".repeat(20 * 1024 * 1024) + "\nedfi: export complete, 0 errors\u001b]0;owned\u0007";
        dataAnswer = new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/problem+json")
                .setBody("{\"detail\":\"" + detail.replace("\u001b", "\\u001b").replace("\u0007", "\\u0007")
                        .replace("\n", "\\n") + "\",\"status\":400}");
        CliRunner r = export();
        assertEquals(2, r.exitCode(), r.err().length() > 500 ? r.err().substring(0, 500) : r.err());
        assertTrue(r.err().length() < 10_000, "printed " + r.err().length() + " characters");
        assertFalse(r.err().contains("\u001b") || r.err().contains("\u0007"), "no escape reaches the terminal");
        assertFalse(r.err().contains("\nedfi: export complete"), "no forged line");
        assertTrue(r.err().contains("more characters"), r.err().substring(0, Math.min(3000, r.err().length())));
    }

    @Test
    void aMalformedJsonAnswerGetsAPlainMessage() {
        for (String body : new String[] {"[{\"id\": \"a\", ", "[{\"id\" \"a\"}]"}) {
            dataAnswer = json(200, body);
            CliRunner r = export();
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains("not JSON"), r.err());
            assertFalse(r.err().contains("java.") || r.err().contains("Exception") || r.err().contains("gson")
                    || r.err().contains("Troubleshooting"), r.err());
        }
    }

    @Test
    void errorsFilesAreOwnerOnlyAndValuesCanBeLeftOut() throws Exception {
        Path errors = dir.resolve("out/errors.jsonl");
        CliRunner plain = CliRunner.run("validate", "--data-standard", "5.1", "--errors", errors.toString(),
                "src/test/resources/bad-input/students.wrong-types.jsonl");
        assertEquals(1, plain.exitCode(), plain.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(errors)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(errors.getParent())));
        assertTrue(Files.readString(errors).contains("\\\"given\\\""), Files.readString(errors));

        Path redacted = dir.resolve("redacted.jsonl");
        CliRunner r = CliRunner.run("validate", "--data-standard", "5.1", "--redact-values", "--errors",
                redacted.toString(), "src/test/resources/bad-input/students.wrong-types.jsonl");
        assertEquals(1, r.exitCode(), r.err());
        String all = r.out() + r.err() + Files.readString(redacted);
        assertFalse(all.contains("given"), all);
        assertTrue(all.contains("is not valid for FirstName"), all);
    }

    @Test
    void theLandedJournalAndItsFolderAreOwnerOnly() throws Exception {
        Path state = dir.resolve("state");
        try (LandedJournal j = LandedJournal.open(state)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    state.resolve(LandedJournal.FILE_NAME))));
        }
    }
}
