package io.github.edfisdk.profiles.nm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.edfisdk.profiles.JsonLinesRecords;
import io.github.edfisdk.profiles.RuleViolation;
import io.github.edfisdk.profiles.SchoolYear;
import io.github.edfisdk.profiles.SpecShapes;
import io.github.edfisdk.model.DataStandard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One nested class per rule of the PowerSchool New Mexico "3Y/4Y Student Program" view (seed 003). */
class NmEarlyChildhoodProfileTest {
    static final SchoolYear YEAR = SchoolYear.startingIn(2024);
    static final String NS = "uri://nm.example.org";
    static final LocalDate ENTRY = LocalDate.of(2024, 8, 14);
    /** LEA 012; school 10 (3Y/4Y box checked), school 20 reports as 220 (box not checked), school 30 excluded. */
    static final NmDistrict DISTRICT = new NmDistrict(12, List.of(
            new PowerSchoolSchool(10, 0, false, true),
            new PowerSchoolSchool(20, 220, false, false),
            new PowerSchoolSchool(30, 0, true, true)));
    static final NmEarlyChildhoodProgramAssociations BUILDER =
            new NmEarlyChildhoodProgramAssociations(DISTRICT, YEAR, NS);
    final NmEarlyChildhoodProfile profile = new NmEarlyChildhoodProfile(YEAR);

    static NmEarlyChildhoodEnrollment auto(int school, int grade, LocalDate entry, LocalDate exit) {
        return new NmEarlyChildhoodEnrollment(NmStudent.published("987654321"),
                new PowerSchoolEnrollment(school, school, 0, null, entry, exit), grade, true, null);
    }

    static NmEarlyChildhoodProgramFact fact(int school, String code, LocalDate entry, LocalDate exit) {
        return new NmEarlyChildhoodProgramFact(NmStudent.published("987654321"),
                PowerSchoolEnrollment.active(school, ENTRY), code, entry, exit);
    }

    static JsonObject record(Consumer<JsonObject> edit) {
        JsonObject doc = BUILDER.toPayload(auto(10, -1, ENTRY, null));
        edit.accept(doc);
        return doc;
    }

    List<String> rules(JsonObject record) {
        return profile.check(record).stream().map(RuleViolation::rule).toList();
    }

    @Test
    void builtRecordsMeetEveryRule() {
        assertEquals(List.of(), profile.check(BUILDER.toPayload(auto(10, -2, ENTRY, LocalDate.of(2025, 5, 20)))));
        assertEquals(List.of(), profile.check(BUILDER.toPayload(fact(20, "4Y", ENTRY, null))));
    }

    @Test
    void payloadsMatchTheDataStandardSchemas() {
        JsonObject payload = BUILDER.toPayload(fact(20, "3Y", ENTRY, LocalDate.of(2025, 3, 1)));
        assertEquals(List.of(), SpecShapes.problems(DataStandard.DS5, "edFi_studentProgramAssociation", payload));
        assertEquals(List.of(), SpecShapes.problems(DataStandard.DS4, "edFi_studentProgramAssociation", payload));
    }

    @Nested
    class SchoolIdIs35PlusLeaPlusSchoolNumber {
        @Test
        void schoolNumberWhenNoAlternateNumber() {
            assertEquals(35012010L, BUILDER.educationOrganizationId(auto(10, -1, ENTRY, null)));
        }

        @Test
        void alternateSchoolNumberWhenGreaterThanZero() {
            assertEquals(35012220L, BUILDER.educationOrganizationId(fact(20, "3Y", ENTRY, null)));
        }

        @Test
        void nonNewMexicoIdBreaksTheRule() {
            assertEquals(List.of(NmEarlyChildhoodProfile.RULE_EDORG), rules(record(d ->
                    d.getAsJsonObject("educationOrganizationReference").addProperty("educationOrganizationId", 1012010))));
        }
    }

    @Nested
    class ProgramEducationOrganizationIs35PlusLeaPlus000 {
        @Test
        void builtProgramReferenceIsTheLea() {
            assertEquals(35012000L, record(d -> { }).getAsJsonObject("programReference")
                    .get("educationOrganizationId").getAsLong());
        }

        @Test
        void lastThreeDigitsOtherThan000BreakTheRule() {
            assertEquals(List.of(NmEarlyChildhoodProfile.RULE_PROGRAM_EDORG), rules(record(d ->
                    d.getAsJsonObject("programReference").addProperty("educationOrganizationId", 35012010))));
        }
    }

    @Nested
    class ProgramTypeAndNameFollowTheGradeLevel {
        @Test
        void pk3Is3YAndPk4Is4Y() {
            JsonObject three = BUILDER.toPayload(auto(10, -2, ENTRY, null)).getAsJsonObject("programReference");
            assertEquals(NS + "/ProgramTypeDescriptor#3Y", three.get("programTypeDescriptor").getAsString());
            assertEquals("Child participating in the Early Childhood 3Y Program", three.get("programName").getAsString());
            JsonObject four = BUILDER.toPayload(auto(10, -1, ENTRY, null)).getAsJsonObject("programReference");
            assertEquals(NS + "/ProgramTypeDescriptor#4Y", four.get("programTypeDescriptor").getAsString());
            assertEquals("Child participating in the Early Childhood 4Y Program", four.get("programName").getAsString());
        }

        @Test
        void childTableRecordsFollowTheProgramCode() {
            JsonObject p = BUILDER.toPayload(fact(10, "3y", ENTRY, null)).getAsJsonObject("programReference");
            assertEquals("Child participating in the Early Childhood 3Y Program", p.get("programName").getAsString());
        }

        @Test
        void otherGradeLevelIsNotA3Y4YRecord() {
            var kindergarten = auto(10, 0, ENTRY, null);
            assertThrows(IllegalArgumentException.class, () -> BUILDER.toPayload(kindergarten));
            assertTrue(BUILDER.select(kindergarten).exclusionReasons().contains(
                    "Student's grade level must be -2 for a 3Y record and -1 for a 4Y record; found 0."));
        }

        @Test
        void otherProgramTypeBreaksTheRule() {
            assertEquals(List.of(NmEarlyChildhoodProfile.RULE_PROGRAM_TYPE), rules(record(d -> d.getAsJsonObject(
                    "programReference").addProperty("programTypeDescriptor", NS + "/ProgramTypeDescriptor#PK"))));
        }

        @Test
        void nameOfTheOtherProgramBreaksTheRule() {
            assertEquals(List.of(NmEarlyChildhoodProfile.RULE_PROGRAM_NAME), rules(record(d -> d.getAsJsonObject(
                    "programReference").addProperty("programName", EarlyChildhoodProgram.THREE_Y.programName()))));
        }

        @Test
        void unknownNameBreaksTheRule() {
            assertEquals(List.of(NmEarlyChildhoodProfile.RULE_PROGRAM_NAME), rules(record(d -> d.getAsJsonObject(
                    "programReference").addProperty("programName", "Early Childhood"))));
        }
    }

    @Nested
    class BeginDateIsClampedToTheSchoolYear {
        @Test
        void entryBeforeTheYearStartsOnTheFirstDay() {
            var carried = auto(10, -1, LocalDate.of(2024, 3, 1), null);
            assertEquals("2024-07-01", BUILDER.toPayload(carried).get("beginDate").getAsString());
            assertEquals("2024-08-14", BUILDER.toPayload(auto(10, -1, ENTRY, null)).get("beginDate").getAsString());
        }

        @Test
        void beginDateBeforeTheYearBreaksTheRule() {
            assertEquals(List.of(NmEarlyChildhoodProfile.RULE_BEGIN_DATE),
                    rules(record(d -> d.addProperty("beginDate", "2024-03-01"))));
        }
    }

    @Nested
    class EndDateIsClampedToTheSchoolYear {
        @Test
        void blankOrLaterExitEndsOnTheLastDay() {
            assertEquals("2025-06-30", BUILDER.toPayload(auto(10, -1, ENTRY, null)).get("endDate").getAsString());
            assertEquals("2025-06-30", BUILDER.toPayload(auto(10, -1, ENTRY, LocalDate.of(2025, 8, 1)))
                    .get("endDate").getAsString());
            assertEquals("2025-02-01", BUILDER.toPayload(auto(10, -1, ENTRY, LocalDate.of(2025, 2, 1)))
                    .get("endDate").getAsString());
        }

        @Test
        void endDateBeyondTheYearBreaksTheRule() {
            assertEquals(List.of(NmEarlyChildhoodProfile.RULE_END_DATE),
                    rules(record(d -> d.addProperty("endDate", "2025-08-01"))));
        }

        @Test
        void missingEndDateBreaksTheRuleWhenTheYearIsKnown() {
            JsonObject open = record(d -> d.remove("endDate"));
            assertEquals(List.of(NmEarlyChildhoodProfile.RULE_END_DATE), rules(open));
            assertEquals(List.of(), new NmEarlyChildhoodProfile().check(open));
        }
    }

    @Nested
    class NoShowsAreNotPublished {
        @Test
        void sameEntryAndExitDateIsExcluded() {
            NmSelection<NmEarlyChildhoodSource> s = BUILDER.select(auto(10, -1, ENTRY, ENTRY));
            assertEquals(List.of("The student is a no-show (entry date and exit date are the same date value,"
                    + " 2024-08-14)."), s.exclusionReasons());
        }

        @Test
        void recordWithEqualDatesBreaksTheRule() {
            assertEquals(List.of(NmEarlyChildhoodProfile.RULE_NO_SHOW),
                    rules(record(d -> d.addProperty("endDate", "2024-08-14"))));
        }
    }

    @Nested
    class StudentUniqueIdMustBePopulated {
        @Test
        void missingIdBreaksTheRule() {
            assertEquals(List.of(NmEarlyChildhoodProfile.RULE_STUDENT),
                    rules(record(d -> d.remove("studentReference"))));
        }
    }

    @Nested
    class SelectionCriteria {
        @Test
        void autoGeneratedRecordMeetingEveryCriterionIsIncluded() {
            assertTrue(BUILDER.select(auto(10, -2, ENTRY, null)).included());
        }

        @Test
        void everyFailedCommonCriterionIsReported() {
            var s = new NmEarlyChildhoodProgramFact(new NmStudent("", false, true),
                    PowerSchoolEnrollment.active(30, ENTRY), "4Y", ENTRY, null);
            assertEquals(List.of(
                    "The student was not previously published in the Student & Student Enrollments category.",
                    "StudentUniqueId is not populated in PowerSchool.",
                    "The student is excluded from state reporting.",
                    "The school (School_Number 30) is excluded from state reporting."),
                    BUILDER.select(s).exclusionReasons());
        }

        @Test
        void autoGeneratedRecordsNeedTheSchoolBoxSpecialEducationAndARecentExit() {
            var e = new NmEarlyChildhoodEnrollment(NmStudent.published("1"), PowerSchoolEnrollment.active(20, ENTRY),
                    -1, false, LocalDate.of(2024, 5, 1));
            assertEquals(List.of(
                    "The school's \"3Y or 4Y Program Fact records\" box is not checked.",
                    "Special Education Indicator must be Y.",
                    "Date exited special education program must be blank or contain a date within the current year;"
                            + " found 2024-05-01."),
                    BUILDER.select(e).exclusionReasons());
            var recentExit = new NmEarlyChildhoodEnrollment(NmStudent.published("1"),
                    PowerSchoolEnrollment.active(10, ENTRY), -1, true, LocalDate.of(2024, 9, 1));
            assertTrue(BUILDER.select(recentExit).included());
        }

        @Test
        void childTableRecordMustBeActiveDuringTheReportingYear() {
            var lastYear = fact(10, "4Y", LocalDate.of(2023, 8, 10), LocalDate.of(2024, 5, 25));
            assertEquals(List.of("The record is not active at any point during the current reporting year"
                    + " (2024-07-01..2025-06-30)."), BUILDER.select(lastYear).exclusionReasons());
            assertTrue(BUILDER.select(fact(10, "4Y", LocalDate.of(2023, 8, 10), LocalDate.of(2024, 9, 1)))
                    .included());
            assertFalse(BUILDER.select(fact(10, "5Y", ENTRY, null)).included());
        }
    }

    @Nested
    class OneRecordPerStudentAndSchoolEnrollment {
        @Test
        void publishKeepsOneRecordPerEnrollmentAndAccountsForEverySource() {
            var first = auto(10, -1, ENTRY, null);
            var sameEnrollment = fact(10, "4Y", ENTRY, null);
            var otherSchool = fact(20, "4Y", LocalDate.of(2025, 1, 6), null);
            NmPublication<NmEarlyChildhoodSource> p = BUILDER.publish(List.of(first, sameEnrollment, otherSchool));
            assertEquals(2, p.payloads().size());
            assertEquals(3, p.decisions().size());
            assertTrue(p.decisions().get(1).exclusionReasons().get(0).contains("source record 1"));
        }

        @Test
        void aFileWithTheSameEnrollmentTwiceBreaksTheRule(@TempDir Path dir) throws Exception {
            JsonObject r = record(d -> { });
            Path file = dir.resolve("ec.jsonl");
            Files.writeString(file, r + "\nnull\n" + r + "\n");
            List<RuleViolation> v = profile.validate(file);
            assertEquals(List.of(JsonLinesRecords.MALFORMED, NmEarlyChildhoodProfile.RULE_ONE_PER_ENROLLMENT),
                    v.stream().map(RuleViolation::rule).toList());
            assertEquals(3, v.get(1).line());
        }
    }
}
