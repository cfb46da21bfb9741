package io.github.edfisdk.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.sandbox.EdFiSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a load, then the same command again: the sandbox ends with exactly the input, and
 * the rerun re-sends only records whose answer was in flight at the kill. Repeated with a random kill point each time
 * (printed, with the seed, so a failure can be replayed with {@code -Dkill.seed=N}): 5,000 records a time here;
 * {@code -Dheavy=true} runs 100,000.
 */
class KillAndResumeTest {
    static final int RECORDS = Boolean.getBoolean("heavy") ? 100_000 : 5_000;
    static final int CONCURRENCY = 8;

    @RepeatedTest(2)
    void rerunAfterKillSendsOnlyWhatHadNotLanded(@TempDir Path dir) throws Exception {
        long seed = Long.getLong("kill.seed", System.nanoTime());
        Random random = new Random(seed);
        Path input = StudentFiles.write(dir.resolve("students.jsonl"), RECORDS);
        Path state = dir.resolve("state");
        try (EdFiSandbox sandbox = EdFiSandbox.builder().port(0).start();
             EdFiClient client = EdFiClient.builder().baseUrl(sandbox.baseUrl())
                     .credentials(sandbox.key(), sandbox.secret()).build()) {
            Path creds = dir.resolve("creds.properties");
            Files.writeString(creds, "key=" + sandbox.key() + "\nsecret=" + sandbox.secret() + "\n");
            List<String> command = List.of("load", input.toString(), "--base-url", sandbox.baseUrl(),
                    "--credentials-file", creds.toString(), "--state-dir", state.toString(),
                    "--concurrency", Integer.toString(CONCURRENCY));

            // First run: killed with SIGKILL once a random share (20-70 %) has landed.
            Process first = loader(command, dir.resolve("first.log"));
            long killAt = (long) (RECORDS * (0.1 + random.nextDouble() * 0.8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (client.documents().count("students", Map.of()) < killAt) {
                assertTrue(first.isAlive(), "the loader ended before the kill: " + Files.readString(dir.resolve("first.log")));
                assertTrue(System.nanoTime() < deadline, "the loader is too slow");
                Thread.sleep(20);
            }
            first.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
            // The requests the loader sent before it died are answered (or not) now: wait for them, not a guessed time.
            assertTrue(sandbox.awaitIdle(java.time.Duration.ofSeconds(30)), "the sandbox is still answering");
            long landedBefore = client.documents().count("students", Map.of());
            long journaled = Files.readAllLines(state.resolve(LandedJournal.FILE_NAME)).stream()
                    .filter(l -> l.length() > 34).count();
            assertTrue(landedBefore > 0 && landedBefore < RECORDS, "killed mid-load: " + landedBefore);

            // Second run: the same command.
            Process second = loader(command, dir.resolve("second.log"));
            assertTrue(second.waitFor(120, TimeUnit.SECONDS));
            String log = Files.readString(dir.resolve("second.log"));
            assertEquals(0, second.exitValue(), log);
            String[] total = log.lines().filter(l -> l.startsWith("TOTAL")).findFirst().orElseThrow().trim().split("\\s+");
            long created = Long.parseLong(total[1]);
            long updated = Long.parseLong(total[2]);
            long unchanged = Long.parseLong(total[3]);
            long failed = Long.parseLong(total[4]);

            // Exactly the records of an uninterrupted run.
            assertEquals(RECORDS, client.documents().count("students", Map.of()));
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < RECORDS; i++) {
                expected.add(StudentFiles.line(i));
            }
            Set<String> stored = new HashSet<>();
            for (JsonObject s : client.documents().query("students", Map.of())) {
                stored.add("{\"studentUniqueId\":" + s.get("studentUniqueId") + ",\"firstName\":" + s.get("firstName")
                        + ",\"lastSurname\":" + s.get("lastSurname") + ",\"birthDate\":" + s.get("birthDate") + "}");
            }
            assertEquals(expected, stored);

            // Nothing that had landed and been journaled was sent again; the only records sent twice are those
            // whose answer was in flight (or not yet journaled) at the kill: at most the concurrency.
            assertEquals(0, failed);
            assertEquals(journaled, unchanged, log);
            assertEquals(RECORDS - landedBefore, created, log);
            assertEquals(landedBefore - journaled, updated, log);
            assertTrue(updated <= CONCURRENCY, "re-sent landed records: " + updated);
            System.out.printf("kill.seed=%d: kill -9 after %d of %d landed (%d journaled); rerun: %d created, %d re-sent, %d skipped%n",
                    seed, landedBefore, RECORDS, journaled, created, updated, unchanged);
        }
    }

    private static Process loader(List<String> args, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path")));
        String shared = System.getProperty("edfi.shared.dir");
        if (shared != null) {
            cmd.add("-Dedfi.shared.dir=" + shared);
        }
        cmd.add("io.github.edfisdk.cli.EdFiCli");
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
