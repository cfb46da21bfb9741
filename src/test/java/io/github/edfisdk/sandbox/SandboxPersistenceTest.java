package io.github.edfisdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.cli.EdFiCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --data-dir: a sandbox killed with kill -9 keeps every write it answered with 2xx. */
class SandboxPersistenceTest {
    @TempDir
    Path dataDir;

    /** A sandbox in its own JVM, started through the CLI, as a user runs it. */
    private static final class Child implements AutoCloseable {
        final Process process;
        final String baseUrl;

        Child(Path dataDir) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
            String shared = System.getProperty("edfi.shared.dir");
            if (shared != null) {
                cmd.add("-Dedfi.shared.dir=" + shared);
            }
            cmd.addAll(List.of(EdFiCli.class.getName(), "sandbox", "--port", "0", "--seed", "minimal",
                    "--data-dir", dataDir.toString(), "--key", "k", "--secret", "s"));
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("URL:")) {
                    url = line.substring(4).trim();
                }
                if (line.startsWith("Press Ctrl-C")) {
                    break;
                }
            }
            if (url == null) {
                process.destroyForcibly();
                throw new IllegalStateException("the sandbox process did not print its URL");
            }
            baseUrl = url;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static RawHttp connect(String baseUrl) {
        return new RawHttp(baseUrl, "k", "s");
    }

    /** Repeated with a random kill point (printed with its seed; replay with {@code -Dkill.seed=N}). */
    @org.junit.jupiter.api.RepeatedTest(2)
    void killMinus9KeepsEveryAcknowledgedWrite(org.junit.jupiter.api.RepetitionInfo repetition) throws Exception {
        long seed = Long.getLong("kill.seed", System.nanoTime());
        long killAfterMillis = 150 + new java.util.Random(seed).nextInt(1000);
        System.out.println("kill.seed=" + seed + ": sandbox killed " + killAfterMillis + " ms into the writes");
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // studentUniqueId -> lastSurname
        List<String> deleted = new ArrayList<>();
        try (Child child = new Child(dataDir)) {
            RawHttp http = connect(child.baseUrl);
            // Some settled history: creates, an update, a delete.
            for (int i = 0; i < 20; i++) {
                assertEquals(201, http.post("/ed-fi/students", SandboxWriteTest.student("P-" + i, "First")).statusCode());
                acknowledged.put("P-" + i, "First");
            }
            assertEquals(200, http.post("/ed-fi/students", SandboxWriteTest.student("P-3", "Second")).statusCode());
            acknowledged.put("P-3", "Second");
            String id = RawHttp.id(http.post("/ed-fi/students", SandboxWriteTest.student("P-4", "First")));
            assertEquals(204, http.delete("/ed-fi/students/" + id).statusCode());
            acknowledged.remove("P-4");
            deleted.add("P-4");

            // Writes in flight when the process is killed: only those answered 2xx must survive.
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String key = "P-W" + writer + "-" + i;
                        try {
                            HttpResponse<String> r = http.post("/ed-fi/students", SandboxWriteTest.student(key, "Live"));
                            if (r.statusCode() / 100 == 2) {
                                acknowledged.put(key, "Live");
                            }
                        } catch (RuntimeException e) {
                            return; // the connection died with the process
                        }
                    }
                });
            }
            Thread.sleep(killAfterMillis);
            child.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
            child.process.waitFor(10, TimeUnit.SECONDS);
            stop.set(true);
            writers.shutdown();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertTrue(acknowledged.size() > 25, "writes were in flight: " + acknowledged.size());
        assertTrue(Files.size(dataDir.resolve(Journal.FILE_NAME)) > 0);

        try (Child restarted = new Child(dataDir)) {
            RawHttp http = connect(restarted.baseUrl);
            Map<String, String> stored = new java.util.HashMap<>();
            for (int offset = 0; ; offset += 500) {
                var page = RawHttp.parse(http.get("/ed-fi/students?limit=500&offset=" + offset)).getAsJsonArray();
                page.forEach(e -> stored.put(e.getAsJsonObject().get("studentUniqueId").getAsString(),
                        e.getAsJsonObject().get("lastSurname").getAsString()));
                if (page.size() < 500) {
                    break;
                }
            }
            for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                assertEquals(e.getValue(), stored.get(e.getKey()), e.getKey() + " was acknowledged");
            }
            for (String gone : deleted) {
                assertEquals("[]", http.get("/ed-fi/students?studentUniqueId=" + gone).body());
            }
            // The restarted sandbox keeps writing to the same journal.
            assertEquals(201, http.post("/ed-fi/students", SandboxWriteTest.student("P-AFTER", "Again")).statusCode());
        }
        if (repetition.getCurrentRepetition() > 1) {
            return; // the restart-after-restart check needs one run only
        }
        try (Child third = new Child(dataDir)) {
            assertEquals(1, RawHttp.parse(connect(third.baseUrl).get("/ed-fi/students?studentUniqueId=P-AFTER"))
                    .getAsJsonArray().size());
        }
    }

    @Test
    void oneDataDirectoryServesOneSandbox() {
        try (EdFiSandbox sb = EdFiSandbox.builder().seed(Seed.EMPTY).dataDir(dataDir).start()) {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> EdFiSandbox.builder().seed(Seed.EMPTY).dataDir(dataDir).start());
            assertTrue(e.getMessage().contains("in use by another running sandbox"), e.getMessage());
        }
        EdFiSandbox.builder().seed(Seed.EMPTY).dataDir(dataDir).start().close();
    }

    @Test
    void aJournalOfMostlySupersededLinesIsCompactedOnStart() throws Exception {
        String locationId;
        try (EdFiSandbox sb = EdFiSandbox.builder().seed(Seed.POPULATED).dataDir(dataDir).start()) {
            RawHttp http = new RawHttp(sb);
            for (int i = 0; i < 1200; i++) {
                assertEquals(i == 0 ? 201 : 200, http.post("/ed-fi/students",
                        SandboxWriteTest.student("C-1", "Version" + i)).statusCode());
            }
            // A deleted seed item must stay deleted after compaction (an attendance event: nothing refers to it; the
            // seed's locations are the classrooms of its sections).
            String cp = RawHttp.parse(http.get("/ed-fi/studentSchoolAttendanceEvents?limit=1")).getAsJsonArray().get(0)
                    .getAsJsonObject().get("id").getAsString();
            assertEquals(204, http.delete("/ed-fi/studentSchoolAttendanceEvents/" + cp).statusCode());
            locationId = cp;
        }
        Path journal = dataDir.resolve(Journal.FILE_NAME);
        assertEquals(1201, Files.readAllLines(journal).size()); // 1200 puts, 1 delete
        for (int run = 0; run < 2; run++) {
            try (EdFiSandbox sb = EdFiSandbox.builder().seed(Seed.POPULATED).dataDir(dataDir).start()) {
                RawHttp http = new RawHttp(sb);
                var items = RawHttp.parse(http.get("/ed-fi/students?studentUniqueId=C-1")).getAsJsonArray();
                assertEquals("Version1199", items.get(0).getAsJsonObject().get("lastSurname").getAsString());
                assertEquals(404, http.get("/ed-fi/studentSchoolAttendanceEvents/" + locationId).statusCode());
            }
            assertEquals(2, Files.readAllLines(journal).size(), "one put and one delete");
        }
    }

    @Test
    void aTornLastLineIsDropped() throws Exception {
        try (EdFiSandbox sb = EdFiSandbox.builder().seed(Seed.MINIMAL).dataDir(dataDir).start()) {
            assertEquals(201, new RawHttp(sb).post("/ed-fi/students", SandboxWriteTest.student("T-1", "Kept")).statusCode());
        }
        Path journal = dataDir.resolve(Journal.FILE_NAME);
        Files.writeString(journal, "{\"op\":\"put\",\"resource\":\"Student\",\"id\":\"ab", java.nio.file.StandardOpenOption.APPEND);
        try (EdFiSandbox sb = EdFiSandbox.builder().seed(Seed.MINIMAL).dataDir(dataDir).start()) {
            RawHttp http = new RawHttp(sb);
            assertEquals(1, RawHttp.parse(http.get("/ed-fi/students?studentUniqueId=T-1")).getAsJsonArray().size());
            assertEquals(201, http.post("/ed-fi/students", SandboxWriteTest.student("T-2", "New")).statusCode());
        }
        try (EdFiSandbox sb = EdFiSandbox.builder().seed(Seed.MINIMAL).dataDir(dataDir).start()) {
            assertEquals(1, RawHttp.parse(new RawHttp(sb).get("/ed-fi/students?studentUniqueId=T-2")).getAsJsonArray().size());
        }
    }
}
