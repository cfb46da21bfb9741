package io.github.edfisdk.certification.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.certification.ScenarioContext;
import io.github.edfisdk.certification.catalog.Suite;
import io.github.edfisdk.certification.check.PropertyCheck;
import io.github.edfisdk.certification.check.Verdict;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.sandbox.EdFiSandbox;
import io.github.edfisdk.sandbox.Seed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The runner against embedded sandboxes, over HTTP. */
class CertificationRunnerTest {
    static final ScenarioContext SEND = ScenarioContext.builder().schoolYear(2025).acceptSuggestedSystemValues(true)
            .generateSystemValues(true).build();
    static final ScenarioContext VERIFY = ScenarioContext.builder().schoolYear(2025).build();
    static final Path SEED = Path.of(System.getProperty("edfi.shared.dir", "../shared"), "seeds/000_cb6244ae0a5fa198.txt");

    static EdFiSandbox sandbox(DataStandard ds) {
        return EdFiSandbox.builder().dataStandard(ds).seed(Seed.POPULATED).port(0).start();
    }

    static EdFiClient client(EdFiSandbox sb) {
        return EdFiClient.builder().baseUrl(sb.baseUrl()).credentials(sb.key(), sb.secret()).build();
    }

    static CertificationReport cte(EdFiClient client, RunMode mode, ScenarioContext ctx, Integer... scenarios) {
        return CertificationRunner.builder().client(client).suite(Suite.SIS_V4).context(ctx).mode(mode)
                .resources(List.of("StudentCTEProgramAssociation")).scenarios(List.of(scenarios)).build().run();
    }

    @Test
    void seedScenariosPassAndTheSandboxHoldsExactlyTheTablesValues() {
        try (EdFiSandbox sb = sandbox(DataStandard.DS4); EdFiClient client = client(sb)) {
            CertificationReport r = CertificationRunner.builder().client(client).suite(Suite.SIS_V4).context(SEND)
                    .table(SEED).build().run();
            assertEquals(2, r.results().size(), r.results().toString());
            assertTrue(r.passed(), r.results().toString());
            // The prerequisites the page lists: the student (from the Student page) and the enrollment.
            List<PrerequisiteAction> pre = r.results().get(0).prerequisites();
            assertTrue(pre.stream().anyMatch(a -> a.resource().equals("Student") && a.key().contains("222222")
                    && a.source().startsWith("Student scenario")), pre.toString());
            assertTrue(pre.stream().anyMatch(a -> a.resource().equals("StudentSchoolAssociation") && a.created()),
                    pre.toString());
            assertTrue(r.results().get(1).prerequisites().isEmpty(), "nothing is created twice");

            // The populated seed has Grand Bend's own 64 CTE associations: only student 222222's is the table's.
            List<JsonObject> items = client.documents().query("/ed-fi/studentCTEProgramAssociations",
                    Map.of("studentUniqueId", "222222")).stream().toList();
            assertEquals(1, items.size(), "the PUT updated the POSTed item");
            JsonObject j = items.get(0);
            assertEquals("2024-08-23", j.get("beginDate").getAsString());
            assertEquals("2024-10-02", j.get("endDate").getAsString());
            assertEquals(255901, j.getAsJsonObject("educationOrganizationReference").get("educationOrganizationId").getAsInt());
            JsonObject program = j.getAsJsonObject("programReference");
            assertEquals("Career and Technical Education", program.get("programName").getAsString());
            assertTrue(program.get("programTypeDescriptor").getAsString().endsWith("#Career and Technical Education"));
            assertEquals(255901, program.get("educationOrganizationId").getAsInt());
            assertEquals("222222", j.getAsJsonObject("studentReference").get("studentUniqueId").getAsString());
            assertTrue(j.get("nonTraditionalGenderStatus").getAsBoolean());
            assertFalse(j.get("privateCTEProgram").getAsBoolean());
            assertTrue(j.get("technicalSkillsAssessmentDescriptor").getAsString().endsWith("#Passed"));
            JsonArray services = j.getAsJsonArray("cteProgramServices");
            assertEquals(1, services.size());
            JsonObject s = services.get(0).getAsJsonObject();
            assertTrue(s.get("cteProgramServiceDescriptor").getAsString().endsWith("#Information Technology"));
            assertEquals("11.0103", s.get("cipCode").getAsString());
            assertTrue(s.get("primaryIndicator").getAsBoolean(), "the seed keeps primaryIndicator TRUE in scenario 2");
            assertEquals("2024-08-23", s.get("serviceBeginDate").getAsString());
            assertEquals("2024-10-02", s.get("serviceEndDate").getAsString());
        }
    }

    @Test
    void everyPageOfBothSuitesRunsAndOnlyPageDefectsCannotPass() {
        // The counts the README states (SIS certification, "Results on the embedded sandbox").
        Map<Suite, Map<Outcome, Integer>> expected = Map.of(
                Suite.SIS_V4, Map.of(Outcome.PASSED, 153, Outcome.PAGE_DEFECT, 8, Outcome.NOT_RUN, 0),
                Suite.SIS_V5, Map.of(Outcome.PASSED, 165, Outcome.PAGE_DEFECT, 8, Outcome.NOT_RUN, 0));
        for (Suite suite : Suite.values()) {
            try (EdFiSandbox sb = sandbox(suite.dataStandard()); EdFiClient client = client(sb)) {
                CertificationReport r = CertificationRunner.builder().client(client).suite(suite).context(SEND).build().run();
                long steps = io.github.edfisdk.certification.catalog.ScenarioCatalog.of(suite).pages().stream()
                        .mapToLong(p -> p.steps().size()).sum();
                assertEquals(steps, r.results().size(), "every step is accounted for");
                List<ScenarioResult> notPassed = r.results().stream().filter(x -> x.outcome() != Outcome.PASSED).toList();
                assertEquals(0, r.counts().get(Outcome.FAILED) + r.counts().get(Outcome.ERROR), notPassed.toString());
                for (Map.Entry<Outcome, Integer> e : expected.get(suite).entrySet()) {
                    assertEquals(e.getValue(), r.counts().get(e.getKey()), suite + " " + e.getKey() + ": "
                            + r.summaryLine());
                }
                assertTrue(r.passed(), "page defects do not fail the run");
                // The pages that cannot pass, and why (README: "What is not passed, and why").
                Map<String, Long> byPage = notPassed.stream().collect(Collectors.groupingBy(
                        x -> x.page().resourceName(), java.util.TreeMap::new, Collectors.counting()));
                assertEquals(Map.of("Mapping", 4L, "StudentEdOrgAssociation", 4L), byPage, notPassed.toString());
                assertTrue(notPassed.stream().filter(x -> x.page().resourceName().equals("StudentEdOrgAssociation"))
                        .allMatch(x -> x.message().contains("is not an Ed-Fi default StudentIdentificationSystemDescriptor"
                                + " value") && x.checks() != null && x.checks().passed()), notPassed.toString());
                // No value was invented in Ed-Fi's namespace.
                assertTrue(r.results().stream().flatMap(x -> x.prerequisites().stream()).noneMatch(a -> a.created()
                        && a.key().startsWith("uri://ed-fi.org")), "no uri://ed-fi.org value created");
            }
        }
    }

    @Test
    void verifyOnlyGivesTheSameVerdictsForDataAnotherProgramPosted() {
        CertificationReport sent;
        try (EdFiSandbox sb = sandbox(DataStandard.DS4); EdFiClient client = client(sb)) {
            sent = cte(client, RunMode.SEND, SEND);
        }
        try (EdFiSandbox sb = sandbox(DataStandard.DS4); EdFiClient client = client(sb)) {
            OtherProgram vendor = new OtherProgram(sb);
            // The vendor's product creates its own prerequisites and sends scenario 1, then the certifier checks.
            vendor.post("/ed-fi/students", "{\"studentUniqueId\":\"222222\",\"birthDate\":\"2008-05-01\","
                    + "\"firstName\":\"Jane\",\"lastSurname\":\"Doe\"}");
            JsonObject s1 = sent.results().get(0).sent();
            String location = vendor.post("/ed-fi/studentCTEProgramAssociations", s1.toString());
            CertificationReport v1 = cte(client, RunMode.VERIFY_ONLY, VERIFY, 1);
            assertEquals(1, v1.results().size());
            assertEquals(verdicts(sent.results().get(0)), verdicts(v1.results().get(0)));
            assertEquals(Outcome.PASSED, v1.results().get(0).outcome());
            // Nothing was written by the runner.
            assertTrue(v1.results().get(0).prerequisites().isEmpty());
            assertEquals(0, client.documents().count("/ed-fi/studentSchoolAssociations", Map.of()));

            // Before scenario 2 is sent, checking it fails: the page's scenario 2 sets primaryIndicator to false
            // (endDate is OPTIONAL, so its absence is not a failure).
            CertificationReport early = cte(client, RunMode.VERIFY_ONLY, VERIFY, 2);
            assertEquals(Outcome.FAILED, early.results().get(0).outcome());
            assertTrue(early.results().get(0).message().contains("cteProgramServices[0].primaryIndicator: expected"
                    + " 'false', actual true"), early.results().get(0).message());

            vendor.put(location, sent.results().get(1).sent().toString());
            CertificationReport v2 = cte(client, RunMode.VERIFY_ONLY, VERIFY, 2);
            assertEquals(verdicts(sent.results().get(1)), verdicts(v2.results().get(0)));

            // Without --scenario, scenario 1 is superseded by scenario 2 (the ODS holds only the latest state).
            CertificationReport all = cte(client, RunMode.VERIFY_ONLY, VERIFY);
            assertEquals(Outcome.NOT_RUN, all.results().get(0).outcome());
            assertTrue(all.results().get(0).message().contains("superseded by scenario 2"));
            assertEquals(Outcome.PASSED, all.results().get(1).outcome());
        }
    }

    @Test
    void tamperedItemsFailNamingThePropertyTheExpectedAndTheActualValue() {
        CertificationReport sent;
        try (EdFiSandbox sb = sandbox(DataStandard.DS4); EdFiClient client = client(sb)) {
            sent = cte(client, RunMode.SEND, SEND, 1);
        }
        JsonObject good = sent.results().get(0).sent();
        record Tamper(String name, java.util.function.Consumer<JsonObject> change, Verdict verdict, String path,
                      String expected, String actual) {
        }
        List<Tamper> cases = List.of(
                new Tamper("required property missing", j -> j.remove("privateCTEProgram"), Verdict.MISSING_REQUIRED,
                        "privateCTEProgram", "false", null),
                new Tamper("wrong value", j -> j.getAsJsonArray("cteProgramServices").get(0).getAsJsonObject()
                        .addProperty("cipCode", "11.0199"), Verdict.WRONG_VALUE, "cteProgramServices[0].cipCode",
                        "11.0103", "11.0199"),
                new Tamper("wrong descriptor", j -> j.addProperty("technicalSkillsAssessmentDescriptor",
                        "uri://ed-fi.org/TechnicalSkillsAssessmentDescriptor#Not Passed"), Verdict.WRONG_VALUE,
                        "technicalSkillsAssessmentDescriptor", "Passed",
                        "uri://ed-fi.org/TechnicalSkillsAssessmentDescriptor#Not Passed"));
        try (EdFiSandbox sb = sandbox(DataStandard.DS4); EdFiClient client = client(sb)) {
            OtherProgram vendor = new OtherProgram(sb);
            vendor.post("/ed-fi/students", "{\"studentUniqueId\":\"222222\",\"birthDate\":\"2008-05-01\","
                    + "\"firstName\":\"Jane\",\"lastSurname\":\"Doe\"}");
            for (Tamper t : cases) {
                JsonObject body = good.deepCopy();
                t.change().accept(body);
                // POST replaces the whole item with the same natural key
                vendor.post("/ed-fi/studentCTEProgramAssociations", body.toString(), 201, 200);
                ScenarioResult r = cte(client, RunMode.VERIFY_ONLY, VERIFY, 1).results().get(0);
                assertEquals(Outcome.FAILED, r.outcome(), t.name());
                assertNotNull(r.checks(), t.name());
                List<PropertyCheck> failures = r.checks().failures();
                assertEquals(1, failures.size(), t.name() + ": " + failures);
                PropertyCheck f = failures.get(0);
                assertEquals(t.verdict(), f.verdict(), t.name());
                assertEquals(t.path(), f.path(), t.name());
                assertEquals(t.expected(), f.expected(), t.name());
                assertEquals(t.actual(), f.actual(), t.name());
                assertTrue(f.reason().contains(t.path()) && f.reason().contains(t.expected()), f.reason());
                assertTrue(r.message().contains(t.path()), r.message());
            }
        }
    }

    @Test
    void aMissingItemFailsAndAScenarioThatCannotBeBuiltIsNotRunWithItsReason() {
        try (EdFiSandbox sb = sandbox(DataStandard.DS4); EdFiClient client = client(sb)) {
            ScenarioResult missing = cte(client, RunMode.VERIFY_ONLY, VERIFY, 1).results().get(0);
            assertEquals(Outcome.FAILED, missing.outcome());
            assertTrue(missing.message().contains("no item with the natural key"), missing.message());
            assertTrue(missing.message().contains("222222"), missing.message());

            // Without suggested or generated system values the Program page's programId cannot be built.
            CertificationReport program = CertificationRunner.builder().client(client).suite(Suite.SIS_V4)
                    .context(VERIFY).resources(List.of("Program")).build().run();
            ScenarioResult r = program.results().get(0);
            assertEquals(Outcome.NOT_RUN, r.outcome());
            assertTrue(r.message().contains("programId"), r.message());
            assertFalse(program.passed());
        }
    }

    @Test
    void aSuiteOfAnotherDataStandardIsRefused() {
        try (EdFiSandbox sb = sandbox(DataStandard.DS5); EdFiClient client = client(sb)) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> cte(client, RunMode.SEND, SEND));
            assertTrue(e.getMessage().contains("sis-v4 checks Data Standard 4.0"), e.getMessage());
        }
    }

    static Map<String, Verdict> verdicts(ScenarioResult r) {
        return r.checks().checks().stream().collect(Collectors.toMap(c -> c.path() + "#" + c.line(), PropertyCheck::verdict,
                (a, b) -> a, java.util.TreeMap::new));
    }

    /** A vendor's product: plain JDK HTTP, no SDK code. */
    static final class OtherProgram {
        private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        private final String data;
        private final String token;

        OtherProgram(EdFiSandbox sb) {
            this.data = sb.dataUrl().endsWith("/") ? sb.dataUrl().substring(0, sb.dataUrl().length() - 1) : sb.dataUrl();
            String basic = java.util.Base64.getEncoder().encodeToString((sb.key() + ":" + sb.secret()).getBytes());
            JsonObject t = JsonParser.parseString(send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(sb.tokenUrl())).header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")),
                    new int[] {200})
                    .body()).getAsJsonObject();
            this.token = t.get("access_token").getAsString();
        }

        String post(String path, String json, int... expected) {
            return send(request(java.net.URI.create(data + path)).POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(json)), expected.length == 0 ? new int[] {201}
                    : expected).headers().firstValue("Location").orElseThrow();
        }

        void put(String location, String json) {
            send(request(java.net.URI.create(location)).PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)),
                    new int[] {204});
        }

        private java.net.http.HttpRequest.Builder request(java.net.URI uri) {
            return java.net.http.HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json");
        }

        private java.net.http.HttpResponse<String> send(java.net.http.HttpRequest.Builder b, int[] expected) {
            try {
                java.net.http.HttpResponse<String> r = http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertTrue(java.util.Arrays.stream(expected).anyMatch(x -> x == r.statusCode()), r.statusCode() + " " + r.body());
                return r;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
