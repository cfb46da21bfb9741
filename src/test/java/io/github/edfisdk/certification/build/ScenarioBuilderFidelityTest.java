package io.github.edfisdk.certification.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.edfisdk.certification.ScenarioContext;
import io.github.edfisdk.certification.catalog.ScenarioCatalog;
import io.github.edfisdk.certification.catalog.Suite;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Payloads of the pages where a vendor would send something else than a literal reading of the columns. */
class ScenarioBuilderFidelityTest {
    static final ScenarioContext SEND = ScenarioContext.builder().schoolYear(2025).acceptSuggestedSystemValues(true)
            .generateSystemValues(true).build();

    static ScenarioBuilder builder(Suite suite, String page) {
        return new ScenarioBuilder(ScenarioCatalog.of(suite).require(page), SEND);
    }

    @Test
    void aPutUpdatesTheItemWithItsOwnKeyNotTheLatestWithMostValuesInCommon() {
        for (Suite suite : Suite.values()) {
            ScenarioBuilder titleI = builder(suite, "StudentTitleIPartAProgramAssociation");
            // Scenario 3 (student 111111) shares its descriptor value with scenario 2 (student 222222) but its key
            // with scenario 1.
            assertEquals(1, titleI.build(3).basedOn(), suite + " TitleIPartA 3");
            assertEquals(2, titleI.build(4).basedOn(), suite + " TitleIPartA 4");
            ScenarioBuilder gp = builder(suite, "GradingPeriod");
            assertEquals(1, gp.build(5).basedOn(), suite + " GradingPeriod 5");
            assertEquals(3, gp.build(6).basedOn(), suite + " GradingPeriod 6 (high school, not scenario 5)");
        }
    }

    @Test
    void aKeyChangeIsCarriedForwardToLaterStepsOfTheSameRecord() {
        for (Suite suite : Suite.values()) {
            ScenarioBuilder ssa = builder(suite, "StudentSchoolAssociation");
            ScenarioPayload s3 = ssa.build(3);
            assertEquals("2024-09-01", s3.json().get("entryDate").getAsString());
            ScenarioPayload s5 = ssa.build(5);
            // The page repeats scenario 1's entryDate, but scenario 3 moved the enrollment to 09/01: the vendor
            // updates that enrollment.
            assertEquals(3, s5.basedOn(), suite + ": the latest step of the elementary student's enrollment");
            assertEquals("2024-09-01", s5.json().get("entryDate").getAsString(), suite.toString());
            assertEquals("2024-11-01", s5.json().get("exitWithdrawDate").getAsString(), suite.toString());
            assertTrue(s5.problems().stream().anyMatch(p -> p.kind() == PayloadProblem.Kind.CARRIED_KEY
                    && p.property().equals("entryDate") && p.message().contains("scenario 3")), s5.problems().toString());
        }
    }

    @Test
    void removeInstructionsOfTheDescriptionLeaveThePropertyOut() {
        for (Suite suite : Suite.values()) {
            ScenarioPayload ssa = builder(suite, "StudentSchoolAssociation").build(3);
            assertFalse(ssa.json().has("exitWithdrawDate"), suite + " " + ssa.json());
            assertFalse(ssa.json().has("exitWithdrawTypeDescriptor"), suite + " " + ssa.json());
            assertEquals(List.of("exitWithdrawDate", "exitWithdrawTypeDescriptor"), ssa.removed(), suite.toString());

            ScenarioPayload seoaa = builder(suite, "StaffEducationOrganizationAssignmentAssociation").build(3);
            assertFalse(seoaa.json().has("endDate"), suite + " " + seoaa.json());
            assertEquals(List.of("endDate"), seoaa.removed());
            assertEquals("2nd Grade teacher", seoaa.json().get("positionTitle").getAsString());
        }
    }

    @Test
    void aDescriptorCellSplitInsideAValueIsReadAsTheDefaultValuesItNames() {
        for (Suite suite : Suite.values()) {
            ScenarioPayload p = builder(suite, "CalendarDate").build(3);
            JsonArray events = p.json().getAsJsonArray("calendarEvents");
            List<String> codes = new java.util.ArrayList<>();
            events.forEach(e -> codes.add(e.getAsJsonObject().get("calendarEventDescriptor").getAsString()));
            assertEquals(List.of("uri://ed-fi.org/CalendarEventDescriptor#Instructional day",
                    "uri://ed-fi.org/CalendarEventDescriptor#Student late arrival/early dismissal"), codes, suite.toString());
            assertTrue(p.problems().stream().anyMatch(x -> x.kind() == PayloadProblem.Kind.TABLE_QUIRK
                    && x.line() == 33 && !x.blocking()), p.problems().toString());
        }
    }

    @Test
    void aDescriptorValueNotInTheDefaultSetIsATableProblemNeverSent() {
        ScenarioPayload p = builder(Suite.SIS_V4, "StudentEducationOrganizationAssociation").build(1);
        PayloadProblem race = p.problems().stream().filter(x -> x.kind() == PayloadProblem.Kind.NOT_A_DEFAULT_DESCRIPTOR
                && x.message().contains("Black - African American")).findFirst().orElseThrow(() ->
                new AssertionError(p.problems().toString()));
        assertEquals(127, race.line());
        assertTrue(race.message().contains("RaceDescriptor") && race.message().contains("Black or African American"),
                race.message());
        assertFalse(p.json().toString().contains("Black - African American"), p.json().toString());
        assertFalse(p.isComplete(), "a REQUIRED row's value cannot be sent as the table gives it");
        assertTrue(p.isPageDefect(), p.problems().toString());
    }

    @Test
    void v4BehaviorParticipationCodeGoesUnderTheDataStandardsField() {
        ScenarioPayload p = builder(Suite.SIS_V4, "StudentDisciplineIncidentBehaviorAssociation").build(1);
        JsonArray codes = p.json().getAsJsonArray("disciplineIncidentParticipationCodes");
        assertEquals(1, codes == null ? 0 : codes.size(), p.json().toString());
        assertEquals("uri://ed-fi.org/DisciplineIncidentParticipationCodeDescriptor#Perpetrator",
                codes.get(0).getAsJsonObject().get("disciplineIncidentParticipationCodeDescriptor").getAsString());
        assertTrue(p.problems().stream().noneMatch(x -> x.property().contains("studentParticipationCode")),
                p.problems().toString());
    }

    @Test
    void v5GradingPeriodNameIsTakenFromTheSuitesGradingPeriodsPageInSendMode() {
        ScenarioPayload session = builder(Suite.SIS_V5, "Sessions").build(1);
        assertTrue(session.isComplete(), session.problems().toString());
        JsonArray gps = session.json().getAsJsonArray("gradingPeriods");
        List<String> names = new java.util.ArrayList<>();
        gps.forEach(g -> names.add(g.getAsJsonObject().getAsJsonObject("gradingPeriodReference")
                .get("gradingPeriodName").getAsString()));
        assertEquals(List.of("First Six Weeks", "Second Six Weeks"), names);
        assertTrue(session.problems().stream().anyMatch(x -> x.kind() == PayloadProblem.Kind.INFERRED_VALUE
                && x.message().contains("Grading Periods scenario")), session.problems().toString());

        ScenarioPayload grade = builder(Suite.SIS_V5, "Grade").build(2);
        assertTrue(grade.isComplete(), grade.problems().toString());
        assertEquals("First Six Weeks", grade.json().getAsJsonObject("gradingPeriodReference")
                .get("gradingPeriodName").getAsString());

        // Checking what a product sent (no system values of the SDK's): the table's gap stays a gap.
        ScenarioPayload verify = new ScenarioBuilder(ScenarioCatalog.of(Suite.SIS_V5).require("Grade"),
                ScenarioContext.builder().schoolYear(2025).build()).build(2);
        assertFalse(verify.isComplete());
        assertTrue(verify.problems().stream().map(PayloadProblem::property).collect(Collectors.joining())
                .contains("gradingPeriodName"));
    }
}
