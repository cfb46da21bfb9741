package io.github.edfisdk.certification.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.certification.CertificationScenarios;
import io.github.edfisdk.certification.ScenarioContext;
import io.github.edfisdk.certification.ScenarioStep;
import io.github.edfisdk.certification.build.ScenarioPayload;
import org.junit.jupiter.api.Test;

class ScenarioCheckerTest {
    static final ScenarioContext CTX = ScenarioContext.builder().schoolYear(2025).build();

    static ScenarioStep cte(int n) {
        return CertificationScenarios.sisV4(CTX).page("StudentCTEProgramAssociation").scenario(n);
    }

    /** What an ODS returns: the payload plus id, _etag, _lastModifiedDate, another namespace. */
    static JsonObject readBack(JsonObject sent) {
        JsonObject o = JsonParser.parseString(sent.toString().replace("uri://ed-fi.org", "uri://state.edu")).getAsJsonObject();
        o.addProperty("id", "2f7c0c8e8f5b4c5aa4d1e0f0b1a2c3d4");
        o.addProperty("_etag", "5250168731208835753");
        o.addProperty("beginDate", o.get("beginDate").getAsString());
        return o;
    }

    @Test
    void theSameItemPasses() {
        JsonObject actual = readBack(cte(1).payload().json());
        // numbers and booleans by value, dates as dates, descriptors by code value in any namespace and case
        actual.getAsJsonObject("studentReference").addProperty("studentUniqueId", "222222");
        actual.addProperty("technicalSkillsAssessmentDescriptor", "uri://state.edu/TechnicalSkillsAssessmentDescriptor#PASSED");
        actual.getAsJsonArray("cteProgramServices").get(0).getAsJsonObject().addProperty("serviceBeginDate", "2024-08-23T00:00:00");
        CheckReport r = cte(1).check(actual);
        assertTrue(r.passed(), r.toString());
        assertEquals(Verdict.PASS, r.check("technicalSkillsAssessmentDescriptor").orElseThrow().verdict());
        assertEquals(Verdict.PASS, r.check("cteProgramServices[0].cipCode").orElseThrow().verdict());
        // an OPTIONAL row with no value in the table is NOT_CHECKED
        assertEquals(Verdict.NOT_CHECKED, r.check("reasonExitedDescriptor").orElseThrow().verdict());
        assertEquals(Verdict.NOT_CHECKED, r.check("endDate").orElseThrow().verdict());
    }

    @Test
    void missingRequiredPropertyFailsNamingIt() {
        JsonObject actual = readBack(cte(1).payload().json());
        actual.remove("nonTraditionalGenderStatus");
        CheckReport r = cte(1).check(actual);
        assertFalse(r.passed());
        PropertyCheck c = r.check("nonTraditionalGenderStatus").orElseThrow();
        assertEquals(Verdict.MISSING_REQUIRED, c.verdict());
        assertEquals("true", c.expected());
        assertEquals(null, c.actual());
        assertTrue(c.reason().contains("nonTraditionalGenderStatus") && c.reason().contains("expected 'true'")
                && c.reason().contains("missing"), c.reason());
        assertEquals(1, r.failures().size(), r.toString());
    }

    @Test
    void wrongValueFailsNamingExpectedAndActual() {
        JsonObject actual = readBack(cte(1).payload().json());
        actual.addProperty("beginDate", "2024-08-24");
        actual.getAsJsonObject("programReference").addProperty("educationOrganizationId", 255902);
        CheckReport r = cte(1).check(actual);
        PropertyCheck begin = r.check("beginDate").orElseThrow();
        assertEquals(Verdict.WRONG_VALUE, begin.verdict());
        assertTrue(begin.reason().contains("expected '2024-08-23'") && begin.reason().contains("2024-08-24"), begin.reason());
        assertEquals(Verdict.WRONG_VALUE, r.check("programReference.educationOrganizationId").orElseThrow().verdict());
        assertEquals(2, r.failures().size(), r.toString());
    }

    @Test
    void wrongDescriptorFails() {
        JsonObject actual = readBack(cte(1).payload().json());
        actual.addProperty("technicalSkillsAssessmentDescriptor", "uri://ed-fi.org/TechnicalSkillsAssessmentDescriptor#Failed");
        CheckReport r = cte(1).check(actual);
        PropertyCheck c = r.check("technicalSkillsAssessmentDescriptor").orElseThrow();
        assertEquals(Verdict.WRONG_VALUE, c.verdict());
        assertTrue(c.reason().contains("code value 'Passed'") && c.reason().contains("#Failed"), c.reason());
    }

    @Test
    void collectionItemsAreMatchedByIdentity() {
        JsonObject sent = cte(1).payload().json();
        JsonObject actual = readBack(sent);
        JsonArray services = actual.getAsJsonArray("cteProgramServices");
        JsonObject other = new JsonObject();
        other.addProperty("cteProgramServiceDescriptor", "uri://ed-fi.org/CTEProgramServiceDescriptor#Agriculture");
        other.addProperty("cipCode", "01.0000");
        JsonObject original = services.get(0).getAsJsonObject();
        services.set(0, other); // order differs and an extra item is present
        services.add(original);
        original.addProperty("primaryIndicator", false);
        CheckReport r = cte(1).check(actual);
        assertEquals(Verdict.WRONG_VALUE, r.check("cteProgramServices[0].primaryIndicator").orElseThrow().verdict());
        assertEquals(Verdict.PASS, r.check("cteProgramServices[0].cipCode").orElseThrow().verdict());
        PropertyCheck extra = r.checks().stream().filter(c -> c.verdict() == Verdict.UNEXPECTED).findFirst().orElseThrow();
        assertTrue(extra.reason().contains("Agriculture"), extra.reason());
        assertEquals(2, r.failures().size(), r.toString());
    }

    @Test
    void aMissingCollectionItemReportsItsValues() {
        JsonObject actual = readBack(cte(1).payload().json());
        actual.getAsJsonArray("cteProgramServices").get(0).getAsJsonObject()
                .addProperty("cteProgramServiceDescriptor", "uri://ed-fi.org/CTEProgramServiceDescriptor#Agriculture");
        CheckReport r = cte(1).check(actual);
        PropertyCheck c = r.check("cteProgramServices[0].cipCode").orElseThrow();
        assertEquals(Verdict.MISSING_REQUIRED, c.verdict());
        assertTrue(c.reason().contains("Information Technology"), c.reason());
    }

    @Test
    void putScenarioExpectsTheChange() {
        JsonObject afterPost = readBack(cte(1).payload().json());
        CheckReport stale = cte(2).check(afterPost);
        assertFalse(stale.passed());
        assertTrue(stale.failures().stream().anyMatch(f -> f.path().equals("endDate") || f.path().endsWith("primaryIndicator")),
                stale.toString());
        CheckReport fresh = cte(2).check(readBack(cte(2).payload().json()));
        assertTrue(fresh.passed(), fresh.toString());
    }

    @Test
    void conditionalAndSystemValues() {
        ScenarioContext accept = CTX.toBuilder().acceptSuggestedSystemValues(true).build();
        ScenarioPayload staff = CertificationScenarios.sisV5(CTX).page("Staff").scenario(1).payload();
        JsonObject actual = CertificationScenarios.sisV5(accept).page("Staff").scenario(1).payload().json();
        actual.addProperty("staffUniqueId", "S-998"); // the system assigned its own id
        actual.remove("birthDate");                    // CONDITIONAL
        CheckReport r = ScenarioChecker.check(staff, actual);
        assertEquals(Verdict.PASS, r.check("staffUniqueId").orElseThrow().verdict());
        PropertyCheck birth = r.check("birthDate").orElseThrow();
        assertEquals(Verdict.NOT_CHECKED, birth.verdict());
        assertTrue(birth.reason().contains("CONDITIONAL"), birth.reason());
        assertTrue(r.passed(), r.toString());
        actual.remove("staffUniqueId");
        assertEquals(Verdict.MISSING_REQUIRED, ScenarioChecker.check(staff, actual).check("staffUniqueId").orElseThrow().verdict());
    }
}
