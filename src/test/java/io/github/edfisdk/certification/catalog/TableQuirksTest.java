package io.github.edfisdk.certification.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.certification.CertificationScenarios;
import io.github.edfisdk.certification.ScenarioContext;
import io.github.edfisdk.certification.build.ExpectedEntry;
import io.github.edfisdk.certification.build.PayloadProblem;
import io.github.edfisdk.certification.build.ScenarioPayload;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.Property;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per quirk of TABLE-FORMAT-NOTES.md, on the real pages. */
class TableQuirksTest {
    static final ScenarioContext CTX = ScenarioContext.builder().schoolYear(2025).today(LocalDate.of(2024, 9, 3)).build();

    static ScenarioPage v4(String name) {
        return ScenarioCatalog.of(Suite.SIS_V4).require(name);
    }

    static ScenarioPage v5(String name) {
        return ScenarioCatalog.of(Suite.SIS_V5).require(name);
    }

    static TableRow row(ScenarioPage p, String container, String property, int occurrence) {
        return p.rows().stream().filter(r -> r.container().equals(container) && r.propertyName().equals(property)
                && r.occurrence() == occurrence).findFirst().orElseThrow(() -> new AssertionError(container + "|" + property));
    }

    static ExpectedValue value(ScenarioPage p, String container, String property, int scenario) {
        TableRow r = row(p, container, property, 0);
        Cell c = r.cell(p.scenario(scenario).column());
        return ValueResolver.resolve(c.parts().get(0), r.resolution().property(), r.resolution().path().toString(), CTX);
    }

    @Test
    void requiredHeaderSpellings() {
        assertEquals("Required / Optional", v4("StudentCTEProgramAssociation").columns().get(4));
        assertEquals("Required", v4("Calendar").columns().get(4));
        assertEquals("REQUIRED", v5("Staff").columns().get(4));
        assertEquals(RequiredLevel.REQUIRED, row(v5("Staff"), "Staffs", "firstName", 0).required());
    }

    @Test
    void scenarioHeaderForms() {
        ScenarioPage staff = v5("Staff");   // POST 1 | POST 2 | PUT 1 | PUT 2
        assertEquals(List.of(Scenario.Verb.POST, Scenario.Verb.POST, Scenario.Verb.PUT, Scenario.Verb.PUT),
                staff.scenarios().stream().map(Scenario::verb).toList());
        assertEquals(List.of(1, 2, 3, 4), staff.scenarios().stream().map(Scenario::number).toList());
        ScenarioPage grading = v4("GradingPeriod");
        assertEquals(6, grading.scenarios().size());
        ScenarioPage ssa = v5("StudentSchoolAssociation");  // "Scenario 4: PUT" twice
        assertEquals(5, ssa.scenarios().size());
        assertEquals(Scenario.Verb.PUT, ssa.scenario(5).verb());
        assertTrue(ssa.scenario(5).description().startsWith("Update the exitWithdrawDate"), ssa.scenario(5).description());
        assertTrue(ssa.problems().stream().anyMatch(x -> x.contains("read as Scenario 5")));
        for (Suite s : Suite.values()) {
            for (ScenarioPage p : ScenarioCatalog.of(s).pages()) {
                for (Scenario sc : p.scenarios()) {
                    assertTrue(sc.header().toUpperCase().contains(sc.verb().name())
                            || sc.header().toUpperCase().contains("POST/PUT"), p.source() + " " + sc);
                }
            }
        }
    }

    @Test
    void deleteStepsComeFromTheNumberedList() {
        ScenarioPage program = v4("Program");
        assertEquals(1, program.scenarios().size());
        assertEquals(1, program.deleteSteps().size());
        assertEquals(2, program.deleteSteps().get(0).number());
        assertEquals(Scenario.Verb.DELETE, program.step(2).orElseThrow().verb());
        assertEquals(6, v4("StudentSchoolAssociation").deleteSteps().get(0).number());
        assertEquals(1, program.deleteTarget(program.deleteSteps().get(0)).orElseThrow().number());
        int deletes = 0;
        for (Suite s : Suite.values()) {
            for (ScenarioPage p : ScenarioCatalog.of(s).pages()) {
                for (Scenario d : p.deleteSteps()) {
                    deletes++;
                    assertTrue(p.deleteTarget(d).isPresent(), p.source() + " " + d);
                }
            }
        }
        assertEquals(24, deletes); // TABLE-FORMAT-NOTES: DELETE steps on 24 pages
    }

    @Test
    void brListsAreCollectionItemsAndBoldMarksChanges() {
        ScenarioPage calendar = v4("Calendar");
        TableRow grades = row(calendar, "calendarGradeLevels", "gradeLevelDescriptor", 0);
        Cell c = grades.cell(calendar.scenario(4).column());
        assertEquals(List.of("Ninth grade", "Tenth grade"), c.parts());
        assertTrue(c.changed());
        ScenarioPayload p = CertificationScenarios.sisV4(CTX).page("Calendar").scenario(4).payload();
        assertEquals(2, p.json().getAsJsonArray("gradeLevels").size());
        assertEquals("uri://ed-fi.org/GradeLevelDescriptor#Tenth grade",
                p.json().getAsJsonArray("gradeLevels").get(1).getAsJsonObject().get("gradeLevelDescriptor").getAsString());
        // partly bold: [Current School Year]-**06-01**
        assertEquals(new ExpectedValue.Date(LocalDate.of(2025, 6, 1)),
                value(v5("StaffSectionAssociation"), "StaffSectionAssociations", "endDate", 4));
    }

    @Test
    void repeatedRowsAreItemsOfOneCollection() {
        ScenarioPayload s1 = CertificationScenarios.sisV5(CTX).page("School").scenario(1).payload();
        ScenarioPayload s2 = CertificationScenarios.sisV5(CTX).page("School").scenario(2).payload();
        assertEquals(4, s1.json().getAsJsonArray("gradeLevels").size());
        assertEquals(3, s2.json().getAsJsonArray("gradeLevels").size()); // the 4th row is empty in scenario 2
        ScenarioPayload bell = CertificationScenarios.sisV4(CTX).page("BellSchedule").scenario(3).payload();
        assertEquals(2, bell.json().getAsJsonArray("classPeriods").size());
        assertEquals("Class Period 2", bell.json().getAsJsonArray("classPeriods").get(1).getAsJsonObject()
                .getAsJsonObject("classPeriodReference").get("classPeriodName").getAsString());
    }

    @Test
    void schoolYearPlaceholdersInEverySpelling() {
        assertEquals(new ExpectedValue.Date(LocalDate.of(2024, 8, 23)),
                value(v4("StudentCTEProgramAssociation"), "StudentCTEProgramAssociations", "beginDate", 1));
        // escaped \[Current School Year\]
        assertEquals(new ExpectedValue.Date(LocalDate.of(2024, 9, 14)),
                value(v4("StaffCohortAssociation"), "StaffCohortAssociations", "beginDate", 1));
        // broken 9/14//\[Current School Year\]
        assertEquals(new ExpectedValue.Date(LocalDate.of(2024, 9, 14)),
                value(v4("StaffCohortAssociation"), "StaffCohortAssociations", "beginDate", 4));
        // broken 9/30/<br/>[Current School Year]
        assertEquals(new ExpectedValue.Date(LocalDate.of(2024, 9, 30)),
                value(v4("DisciplineAction"), "DisciplineActions", "disciplineDate", 1));
        // broken 09/01/  [Current School Year]
        assertEquals(new ExpectedValue.Date(LocalDate.of(2024, 9, 1)),
                value(v4("StudentSectionAssociation"), "StudentSectionAssociations", "beginDate", 1));
        // [Current School Year]-08-23 and a school year number
        assertEquals(new ExpectedValue.Date(LocalDate.of(2024, 8, 23)),
                value(v4("Sessions"), "Sessions", "beginDate", 1));
        assertEquals(new ExpectedValue.Number(BigDecimal.valueOf(2025)),
                value(v4("Sessions"), "schoolYearTypeReference", "schoolYear", 1));
        // spring months fall in the school year's second calendar year
        assertEquals(new ExpectedValue.Date(LocalDate.of(2025, 5, 23)),
                value(v5("StudentCTEProgramAssociation"), "StudentCTEProgramAssociations", "endDate", 1));
        // [School year five years ago]
        assertEquals(new ExpectedValue.Number(BigDecimal.valueOf(2020)),
                value(v4("StudentAcademicRecord"), "StudentAcademicRecords", "schoolYear", 1));
        // 12/16 with no year
        assertEquals(new ExpectedValue.Date(LocalDate.of(2024, 12, 16)), value(v4("Grade"), "Grades", "CurrentGradeAsOfDate", 1));
        // "Current Date"
        assertEquals(new ExpectedValue.Date(LocalDate.of(2024, 9, 3)),
                value(v4("StudentSchoolFoodServiceProgramAssociation"), "studentSchoolFoodServiceProgramAssociations", "beginDate", 1));
    }

    @Test
    void unescapedPipeInsidePlaceholderIsOneCell() {
        ScenarioPage grade = v4("Grade");
        TableRow r = row(grade, "studentSectionAssociationReference", "localCourseCode", 0);
        assertEquals(List.of("[\"ELA-01\" if possible | system value]"), r.cell(0).parts());
        assertEquals("B", row(grade, "Grades", "letterGradeEarned", 0).cell(0).parts().get(0));
        ExpectedValue v = value(grade, "studentSectionAssociationReference", "localCourseCode", 1);
        assertEquals(new ExpectedValue.NeedsSystemValue("[\"ELA-01\" if possible | system value]", "ELA-01"), v);
        // the same value split by <br/><br/> on the v5 page
        assertEquals(new ExpectedValue.NeedsSystemValue("[\"ELA-01\" if possible | system value]", "ELA-01"),
                value(v5("Grade"), "studentSectionAssociationReference", "localCourseCode", 3));
    }

    @Test
    void systemValuesComeFromTheContextOrAreReported() {
        ScenarioPayload missing = CertificationScenarios.sisV5(CTX).page("Staff").scenario(1).payload();
        assertTrue(missing.problems().stream().anyMatch(p -> p.kind() == PayloadProblem.Kind.NEEDS_SYSTEM_VALUE
                && p.property().contains("staffUniqueId") && p.blocking()), missing.problems().toString());
        assertTrue(!missing.json().has("staffUniqueId"));
        ScenarioContext given = CTX.toBuilder().systemValue("207220", "S-1").build();
        assertEquals("S-1", CertificationScenarios.sisV5(given).page("Staff").scenario(1).payload().json()
                .get("staffUniqueId").getAsString());
        ScenarioContext byPath = CTX.toBuilder().systemValue("[System Value]", "GENERIC")
                .systemValue("courseReference.courseCode", "ALG-2").build();
        assertEquals("ALG-2", CertificationScenarios.sisV5(byPath).page("CourseTranscript").scenario(3).payload().json()
                .getAsJsonObject("courseReference").get("courseCode").getAsString());
        ScenarioContext accept = CTX.toBuilder().acceptSuggestedSystemValues(true).build();
        ScenarioPayload p = CertificationScenarios.sisV5(accept).page("Staff").scenario(1).payload();
        assertEquals("207220", p.json().get("staffUniqueId").getAsString());
        assertTrue(p.isComplete(), p.problems().toString());
    }

    @Test
    void descriptorsEmailsAndBooleans() {
        ScenarioPayload p = CertificationScenarios.sisV5(CTX.toBuilder().acceptSuggestedSystemValues(true).build())
                .page("Staff").scenario(1).payload();
        assertEquals("johnloyo@edficert.org", p.json().getAsJsonArray("electronicMails").get(0).getAsJsonObject()
                .get("electronicMailAddress").getAsString()); // backticks removed
        assertEquals("uri://ed-fi.org/SexDescriptor#Male", p.json().get("sexDescriptor").getAsString()); // sexType, typed integer
        assertTrue(p.json().get("hispanicLatinoEthnicity").getAsBoolean());
        assertEquals(new ExpectedValue.Text("Austin@edficert.org"), value(v4("StudentEdOrgAssociation"),
                "studentEducationOrganizationAssociationsElectronicMails", "electronicMailAddress", 1)); // mailto link
        // BellSchedule alternateDayName is typed boolean in the spec but holds A/B
        ExpectedValue ab = value(v4("BellSchedule"), "BellSchedule", "alternateDayName", 1);
        assertTrue(ab instanceof ExpectedValue.Unresolved || ab.equals(new ExpectedValue.Text("A")), ab.toString());
    }

    @Test
    void propertyNameRules() {
        TableRow flattened = row(v4("StudentCTEProgramAssociation"), "StudentCTEProgramAssociations", "educationOrganizationId", 0);
        assertEquals("educationOrganizationReference.educationOrganizationId", flattened.resolution().path().toString());
        assertTrue(flattened.resolution().rule().contains("flattened reference key"));
        TableRow misspelled = row(v4("Calendar"), "Calendars", "schooYearTypeReference", 0);
        assertEquals("schoolYearTypeReference", misspelled.resolution().path().toString());
        assertTrue(misspelled.resolution().rule().startsWith("spelling"));
        assertEquals("schoolYearTypeReference.schoolYear",
                row(v4("Calendar"), "schoolYearTypeReference", "schoolYear", 0).resolution().path().toString());
        assertEquals("gradeLevels", row(v4("Calendar"), "Calendars", "gradelevels", 0).resolution().path().toString());
        assertEquals("addresses.city", row(v5("School"), "educationOrganizationAddresses", "city", 0).resolution().path().toString());
        assertEquals("gradeLevels.gradeLevelDescriptor",
                row(v5("School"), "schoolGradeLevels", "gradeLevelDescriptor", 0).resolution().path().toString());
        assertEquals("classPeriods.classPeriodReference.classPeriodName",
                row(v4("BellSchedule"), "classPeriodReference", "classPeriodName", 2).resolution().path().toString());
        assertEquals("sexDescriptor", row(v5("Staff"), "Staffs", "sexType", 0).resolution().path().toString());
        assertEquals("calendarReference.calendarCode",
                row(v4("StudentSchoolAssociation"), "Calendars", "calendarCode", 0).resolution().path().toString());
        assertEquals("identificationCodes", row(v4("Course"), "Courses", "courseIdentificationCodes", 0).resolution().path().toString());
        assertEquals("value", row(v4("Mapping"), "DescriptorMapping", "Value", 0).resolution().path().toString());
        TableRow behavior = row(v4("StudentDisciplineIncidentBehaviorAssociation"),
                "studentDisciplineIncidentAssociationBehaviors", "behaviorDescriptor", 0);
        assertEquals("behaviorDescriptor", behavior.resolution().path().toString());
        assertTrue(behavior.resolution().rule().contains("found on the resource"), behavior.resolution().rule());
        // a property the Data Standard does not have is reported with the row's line
        ScenarioPage v5Grade = v5("Grade");
        TableRow periodSequence = row(v5Grade, "gradingPeriodReference", "periodSequence", 0);
        assertTrue(!periodSequence.resolution().isResolved());
        assertTrue(v5Grade.problems().stream().anyMatch(x -> x.contains(":" + periodSequence.line() + ": ")
                && x.contains("periodSequence")));
    }

    @Test
    void aUserTableWithUnknownNamesIsReportedNotGuessed() {
        String page = "# v4 Student Program > StudentCTEProgramAssociation Scenarios\n\n## Scenarios\n\n1. Create\n\n"
                + "| Resource | Property Name | Is Collection | Data Type | Required | Scenario 1: POST |\n"
                + "| --- | --- | --- | --- | --- | --- |\n"
                + "| StudentCTEProgramAssociations | beginDate | FALSE | date | REQUIRED | 13/45/[Current School Year] |\n"
                + "| StudentCTEProgramAssociations | noSuchThing | FALSE | string | REQUIRED | x |\n"
                + "| StudentCTEProgramAssociations | privateCTEProgram | FALSE | boolean | REQUIRED | maybe |\n"
                + "| StudentCTEProgramAssociations | endDate | FALSE | date | OPTIONAL | Future Date |\n";
        ScenarioPage p = new ScenarioPageParser(Suite.SIS_V4).parse("mine.md", page);
        assertTrue(p.problems().stream().anyMatch(x -> x.startsWith("mine.md:10: ") && x.contains("noSuchThing")), p.problems().toString());
        ScenarioPayload payload = new io.github.edfisdk.certification.build.ScenarioBuilder(p, CTX).build(1);
        List<String> problems = payload.problems().stream().map(PayloadProblem::toString).toList();
        assertTrue(problems.stream().anyMatch(x -> x.contains("line 9") && x.contains("not a calendar date")), problems.toString());
        assertTrue(problems.stream().anyMatch(x -> x.contains("line 11") && x.contains("'maybe' is not a boolean")), problems.toString());
        assertTrue(problems.stream().anyMatch(x -> x.contains("line 12") && x.contains("Future Date") && x.startsWith("WARNING")), problems.toString());
        assertTrue(problems.stream().anyMatch(x -> x.contains("UNKNOWN_PROPERTY line 10")), problems.toString());
        assertTrue(!payload.isComplete());
        for (ExpectedEntry e : payload.entries()) {
            assertTrue(!e.value().isKnown() || !e.row().propertyName().equals("beginDate"));
        }
    }

    @Test
    void referenceKeysTheTableOmitsAreUnifiedWithTheSameKeyAndReported() {
        ScenarioPayload bell = CertificationScenarios.sisV4(CTX).page("BellSchedule").scenario(1).payload();
        assertEquals(255901107, bell.json().getAsJsonArray("classPeriods").get(0).getAsJsonObject()
                .getAsJsonObject("classPeriodReference").get("schoolId").getAsInt());
        assertTrue(bell.problems().stream().anyMatch(p -> p.kind() == PayloadProblem.Kind.INFERRED_KEY && !p.blocking()
                && p.message().contains("schoolReference.schoolId")), bell.problems().toString());
        assertTrue(bell.isComplete(), bell.problems().toString());
        // the v5 Grade page keys gradingPeriodReference by periodSequence (DS4); DS5 needs gradingPeriodName
        ScenarioPayload grade = CertificationScenarios.sisV5(CTX.toBuilder().acceptSuggestedSystemValues(true).build())
                .page("Grade").scenario(1).payload();
        assertTrue(grade.blockingProblems().stream().anyMatch(p -> p.kind() == PayloadProblem.Kind.MISSING_REQUIRED
                && p.property().equals("gradingPeriodReference.gradingPeriodName")), grade.problems().toString());
    }

    @Test
    void placeholdersInsideValues() {
        ScenarioPayload mapping = CertificationScenarios.sisV4(CTX.toBuilder()
                .systemValue("[URI of mapped value]", "uri://vendor.example").build()).page("Mapping").scenario(1).payload();
        assertEquals("uri://ed-fi.org/AcademicSubjectDescriptor", mapping.json().get("namespace").getAsString());
        assertEquals("uri://vendor.example/AcademicSubjectDescriptor", mapping.json().get("mappedNamespace").getAsString());
        assertTrue(mapping.isComplete(), mapping.problems().toString());
    }

    @Test
    void valueResolverTypesByTheSpec() {
        Property cip = DataStandardModel.of(DataStandard.DS4).require("StudentCTEProgramAssociation").body()
                .property("cteProgramServices").orElseThrow().type().property("cipCode").orElseThrow();
        assertEquals(new ExpectedValue.Text("11.0103"), ValueResolver.resolve("11.0103", cip, "x", CTX));
        Property begin = DataStandardModel.of(DataStandard.DS4).require("StudentCTEProgramAssociation").body()
                .property("beginDate").orElseThrow();
        assertEquals(new ExpectedValue.Date(LocalDate.of(2021, 3, 4)), ValueResolver.resolve("3/4/2021", begin, "x", CTX));
        assertEquals(new ExpectedValue.Date(LocalDate.of(2021, 3, 4)), ValueResolver.resolve("2021-03-04", begin, "x", CTX));
        assertInstanceOf(ExpectedValue.Unresolved.class, ValueResolver.resolve("[Current School Year]", begin, "x", CTX));
        assertInstanceOf(ExpectedValue.Unresolved.class, ValueResolver.resolve("[New High School calendarCode]", null, "x", CTX));
        assertEquals(new ExpectedValue.NeedsSystemValue("[System calculated value | 3]", "3"),
                ValueResolver.resolve("[System calculated value | 3]", null, "x", CTX));
        assertEquals(new ExpectedValue.NeedsSystemValue("[Previous systemcalculated value + 1 | 4]", "4"),
                ValueResolver.resolve("[Previous systemcalculated value + 1 | 4]", null, "x", CTX));
        assertEquals(new ExpectedValue.NeedsSystemValue("[System Value]", null),
                ValueResolver.resolve("[System Value]", null, "x", CTX));
    }
}
