package io.github.edfisdk.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.sandbox.EdFiSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edfi load / validate / export / delete} against an embedded sandbox over HTTP. */
class LoadCommandTest {
    static final Path BAD = Path.of("src/test/resources/load/bad-records.jsonl");
    // A fresh sandbox per test: each test counts what it finds there.
    EdFiSandbox sandbox;
    Path credentials;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        sandbox = EdFiSandbox.builder().port(0).start();
        credentials = dir.resolve("edfi.properties");
        Files.writeString(credentials, "key=" + sandbox.key() + "\nsecret=" + sandbox.secret() + "\n");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String[] api(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--base-url", sandbox.baseUrl(), "--credentials-file", credentials.toString()));
        return all.toArray(String[]::new);
    }

    private static Map<Long, JsonObject> errorsByLine(Path errors) throws IOException {
        Map<Long, JsonObject> m = new TreeMap<>();
        for (String l : Files.readAllLines(errors)) {
            JsonObject o = JsonParser.parseString(l).getAsJsonObject();
            m.put(o.get("line").getAsLong(), o);
        }
        return m;
    }

    @Test
    void loadsEveryGoodRecordAndReportsEveryBadOneWithLineAndReason(@TempDir Path dir) throws IOException {
        Path errors = dir.resolve("errors.jsonl");
        Path state = dir.resolve("state");
        CliRunner r = CliRunner.run(api("load", BAD.toString(), "--errors", errors.toString(), "--state-dir", state.toString()));

        assertEquals(1, r.exitCode(), r.out() + r.err());
        Map<Long, JsonObject> bad = errorsByLine(errors);
        assertEquals(List.of(3L, 4L, 7L, 8L, 9L, 10L), List.copyOf(bad.keySet()), bad.toString());
        assertTrue(bad.get(3L).get("message").getAsString().startsWith("malformed JSON"), bad.get(3L).toString());
        assertEquals(400, bad.get(4L).get("status").getAsInt());
        assertTrue(bad.get(4L).getAsJsonObject("validationErrors").has("$.birthDate"), bad.get(4L).toString());
        assertEquals("Student", bad.get(4L).get("resource").getAsString());
        assertEquals("S3", bad.get(4L).getAsJsonObject("naturalKey").get("studentUniqueId").getAsString());
        assertEquals(400, bad.get(7L).get("status").getAsInt());
        assertTrue(bad.get(7L).toString().contains("Thirteenth grade"), bad.get(7L).toString());
        assertEquals(409, bad.get(8L).get("status").getAsInt());
        assertEquals("urn:ed-fi:api:data-conflict:unresolved-reference", bad.get(8L).get("problemType").getAsString());
        assertTrue(bad.get(9L).get("message").getAsString().contains("not a JSON object"));
        assertTrue(bad.get(10L).get("message").getAsString().contains("unknown resource"));
        assertTrue(r.out().contains("6 records failed"), r.out());

        try (EdFiClient c = EdFiClient.builder().baseUrl(sandbox.baseUrl()).credentials(sandbox.key(), sandbox.secret()).build()) {
            assertEquals(2, c.documents().count("students", Map.of()));
            assertEquals(1, c.documents().count("schools", Map.of()));
            assertEquals(1, c.documents().count("studentSchoolAssociations", Map.of()));
        }

        // Rerun: the four landed records are skipped without a request; the six bad ones are reported again.
        Path errors2 = dir.resolve("errors2.jsonl");
        CliRunner again = CliRunner.run(api("load", BAD.toString(), "--errors", errors2.toString(), "--state-dir", state.toString()));
        assertEquals(1, again.exitCode());
        String total = again.out().lines().filter(l -> l.startsWith("TOTAL")).findFirst().orElseThrow();
        assertEquals(List.of("TOTAL", "0", "0", "4", "6"), List.of(total.trim().split("\\s+")), again.out());
        assertEquals(bad.keySet(), errorsByLine(errors2).keySet());

        // export: JSON Lines through all pages, without server fields, loadable as is.
        CliRunner export = CliRunner.run(api("export", "students"));
        assertEquals(0, export.exitCode(), export.err());
        List<String> ids = export.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject())
                .peek(o -> assertTrue(!o.has("id") && !o.has("_etag"), o.toString()))
                .map(o -> o.get("studentUniqueId").getAsString()).sorted().collect(Collectors.toList());
        assertEquals(List.of("S1", "S4"), ids);

        // delete: dependents first (the association before the student and school), bad lines ignored.
        CliRunner delete = CliRunner.run(api("delete", BAD.toString()));
        assertEquals(0, delete.exitCode(), delete.out() + delete.err());
        // S3 and the two refused associations never landed: absent, not failed.
        assertTrue(delete.out().lines().anyMatch(l -> l.trim().split("\\s+")[0].equals("Student")
                && List.of(l.trim().split("\\s+")).subList(1, 4).equals(List.of("2", "1", "0"))), delete.out());
        try (EdFiClient c = EdFiClient.builder().baseUrl(sandbox.baseUrl()).credentials(sandbox.key(), sandbox.secret()).build()) {
            assertEquals(0, c.documents().count("studentSchoolAssociations", Map.of()));
            assertEquals(0, c.documents().count("students", Map.of()));
            assertEquals(0, c.documents().count("schools", Map.of()));
        }
    }

    @Test
    void validateFindsTheSameBadRecordsOffline(@TempDir Path dir) throws IOException {
        Path errors = dir.resolve("errors.jsonl");
        // --references error: the file must be complete (offline, a reference outside it is otherwise a warning).
        CliRunner r = CliRunner.run("validate", BAD.toString(), "--errors", errors.toString(), "--references", "error");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        Map<Long, JsonObject> bad = errorsByLine(errors);
        assertEquals(List.of(3L, 4L, 7L, 8L, 9L, 10L), List.copyOf(bad.keySet()), bad.toString());
        assertEquals(RecordFailure.INVALID, bad.get(4L).get("problemType").getAsString());
        assertEquals(RecordFailure.UNKNOWN_DESCRIPTOR, bad.get(7L).get("problemType").getAsString());
        assertTrue(bad.get(7L).getAsJsonObject("validationErrors").has("$.entryGradeLevelDescriptor"));
        assertEquals(RecordFailure.UNRESOLVED_REFERENCE, bad.get(8L).get("problemType").getAsString());
        assertTrue(bad.get(8L).getAsJsonObject("validationErrors").has("$.schoolReference"), bad.get(8L).toString());
    }

    @Test
    void validateReportsDuplicateNaturalKeys(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("students.jsonl");
        Files.writeString(f, """
                {"studentUniqueId":"D1","firstName":"A","lastSurname":"B","birthDate":"2010-01-01"}
                {"studentUniqueId":"d1","firstName":"C","lastSurname":"D","birthDate":"2010-01-02"}
                """);
        CliRunner r = CliRunner.run("validate", f.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("students.jsonl:2 Student") && r.out().contains("was given before, at " + f + ":1"), r.out());
    }

    @Test
    void validateResolvesReferencesOnTheTargetWhenGiven(@TempDir Path dir) throws IOException {
        try (EdFiClient c = EdFiClient.builder().baseUrl(sandbox.baseUrl()).credentials(sandbox.key(), sandbox.secret()).build()) {
            c.documents().post("schools", JsonParser.parseString("""
                    {"schoolId":255901107,"nameOfInstitution":"Target School","educationOrganizationCategories":
                     [{"educationOrganizationCategoryDescriptor":"uri://ed-fi.org/EducationOrganizationCategoryDescriptor#School"}],
                     "gradeLevels":[{"gradeLevelDescriptor":"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade"}]}""")
                    .getAsJsonObject());
        }
        Path f = dir.resolve("mixed.jsonl");
        Files.writeString(f, """
                {"_resource":"students","studentUniqueId":"V1","firstName":"A","lastSurname":"B","birthDate":"2010-01-01"}
                {"_resource":"studentSchoolAssociations","studentReference":{"studentUniqueId":"V1"},"schoolReference":{"schoolId":255901107},"entryDate":"2023-08-20","entryGradeLevelDescriptor":"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade"}
                """);
        CliRunner offline = CliRunner.run("validate", f.toString());
        assertEquals(0, offline.exitCode(), offline.out());
        assertTrue(offline.out().contains("1 references (1 distinct) unresolved offline")
                && offline.out().contains("schoolReference {\"schoolId\":255901107}: 1 reference, first at " + f + ":2"),
                offline.out());
        CliRunner strict = CliRunner.run("validate", f.toString(), "--references", "error");
        assertEquals(1, strict.exitCode(), strict.out());
        assertTrue(strict.out().contains("mixed.jsonl:2 StudentSchoolAssociation"), strict.out());
        CliRunner online = CliRunner.run(api("validate", f.toString()));
        assertEquals(0, online.exitCode(), online.out() + online.err());
    }

    @Test
    void csvWithItsMappingLoads(@TempDir Path dir) throws IOException {
        Path errors = dir.resolve("errors.jsonl");
        CliRunner r = CliRunner.run(api("load", "src/test/resources/load/csv", "--errors", errors.toString()));
        assertEquals(1, r.exitCode(), r.out() + r.err());
        Map<Long, JsonObject> bad = errorsByLine(errors);
        assertEquals(List.of(4L, 7L), List.copyOf(bad.keySet()), bad.toString());
        assertTrue(bad.get(4L).getAsJsonObject("validationErrors").has("$.birthDate"));
        try (EdFiClient c = EdFiClient.builder().baseUrl(sandbox.baseUrl()).credentials(sandbox.key(), sandbox.secret()).build()) {
            JsonObject grace = c.documents().query("students", Map.of("studentUniqueId", "C2")).toList().get(0);
            assertEquals("Hopper, Jr.", grace.get("lastSurname").getAsString());
            assertEquals("uri://ed-fi.org/CountryDescriptor#US", grace.get("birthCountryDescriptor").getAsString());
            assertEquals(1, c.documents().count("students", Map.of("studentUniqueId", "C4")));
        }
    }

    @Test
    void dryRunReadsAndCountsButSendsNothing(@TempDir Path dir) {
        CliRunner r = CliRunner.run("load", BAD.toString(), "--dry-run");
        assertEquals(1, r.exitCode(), r.out() + r.err()); // the unreadable lines fail even without a server
        String total = r.out().lines().filter(l -> l.startsWith("TOTAL")).findFirst().orElseThrow();
        assertEquals(List.of("TOTAL", "7", "0", "0", "3"), List.of(total.trim().split("\\s+")), r.out());
        assertTrue(r.out().contains("0 requests"), r.out());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRunner.run("load", BAD.toString()).exitCode()); // no target
        assertEquals(2, CliRunner.run(api("load", "no/such/file.jsonl")).exitCode());
        assertEquals(2, CliRunner.run("load", BAD.toString(), "--base-url", "http://127.0.0.1:1",
                "--credentials-file", credentials.toString()).exitCode()); // connection refused
    }
}
