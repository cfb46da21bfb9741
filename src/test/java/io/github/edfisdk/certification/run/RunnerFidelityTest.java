package io.github.edfisdk.certification.run;

import static io.github.edfisdk.certification.run.CertificationRunnerTest.SEND;
import static io.github.edfisdk.certification.run.CertificationRunnerTest.client;
import static io.github.edfisdk.certification.run.CertificationRunnerTest.sandbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.edfisdk.certification.build.PayloadProblem;
import io.github.edfisdk.certification.build.ScenarioBuilder;
import io.github.edfisdk.certification.build.ScenarioPayload;
import io.github.edfisdk.certification.catalog.ScenarioCatalog;
import io.github.edfisdk.certification.catalog.Suite;
import io.github.edfisdk.certification.check.CheckReport;
import io.github.edfisdk.certification.check.PropertyCheck;
import io.github.edfisdk.certification.check.ScenarioChecker;
import io.github.edfisdk.certification.check.Verdict;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.sandbox.EdFiSandbox;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What the ODS holds after a page runs in send mode: what a vendor following the page would have sent. */
class RunnerFidelityTest {
    static CertificationReport run(EdFiClient client, Suite suite, String... pages) {
        return CertificationRunner.builder().client(client).suite(suite).context(SEND).resources(List.of(pages))
                .build().run();
    }

    static void assertAllPassed(CertificationReport r) {
        assertTrue(r.results().stream().allMatch(x -> x.outcome() == Outcome.PASSED), r.results().toString());
    }

    static String code(JsonObject o, String descriptorProperty) {
        String uri = o.get(descriptorProperty).getAsString();
        return uri.substring(uri.indexOf('#') + 1);
    }

    @Test
    void eachPutActsOnlyOnTheItemOfTheScenarioItUpdates() {
        try (EdFiSandbox sb = sandbox(DataStandard.DS4); EdFiClient client = client(sb)) {
            CertificationReport r = run(client, Suite.SIS_V4, "StudentTitleIPartAProgramAssociation", "GradingPeriod");
            assertAllPassed(r);
            assertTrue(r.results().stream().noneMatch(x -> x.message().contains("deleted")), r.results().toString());

            Map<String, String> participant = new TreeMap<>();
            for (String student : List.of("111111", "222222")) {
                client.documents().query("/ed-fi/studentTitleIPartAProgramAssociations", Map.of("studentUniqueId",
                        student)).stream().forEach(j -> assertEquals(null, participant.put(student,
                        code(j, "titleIPartAParticipantDescriptor")), "one association per student"));
            }
            assertEquals(Map.of("111111", "Public Schoolwide Program", "222222", "Was not served"), participant);

            Map<String, String> gradingPeriods = new TreeMap<>();
            client.documents().query("/ed-fi/gradingPeriods", Map.of("beginDate", "2024-08-23")).stream().forEach(j ->
                    assertEquals(null, gradingPeriods.put(j.getAsJsonObject("schoolReference").get("schoolId")
                            .getAsString() + " " + code(j, "gradingPeriodDescriptor"), j.get("endDate").getAsString())));
            assertEquals(Map.of("255901107 First Six Weeks", "2024-10-05", "255901001 First Six Weeks", "2024-10-05"),
                    gradingPeriods, "scenarios 5 and 6 each updated their school's grading period");
        }
    }

    @Test
    void laterStepsOfAnEnrollmentFollowItsKeyChangeAndTheDeleteRemovesIt() {
        try (EdFiSandbox sb = sandbox(DataStandard.DS5); EdFiClient client = client(sb)) {
            CertificationReport r = run(client, Suite.SIS_V5, "StudentSchoolAssociation");
            assertAllPassed(r);
            ScenarioResult s5 = r.results().stream().filter(x -> x.scenario().number() == 5).findFirst().orElseThrow();
            assertTrue(s5.problems().stream().anyMatch(p -> p.kind() == PayloadProblem.Kind.CARRIED_KEY), s5.problems()
                    .toString());
            // Scenario 6 deleted the elementary student's one enrollment: none is left.
            assertEquals(0, client.documents().count("/ed-fi/studentSchoolAssociations",
                    Map.of("studentUniqueId", "111111", "schoolId", "255901107")));
            assertEquals(1, client.documents().count("/ed-fi/studentSchoolAssociations",
                    Map.of("studentUniqueId", "222222", "schoolId", "255901001")));
        }
    }

    @Test
    void removedPropertiesAreLeftOutAndCheckedAbsent() {
        try (EdFiSandbox sb = sandbox(DataStandard.DS4); EdFiClient client = client(sb)) {
            CertificationReport r = run(client, Suite.SIS_V4, "StaffEducationOrganizationAssignmentAssociation",
                    "StudentSchoolAssociation");
            assertAllPassed(r);
            ScenarioResult seoaa3 = r.results().stream().filter(x -> x.page().resourceName().startsWith("Staff")
                    && x.scenario().number() == 3).findFirst().orElseThrow();
            assertTrue(seoaa3.checks().checks().stream().anyMatch(c -> c.path().equals("endDate")
                    && c.verdict() == Verdict.PASS), seoaa3.checks().checks().toString());
            assertFalse(seoaa3.actual().has("endDate"), seoaa3.actual().toString());
            ScenarioResult ssa3 = r.results().stream().filter(x -> x.page().resourceName().startsWith("StudentSchool")
                    && x.scenario().number() == 3).findFirst().orElseThrow();
            assertFalse(ssa3.actual().has("exitWithdrawDate") || ssa3.actual().has("exitWithdrawTypeDescriptor"),
                    ssa3.actual().toString());

            // An item that still has a removed property fails, naming it.
            ScenarioPayload p = new ScenarioBuilder(ScenarioCatalog.of(Suite.SIS_V4)
                    .require("StaffEducationOrganizationAssignmentAssociation"), SEND).build(3);
            JsonObject stale = seoaa3.actual().deepCopy();
            stale.addProperty("endDate", "2025-01-03");
            CheckReport check = ScenarioChecker.check(p, stale);
            assertFalse(check.passed());
            PropertyCheck f = check.failures().get(0);
            assertEquals(Verdict.NOT_REMOVED, f.verdict());
            assertEquals("endDate", f.path());
            assertTrue(f.reason().contains("remove") && f.reason().contains("2025-01-03"), f.reason());
        }
    }

    @Test
    void noDescriptorValueIsInventedInTheEdFiNamespace() {
        try (EdFiSandbox sb = sandbox(DataStandard.DS5); EdFiClient client = client(sb)) {
            CertificationReport r = run(client, Suite.SIS_V5, "CalendarDate", "StudentEducationOrganizationAssociation");
            List<PrerequisiteAction> invented = r.results().stream().flatMap(x -> x.prerequisites().stream())
                    .filter(a -> a.resource().endsWith("Descriptor") && a.key().startsWith("uri://ed-fi.org")).toList();
            assertEquals(List.of(), invented);
            ScenarioResult cal3 = r.results().stream().filter(x -> x.page().resourceName().equals("CalendarDate")
                    && x.scenario().number() == 3).findFirst().orElseThrow();
            assertEquals(Outcome.PASSED, cal3.outcome(), cal3.toString());
            assertEquals(2, cal3.actual().getAsJsonArray("calendarEvents").size(), cal3.actual().toString());
            assertEquals(0, client.documents().count("/ed-fi/calendarEventDescriptors",
                    Map.of("codeValue", "Student late arrival")));

            // The StudentEducationOrganizationAssociation page gives values Ed-Fi does not define: a page defect,
            // reported with the line, not a failure.
            List<ScenarioResult> seoa = r.results().stream().filter(x -> x.page().resourceName()
                    .startsWith("StudentEd")).toList();
            assertEquals(4, seoa.size());
            assertTrue(seoa.stream().allMatch(x -> x.outcome() == Outcome.PAGE_DEFECT), seoa.toString());
            assertTrue(seoa.get(0).message().contains("'Black - African American' is not an Ed-Fi default"
                    + " RaceDescriptor value") && seoa.get(0).message().contains("line 72"), seoa.get(0).message());
            assertEquals(0, client.documents().count("/ed-fi/raceDescriptors", Map.of("codeValue",
                    "Black - African American")));
            // The rest of each step was sent and checked: the page defect is the only thing wrong.
            assertTrue(seoa.stream().allMatch(x -> x.message().startsWith("sent without what the table gets wrong")
                    && x.checks() != null && x.checks().passed()), seoa.toString());
            assertTrue(r.passed(), "page defects do not fail the run");
        }
    }

    @Test
    void anEdFiDefaultValueTheOdsLacksIsCreatedAsEdFiDefinesIt() {
        try (EdFiSandbox sb = sandbox(DataStandard.DS5); EdFiClient client = client(sb)) {
            String path = "/ed-fi/calendarEventDescriptors";
            JsonObject lateArrival = client.documents().query(path, Map.of("codeValue",
                    "Student late arrival/early dismissal")).stream().findFirst().orElseThrow();
            client.documents().delete(path, lateArrival.get("id").getAsString());
            CertificationReport r = run(client, Suite.SIS_V5, "CalendarDate");
            assertAllPassed(r);
            List<PrerequisiteAction> created = r.results().stream().flatMap(x -> x.prerequisites().stream())
                    .filter(a -> a.resource().equals("CalendarEventDescriptor")).toList();
            assertEquals(1, created.size(), created.toString());
            assertTrue(created.get(0).created() && created.get(0).source().equals("Ed-Fi default descriptor value"),
                    created.toString());
            JsonObject again = client.documents().query(path, Map.of("codeValue", "Student late arrival/early dismissal"))
                    .stream().findFirst().orElseThrow();
            assertEquals(lateArrival.get("shortDescription"), again.get("shortDescription"));
        }
    }

    @Test
    void v4BehaviorAssociationSendsTheParticipationCode() {
        try (EdFiSandbox sb = sandbox(DataStandard.DS4); EdFiClient client = client(sb)) {
            CertificationReport r = run(client, Suite.SIS_V4, "StudentDisciplineIncidentBehaviorAssociation");
            assertAllPassed(r);
            JsonObject s2 = r.results().get(1).actual();
            assertEquals("Perpetrator", code(s2.getAsJsonArray("disciplineIncidentParticipationCodes").get(0)
                    .getAsJsonObject(), "disciplineIncidentParticipationCodeDescriptor"));
            assertTrue(r.results().get(1).checks().checks().stream().anyMatch(c -> c.path().contains(
                    "disciplineIncidentParticipationCodeDescriptor") && c.verdict() == Verdict.PASS));
        }
    }

    @Test
    void v5SessionsAndGradesRunWithTheGradingPeriodNameOfTheSuitesOwnPage() {
        try (EdFiSandbox sb = sandbox(DataStandard.DS5); EdFiClient client = client(sb)) {
            CertificationReport r = run(client, Suite.SIS_V5, "Sessions", "Grade");
            assertAllPassed(r);
            assertEquals(9, r.results().size());
            assertTrue(r.results().stream().filter(x -> x.scenario().hasColumn()).allMatch(x -> x.problems().stream()
                    .anyMatch(p -> p.kind() == PayloadProblem.Kind.INFERRED_VALUE
                            && p.property().endsWith("gradingPeriodName"))), r.results().toString());
        }
    }

    @Test
    void withoutTheSdkAssigningValuesTheV5GradePagesGapIsAPageDefectDownToItsDelete() {
        try (EdFiSandbox sb = sandbox(DataStandard.DS5); EdFiClient client = client(sb)) {
            CertificationReport r = CertificationRunner.builder().client(client).suite(Suite.SIS_V5)
                    .context(SEND.toBuilder().generateSystemValues(false).build()).resources(List.of("Grade"))
                    .build().run();
            assertEquals(5, r.results().size());
            assertTrue(r.results().stream().allMatch(x -> x.outcome() == Outcome.PAGE_DEFECT), r.results().toString());
            assertTrue(r.results().get(0).message().contains("gradingPeriodName"), r.results().get(0).message());
            assertTrue(r.results().get(4).message().contains("did not create one (PAGE_DEFECT)"),
                    r.results().get(4).message());
            assertTrue(r.passed());
        }
    }

    @Test
    void pageDefectsAreTheirOwnVerdictAndDoNotFailTheRun() {
        try (EdFiSandbox sb = sandbox(DataStandard.DS4); EdFiClient client = client(sb)) {
            CertificationReport r = run(client, Suite.SIS_V4, "Mapping");
            assertEquals(4, r.results().size());
            assertTrue(r.results().stream().allMatch(x -> x.outcome() == Outcome.PAGE_DEFECT), r.results().toString());
            assertTrue(r.passed());
            assertTrue(r.summaryLine().contains("0 passed, 0 failed, 0 errors, 4 page defects, 0 not run"),
                    r.summaryLine());
        }
    }
}
