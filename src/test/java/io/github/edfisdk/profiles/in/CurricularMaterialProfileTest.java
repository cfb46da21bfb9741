package io.github.edfisdk.profiles.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.profiles.JsonLinesRecords;
import io.github.edfisdk.profiles.RuleViolation;
import io.github.edfisdk.profiles.SchoolYear;
import io.github.edfisdk.profiles.SpecShapes;
import io.github.edfisdk.profiles.in.FramEligibility.Status;
import io.github.edfisdk.profiles.in.FramEligibility.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One nested class per rule of Infinite Campus Indiana "Student Curricular Material Program Associations" (seed 002). */
class CurricularMaterialProfileTest {
    static final SchoolYear YEAR = SchoolYear.startingIn(2024);
    static final String NS = "uri://doe.in.gov";
    static final CurricularMaterialPrograms PROGRAMS = new CurricularMaterialPrograms(YEAR, NS);
    static final LocalDate AUG_1 = LocalDate.of(2024, 8, 1);
    static final CampusEnrollment ENROLLED = CampusEnrollment.open(5385, 5470, AUG_1);
    final CurricularMaterialProfile profile = new CurricularMaterialProfile(YEAR);

    static CurricularMaterialStudent student(List<CampusEnrollment> enrollments, FramEligibility... fram) {
        return new CurricularMaterialStudent("1000123456", enrollments, List.of(fram));
    }

    static CurricularMaterialStudent eligible() {
        return student(List.of(ENROLLED), FramEligibility.meal(Status.FREE, LocalDate.of(2024, 8, 5)));
    }

    static JsonObject record(Consumer<JsonObject> edit) {
        JsonObject doc = PROGRAMS.toPayload(PROGRAMS.decide(eligible()));
        edit.accept(doc);
        return doc;
    }

    List<String> rules(JsonObject record) {
        return profile.check(record).stream().map(RuleViolation::rule).toList();
    }

    @Test
    void aBuiltRecordMeetsEveryRuleAndTheSchemas() {
        JsonObject payload = record(d -> { });
        assertEquals(List.of(), profile.check(payload));
        assertEquals(List.of(), SpecShapes.problems(DataStandard.DS5, "edFi_studentProgramAssociation", payload));
        assertEquals(List.of(), SpecShapes.problems(DataStandard.DS4, "edFi_studentProgramAssociation", payload));
    }

    @Nested
    class ProgramIsCurricularMaterialReimbursementOfTheState {
        @Test
        void builtReferenceNamesTheProgramAndTheStateEdOrg() {
            JsonObject program = record(d -> { }).getAsJsonObject("programReference");
            assertEquals(1088000000L, program.get("educationOrganizationId").getAsLong());
            assertEquals("Curricular Material Reimbursement", program.get("programName").getAsString());
            assertEquals(NS + "/ProgramTypeDescriptor#Curricular Material Reimbursement",
                    program.get("programTypeDescriptor").getAsString());
        }

        @Test
        void programOfTheDistrictBreaksTheRule() {
            assertEquals(List.of(CurricularMaterialProfile.RULE_PROGRAM_EDORG), rules(record(d ->
                    d.getAsJsonObject("programReference").addProperty("educationOrganizationId", 1053850000L))));
        }

        @Test
        void otherNameBreaksTheRule() {
            assertEquals(List.of(CurricularMaterialProfile.RULE_PROGRAM_NAME), rules(record(d ->
                    d.getAsJsonObject("programReference").addProperty("programName", "Textbook Assistance"))));
        }

        @Test
        void otherTypeBreaksTheRule() {
            assertEquals(List.of(CurricularMaterialProfile.RULE_PROGRAM_TYPE), rules(record(d ->
                    d.getAsJsonObject("programReference").addProperty("programTypeDescriptor",
                            "uri://ed-fi.org/ProgramTypeDescriptor#Other"))));
        }
    }

    @Nested
    class EducationOrganizationIs10PlusDistrictPlusSchool {
        @Test
        void builtFromTheActiveEnrollment() {
            assertEquals(1053855470L, record(d -> { }).getAsJsonObject("educationOrganizationReference")
                    .get("educationOrganizationId").getAsLong());
        }

        @Test
        void aNonIndianaIdBreaksTheRule() {
            assertEquals(List.of(CurricularMaterialProfile.RULE_EDORG), rules(record(d ->
                    d.getAsJsonObject("educationOrganizationReference").addProperty("educationOrganizationId", 255901))));
        }
    }

    @Nested
    class EligibleWhenFreeOrReducedOnOctober1 {
        @Test
        void freeAndReducedMealOrSesAreReported() {
            assertTrue(PROGRAMS.decide(eligible()).reported());
            assertTrue(PROGRAMS.decide(student(List.of(ENROLLED),
                    new FramEligibility(Type.SES, Status.REDUCED, AUG_1, null, null))).reported());
        }

        @Test
        void paidIsNotReported() {
            var d = PROGRAMS.decide(student(List.of(ENROLLED), FramEligibility.meal(Status.PAID, AUG_1)));
            assertEquals(List.of("The FRAM eligibility active on 10/01/2024 is not Free or Reduced: does not report."),
                    d.reasons());
        }

        @Test
        void noFramRecordActiveOnTheReportDateIsNotReported() {
            var endedSeptember = new FramEligibility(Type.MEAL, Status.FREE, AUG_1, LocalDate.of(2024, 9, 15), null);
            var startsNovember = FramEligibility.meal(Status.FREE, LocalDate.of(2024, 11, 4));
            var d = PROGRAMS.decide(student(List.of(ENROLLED), endedSeptember, startsNovember));
            assertEquals(List.of("No active FRAM record is available as of 10/01/2024: does not report."), d.reasons());
            assertEquals(LocalDate.of(2024, 10, 1), PROGRAMS.reportDate());
        }

        @Test
        void recordSpanningOnlyTheReportDateIsReported() {
            var oneDay = new FramEligibility(Type.MEAL, Status.REDUCED, LocalDate.of(2024, 10, 1),
                    LocalDate.of(2024, 10, 1), null);
            assertTrue(PROGRAMS.decide(student(List.of(ENROLLED), oneDay)).reported());
        }

        @Test
        void theEarliestFreeOrReducedRecordActiveOnOctober1IsReported() {
            var meal = FramEligibility.meal(Status.REDUCED, LocalDate.of(2024, 9, 1));
            var ses = new FramEligibility(Type.SES, Status.FREE, LocalDate.of(2024, 8, 20), null, null);
            var d = PROGRAMS.decide(student(List.of(ENROLLED), meal, ses));
            assertEquals(ses, d.eligibility());
        }
    }

    @Nested
    class FullyVirtualStudentsAreNotReported {
        @Test
        void virtualStudent100IsNotReported() {
            var virtual = new CampusEnrollment(5385, 5470, AUG_1, null, 100);
            var d = PROGRAMS.decide(student(List.of(virtual), FramEligibility.meal(Status.FREE, AUG_1)));
            assertFalse(d.reported());
            assertTrue(d.reasons().get(0).contains("Virtual Student 100% of the day"), d.reasons().toString());
        }

        @Test
        void partlyVirtualStudentIsReported() {
            var half = new CampusEnrollment(5385, 5470, AUG_1, null, 50);
            assertTrue(PROGRAMS.decide(student(List.of(half), FramEligibility.meal(Status.FREE, AUG_1))).reported());
        }
    }

    @Nested
    class EnrollmentMustSpanTheReportDate {
        @Test
        void enrollmentEndingBeforeTheReportDateIsNotReported() {
            var left = new CampusEnrollment(5385, 5470, AUG_1, LocalDate.of(2024, 9, 30), null);
            var d = PROGRAMS.decide(student(List.of(left), FramEligibility.meal(Status.FREE, AUG_1)));
            assertEquals(List.of("The student has an enrollment end date prior to the report date 10/01/2024:"
                    + " does not report."), d.reasons());
        }

        @Test
        void enrollmentStartingAfterTheReportDateIsNotReported() {
            var late = CampusEnrollment.open(5385, 5470, LocalDate.of(2024, 10, 2));
            var d = PROGRAMS.decide(student(List.of(late), FramEligibility.meal(Status.FREE, AUG_1)));
            assertEquals(List.of("The student has an enrollment start date after the report date 10/01/2024:"
                    + " does not report."), d.reasons());
        }

        @Test
        void schoolComesFromTheEnrollmentActiveOnTheReportDate() {
            var first = new CampusEnrollment(5385, 5470, AUG_1, LocalDate.of(2024, 9, 1), null);
            var second = CampusEnrollment.open(5385, 5480, LocalDate.of(2024, 9, 2));
            var d = PROGRAMS.decide(student(List.of(first, second), FramEligibility.meal(Status.FREE, AUG_1)));
            assertEquals(1053855480L, PROGRAMS.toPayload(d).getAsJsonObject("educationOrganizationReference")
                    .get("educationOrganizationId").getAsLong());
        }

        @Test
        void recordStartingAfterOctober1BreaksTheRule() {
            assertEquals(List.of(CurricularMaterialProfile.RULE_BEGIN_DATE),
                    rules(record(d -> d.addProperty("beginDate", "2024-10-02"))));
        }

        @Test
        void recordEndingBeforeOctober1BreaksTheRule() {
            assertEquals(List.of(CurricularMaterialProfile.RULE_END_DATE),
                    rules(record(d -> d.addProperty("endDate", "2024-09-30"))));
            assertEquals(List.of(), new CurricularMaterialProfile().check(record(d ->
                    d.addProperty("endDate", "2024-09-30"))), "the report date needs the school year");
        }
    }

    @Nested
    class BeginDateRulesAroundSeptember30 {
        @Test
        void recordFromThePreviousYearEndingAfterSeptember30IsReportedWithItsStartDate() {
            var carried = new FramEligibility(Type.MEAL, Status.FREE, LocalDate.of(2024, 2, 12),
                    LocalDate.of(2024, 10, 15), null);
            assertEquals(java.util.Optional.empty(), PROGRAMS.framRecordExclusion(carried));
            JsonObject payload = PROGRAMS.toPayload(PROGRAMS.decide(student(List.of(ENROLLED), carried)));
            assertEquals("2024-02-12", payload.get("beginDate").getAsString());
            assertEquals("2024-10-15", payload.get("endDate").getAsString());
        }

        @Test
        void recordFromThePreviousYearEndingBeforeSeptember30DoesNotReport() {
            var ended = new FramEligibility(Type.MEAL, Status.FREE, LocalDate.of(2024, 2, 12),
                    LocalDate.of(2024, 9, 20), null);
            assertTrue(PROGRAMS.framRecordExclusion(ended).orElseThrow().contains("before September 30"));
        }

        @Test
        void recordNotOverlappingTheSchoolYearDoesNotReport() {
            var old = new FramEligibility(Type.MEAL, Status.FREE, LocalDate.of(2023, 8, 1),
                    LocalDate.of(2024, 5, 30), null);
            assertTrue(PROGRAMS.framRecordExclusion(old).orElseThrow().contains("does not overlap"));
        }

        @Test
        void missingOrMalformedBeginDateBreaksTheRule() {
            assertEquals(List.of(CurricularMaterialProfile.RULE_BEGIN_DATE), rules(record(d -> d.remove("beginDate"))));
            assertEquals(List.of(CurricularMaterialProfile.RULE_BEGIN_DATE),
                    rules(record(d -> d.addProperty("beginDate", "10/01/2024"))));
        }

        @Test
        void endDateBeforeBeginDateBreaksTheRule() {
            JsonObject backwards = record(d -> {
                d.addProperty("beginDate", "2024-09-01");
                d.addProperty("endDate", "2024-08-31");
            });
            assertEquals(List.of(CurricularMaterialProfile.RULE_END_DATE),
                    new CurricularMaterialProfile().check(backwards).stream().map(RuleViolation::rule).toList());
        }
    }

    @Nested
    class ReasonExitedCodesMapToDescriptors {
        @Test
        void everyCodeOfTheTableMaps() {
            assertEquals(NS + "/ReasonExitedDescriptor#99", IndianaReasonExited.descriptor(NS, "99"));
            assertEquals(NS + "/ReasonExitedDescriptor#EOY", IndianaReasonExited.descriptor(NS, "End Of Year (EOY)"));
            assertEquals(NS + "/ReasonExitedDescriptor#1", IndianaReasonExited.descriptor(NS, "01"));
            assertEquals("Reached Maximum Age of 22", IndianaReasonExited.description("13").orElseThrow());
            int n = 0;
            for (String code : IndianaReasonExited.codes()) {
                assertTrue(IndianaReasonExited.code(code).isPresent());
                n++;
            }
            assertEquals(14, n);
            assertThrows(IllegalArgumentException.class, () -> IndianaReasonExited.descriptor(NS, "8"));
        }

        @Test
        void reasonIsReportedOnlyWithAnExit() {
            var exited = new FramEligibility(Type.MEAL, Status.FREE, AUG_1, LocalDate.of(2025, 2, 1), "99");
            JsonObject payload = PROGRAMS.toPayload(PROGRAMS.decide(student(List.of(ENROLLED), exited)));
            assertEquals(NS + "/ReasonExitedDescriptor#99", payload.get("reasonExitedDescriptor").getAsString());
            assertEquals(List.of(), profile.check(payload));
            var open = new FramEligibility(Type.MEAL, Status.FREE, AUG_1, null, "99");
            assertFalse(PROGRAMS.toPayload(PROGRAMS.decide(student(List.of(ENROLLED), open)))
                    .has("reasonExitedDescriptor"));
        }

        @Test
        void unknownCodeBreaksTheRule() {
            assertEquals(List.of(CurricularMaterialProfile.RULE_REASON_EXITED), rules(record(d -> {
                d.addProperty("endDate", "2025-02-01");
                d.addProperty("reasonExitedDescriptor", NS + "/ReasonExitedDescriptor#42");
            })));
            var bad = new FramEligibility(Type.MEAL, Status.FREE, AUG_1, LocalDate.of(2025, 2, 1), "42");
            assertFalse(PROGRAMS.decide(student(List.of(ENROLLED), bad)).reported());
        }

        @Test
        void reasonWithoutAnExitBreaksTheRule() {
            assertEquals(List.of(CurricularMaterialProfile.RULE_REASON_EXITED), rules(record(d ->
                    d.addProperty("reasonExitedDescriptor", NS + "/ReasonExitedDescriptor#EOY"))));
        }
    }

    @Nested
    class TextbookOptOutIsNotReported {
        @Test
        void optOutDuringTheSchoolYearRemovesTheProgram() {
            var s = new CurricularMaterialStudent("1000123456", List.of(ENROLLED),
                    List.of(FramEligibility.meal(Status.FREE, AUG_1)), LocalDate.of(2024, 9, 3));
            assertTrue(PROGRAMS.decide(s).reasons().get(0).startsWith("A Textbook Opt-Out program"));
            var lastYear = new CurricularMaterialStudent("1000123456", List.of(ENROLLED),
                    List.of(FramEligibility.meal(Status.FREE, AUG_1)), LocalDate.of(2023, 9, 3));
            assertTrue(PROGRAMS.decide(lastYear).reported());
        }
    }

    @Nested
    class StudentReferenceIsRequired {
        @Test
        void missingStudentBreaksTheRule() {
            assertEquals(List.of(CurricularMaterialProfile.RULE_STUDENT), rules(record(d -> d.remove("studentReference"))));
        }
    }

    @Nested
    class PublicationAndFiles {
        @Test
        void everyStudentIsAccountedFor() {
            var noFram = student(List.of(ENROLLED));
            CurricularMaterialPublication p = PROGRAMS.publish(List.of(eligible(), noFram, eligible()));
            assertEquals(1, p.payloads().size());
            assertEquals(3, p.decisions().size());
            assertEquals(2, p.notReported().size());
            assertTrue(p.decisions().get(2).reasons().get(0).startsWith("Another source record already reports"));
        }

        @Test
        void fileWithTheSameNaturalKeyTwiceAndAMalformedLine(@TempDir Path dir) throws Exception {
            JsonObject r = record(d -> { });
            Path file = dir.resolve("cmr.jsonl");
            Files.writeString(file, r + "\n{\"beginDate\": \n" + r + "\n");
            List<RuleViolation> v = profile.validate(file);
            assertEquals(List.of(JsonLinesRecords.MALFORMED, CurricularMaterialProfile.RULE_ONE_RECORD),
                    v.stream().map(RuleViolation::rule).toList());
            assertEquals(2, v.get(0).line());
            assertEquals(3, v.get(1).line());
            assertTrue(v.get(1).message().contains("line 1"));
        }
    }
}
