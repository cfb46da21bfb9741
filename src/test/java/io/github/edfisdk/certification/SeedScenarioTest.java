package io.github.edfisdk.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.edfisdk.certification.build.ScenarioPayload;
import io.github.edfisdk.certification.catalog.Scenario;
import io.github.edfisdk.certification.catalog.ScenarioPage;
import io.github.edfisdk.ds4.resources.model.EdFiStudentCTEProgramAssociation;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The key acceptance case: the seed page (v4 StudentCTEProgramAssociation) built for school year 2025. */
class SeedScenarioTest {
    static final ScenarioContext CTX = ScenarioContext.builder().schoolYear(2025).build();
    static final Path SEED = Path.of(System.getProperty("edfi.shared.dir", "../shared"), "seeds/000_cb6244ae0a5fa198.txt");

    @Test
    void packagedPageScenarioOneIsThePostOfTheSeed() {
        ScenarioPayload p = CertificationScenarios.sisV4(CTX).page("StudentCTEProgramAssociation").scenario(1).payload();
        assertTrue(p.isComplete(), p.problems().toString());
        assertEquals(Scenario.Verb.POST, p.scenario().verb());
        assertScenarioOne(p.json());
    }

    static void assertScenarioOne(JsonObject j) {
        assertEquals("2024-08-23", j.get("beginDate").getAsString());
        assertEquals(255901, j.getAsJsonObject("educationOrganizationReference").get("educationOrganizationId").getAsInt());
        JsonObject program = j.getAsJsonObject("programReference");
        assertEquals("Career and Technical Education", program.get("programName").getAsString());
        assertEquals("uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education",
                program.get("programTypeDescriptor").getAsString());
        assertEquals(255901, program.get("educationOrganizationId").getAsInt());
        assertEquals("222222", j.getAsJsonObject("studentReference").get("studentUniqueId").getAsString());
        assertTrue(j.get("nonTraditionalGenderStatus").getAsBoolean());
        assertFalse(j.get("privateCTEProgram").getAsBoolean());
        assertEquals("uri://ed-fi.org/TechnicalSkillsAssessmentDescriptor#Passed",
                j.get("technicalSkillsAssessmentDescriptor").getAsString());
        JsonArray services = j.getAsJsonArray("cteProgramServices");
        assertEquals(1, services.size());
        JsonObject s = services.get(0).getAsJsonObject();
        assertTrue(s.get("cteProgramServiceDescriptor").getAsString().endsWith("Descriptor#Information Technology"),
                s.toString());
        assertEquals("11.0103", s.get("cipCode").getAsString());
        assertTrue(s.get("primaryIndicator").getAsBoolean());
        assertEquals("2024-08-23", s.get("serviceBeginDate").getAsString());
        assertEquals("2024-10-02", s.get("serviceEndDate").getAsString());
        assertFalse(j.has("endDate"));
    }

    @Test
    void seedFileParsesAsAUserTableAndScenarioTwoPutAddsEndDate() {
        PageScenarios seed = CertificationScenarios.sisV4(CTX).table(SEED);
        ScenarioPage page = seed.page();
        assertEquals("StudentCTEProgramAssociation", page.resource().name());
        assertEquals(2, page.scenarios().size());
        assertEquals(java.util.List.of("Ed-Org (pre-loaded)", "Program (pre-loaded)", "Student", "Student Enrollment"),
                page.prerequisites());
        assertScenarioOne(seed.scenario(1).payload().json());
        ScenarioPayload put = seed.scenario(2).payload();
        assertEquals(Scenario.Verb.PUT, put.scenario().verb());
        assertEquals(1, put.basedOn());
        JsonObject j = put.json();
        assertEquals("2024-10-02", j.get("endDate").getAsString());
        // the seed keeps primaryIndicator TRUE in scenario 2 (the current page changes it to FALSE)
        assertTrue(j.getAsJsonArray("cteProgramServices").get(0).getAsJsonObject().get("primaryIndicator").getAsBoolean());
        j.remove("endDate");
        assertEquals(seed.scenario(1).payload().json(), j);
    }

    @Test
    void currentPageScenarioTwoChangesPrimaryIndicatorToFalse() {
        JsonObject j = CertificationScenarios.sisV4(CTX).page("StudentCTEProgramAssociation").scenario(2).payload().json();
        assertEquals("2024-10-02", j.get("endDate").getAsString());
        assertFalse(j.getAsJsonArray("cteProgramServices").get(0).getAsJsonObject().get("primaryIndicator").getAsBoolean());
    }

    @Test
    void typedHelperGivesTheGeneratedModel() {
        EdFiStudentCTEProgramAssociation m = CertificationScenarios.sisV4(CTX).studentCTEProgramAssociation().scenario(1);
        assertEquals(LocalDate.of(2024, 8, 23), m.getBeginDate());
        assertEquals("222222", m.getStudentReference().getStudentUniqueId());
        assertEquals(Boolean.TRUE, m.getNonTraditionalGenderStatus());
        assertEquals("11.0103", m.getCteProgramServices().get(0).getCipCode());
        io.github.edfisdk.ds5.resources.model.EdFiStudentCTEProgramAssociation v5 =
                CertificationScenarios.sisV5(CTX).studentCTEProgramAssociation().scenario(1);
        assertEquals(LocalDate.of(2024, 8, 23), v5.getBeginDate());
    }

    @Test
    void aMissingTableFileNamesTheFile() {
        java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> CertificationScenarios.sisV4(CTX).table(Path.of("no-such-table.md")));
        assertTrue(e.getMessage().contains("no-such-table.md"), e.getMessage());
        IllegalArgumentException unknown = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CertificationScenarios.sisV4(CTX).page("NoSuchResource"));
        assertTrue(unknown.getMessage().contains("NoSuchResource") && unknown.getMessage().contains("sis-v4"));
        IllegalArgumentException noScenario = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CertificationScenarios.sisV4(CTX).page("StudentCTEProgramAssociation").scenario(3));
        assertTrue(noScenario.getMessage().contains("No scenario 3"), noScenario.getMessage());
    }

    @Test
    void identityQueryFindsTheItem() {
        ScenarioPayload p = CertificationScenarios.sisV4(CTX).page("StudentCTEProgramAssociation").scenario(2).payload();
        java.util.Map<String, String> q = p.identityQuery();
        assertEquals("2024-08-23", q.get("beginDate"));
        assertEquals("222222", q.get("studentUniqueId"));
        assertEquals("Career and Technical Education", q.get("programName"));
        assertEquals("uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education", q.get("programTypeDescriptor"));
        assertTrue(p.naturalKey().isComplete(), p.naturalKey().toString());
        assertEquals(p.naturalKey(), CertificationScenarios.sisV4(CTX).page("StudentCTEProgramAssociation").scenario(1)
                .payload().naturalKey());
    }

    @Test
    void payloadsCannotBeChangedThroughTheirJson() {
        ScenarioPayload p = CertificationScenarios.sisV4(CTX).page("StudentCTEProgramAssociation").scenario(1).payload();
        p.json().remove("beginDate");
        p.body().remove("beginDate");
        assertTrue(p.json().has("beginDate"));
    }

    @Test
    void namespaceAndSchoolYearAreConfigurable() {
        ScenarioContext ctx = ScenarioContext.builder().schoolYear(2027).descriptorNamespace("uri://state.edu/").build();
        JsonObject j = CertificationScenarios.sisV4(ctx).page("student-cte-program-association-scenarios.md")
                .scenario(1).payload().json();
        assertEquals("2026-08-23", j.get("beginDate").getAsString());
        assertEquals("uri://state.edu/TechnicalSkillsAssessmentDescriptor#Passed",
                j.get("technicalSkillsAssessmentDescriptor").getAsString());
    }
}
