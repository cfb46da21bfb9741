package io.github.edfisdk.profiles.nm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.DescriptorUri;
import io.github.edfisdk.profiles.JsonLinesRecords;
import io.github.edfisdk.profiles.RuleViolation;
import io.github.edfisdk.profiles.SchoolYear;
import io.github.edfisdk.profiles.SpecShapes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One nested class per rule of the PowerSchool New Mexico "Student CTE Programs" view (seed 001). */
class NmCteProfileTest {
    static final SchoolYear YEAR = SchoolYear.startingIn(2024);
    static final LocalDate ENTRY = LocalDate.of(2024, 8, 14);
    /** LEA 001; school 50 has no alternate number, school 60 reports as 160, school 70 is excluded. */
    static final NmDistrict DISTRICT = new NmDistrict(1, List.of(
            PowerSchoolSchool.of(50, 0),
            PowerSchoolSchool.of(60, 160),
            new PowerSchoolSchool(70, 0, true, false)));
    static final NmCteProgramAssociations DS5 = NmCteProgramAssociations.ds5(DISTRICT, YEAR);
    static final NmCteProgramAssociations DS4 =
            new NmCteProgramAssociations(DISTRICT, YEAR, DataStandard.DS4, NmCteProgramAssociations.ED_FI_NAMESPACE);
    final NmCteProfile profile = new NmCteProfile(YEAR);

    static NmCteEnrollment enrollment(PowerSchoolEnrollment e) {
        return new NmCteEnrollment(NmStudent.published("123456789"), e, true, null);
    }

    static NmCteEnrollment atSchool(int school) {
        return enrollment(PowerSchoolEnrollment.active(school, ENTRY));
    }

    /** A record that meets every rule, then changed by {@code edit}. */
    static JsonObject record(Consumer<JsonObject> edit) {
        JsonObject doc = DS5.toPayload(atSchool(50));
        edit.accept(doc);
        return doc;
    }

    List<String> rules(JsonObject record) {
        return profile.check(record).stream().map(RuleViolation::rule).toList();
    }

    @Test
    void aBuiltRecordMeetsEveryRuleInBothDataStandards() {
        assertEquals(List.of(), profile.check(DS5.toPayload(atSchool(50))));
        assertEquals(List.of(), profile.check(DS4.toPayload(atSchool(60))));
    }

    @Test
    void payloadsMatchTheDataStandardSchemas() {
        var done = new NmCteEnrollment(NmStudent.published("1"), PowerSchoolEnrollment.active(60, ENTRY), true, true);
        assertEquals(List.of(), SpecShapes.problems(DataStandard.DS5, "edFi_studentCTEProgramAssociation",
                DS5.toPayload(done)));
        assertEquals(List.of(), SpecShapes.problems(DataStandard.DS4, "edFi_studentCTEProgramAssociation",
                DS4.toPayload(done)));
        // the checker itself notices a DS 4.0 collection in a DS 5.1 record
        assertEquals(List.of("$.ctePrograms: not a property of the schema"), SpecShapes.problems(DataStandard.DS5,
                "edFi_studentCTEProgramAssociation", DS4.toPayload(done)));
    }

    @Nested
    class EducationOrganizationIdIs35PlusLeaPlusBuilding {
        @Test
        void buildingIsTheSchoolNumberWhenThereIsNoLocationCodeNorAlternateNumber() {
            assertEquals(35001050L, DS5.educationOrganizationId(atSchool(50)));
        }

        @Test
        void buildingIsTheAlternateSchoolNumberWhenGreaterThanZero() {
            assertEquals(35001160L, DS5.educationOrganizationId(atSchool(60)));
        }

        @Test
        void buildingIsTheLocationCodeWhenNotNull() {
            var e = new PowerSchoolEnrollment(60, 60, 0, "7", ENTRY, null);
            assertEquals(35001007L, DS5.educationOrganizationId(enrollment(e)));
        }

        @Test
        void midYearTransferUsesTheEnrollmentSchoolBuilding() {
            var transfer = new PowerSchoolEnrollment(50, 60, PowerSchoolEnrollment.TRANSFERRED_OUT, null, ENTRY, null);
            assertEquals(35001160L, DS5.educationOrganizationId(enrollment(transfer)));
            // Enroll_Status other than 2 is not a mid-year transfer: the current school counts.
            var notTransfer = new PowerSchoolEnrollment(50, 60, 0, null, ENTRY, null);
            assertEquals(35001050L, DS5.educationOrganizationId(enrollment(notTransfer)));
            // A not-null location code wins even for a transfer.
            var coded = new PowerSchoolEnrollment(50, 60, PowerSchoolEnrollment.TRANSFERRED_OUT, "123", ENTRY, null);
            assertEquals(35001123L, DS5.educationOrganizationId(enrollment(coded)));
        }

        @Test
        void recordWithANonNewMexicoIdBreaksTheRule() {
            JsonObject bad = record(d -> d.getAsJsonObject("educationOrganizationReference")
                    .addProperty("educationOrganizationId", 255901));
            List<RuleViolation> v = profile.check(bad);
            assertEquals(List.of(NmCteProfile.RULE_EDORG), v.stream().map(RuleViolation::rule).toList());
            assertEquals("$.educationOrganizationReference.educationOrganizationId", v.get(0).field());
            assertTrue(v.get(0).message().contains("always an 8 digit value"), v.get(0).message());
        }

        @Test
        void missingIdBreaksTheRule() {
            JsonObject bad = record(d -> d.remove("educationOrganizationReference"));
            assertEquals(List.of(NmCteProfile.RULE_EDORG), rules(bad));
        }
    }

    @Nested
    class ProgramEducationOrganizationIsTheLea {
        @Test
        void builtProgramReferenceIsTheLea() {
            assertEquals(35001000L, DS5.toPayload(atSchool(50)).getAsJsonObject("programReference")
                    .get("educationOrganizationId").getAsLong());
        }

        @Test
        void schoolAsProgramOwnerBreaksTheRule() {
            JsonObject bad = record(d -> d.getAsJsonObject("programReference")
                    .addProperty("educationOrganizationId", 35001050));
            assertEquals(List.of(NmCteProfile.RULE_PROGRAM_EDORG), rules(bad));
        }

        @Test
        void anotherLeaBreaksTheRule() {
            JsonObject bad = record(d -> d.getAsJsonObject("programReference")
                    .addProperty("educationOrganizationId", 35002000));
            assertEquals(List.of(NmCteProfile.RULE_PROGRAM_EDORG), rules(bad));
        }
    }

    @Nested
    class ProgramTypeAndNameAreCareerAndTechnicalEducation {
        @Test
        void builtReferenceCarriesBoth() {
            JsonObject program = DS5.toPayload(atSchool(50)).getAsJsonObject("programReference");
            assertEquals("Career and Technical Education", program.get("programName").getAsString());
            assertEquals("uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education",
                    program.get("programTypeDescriptor").getAsString());
        }

        @Test
        void otherProgramTypeBreaksTheRule() {
            JsonObject bad = record(d -> d.getAsJsonObject("programReference")
                    .addProperty("programTypeDescriptor", "uri://ed-fi.org/ProgramTypeDescriptor#Athletics"));
            assertEquals(List.of(NmCteProfile.RULE_PROGRAM_TYPE), rules(bad));
        }

        @Test
        void stateNamespaceAndCaseAreAccepted() {
            JsonObject ok = record(d -> d.getAsJsonObject("programReference").addProperty("programTypeDescriptor",
                    "uri://nm.example.org/ProgramTypeDescriptor#career and technical education"));
            assertEquals(List.of(), rules(ok));
        }

        @Test
        void otherProgramNameBreaksTheRule() {
            JsonObject bad = record(d -> d.getAsJsonObject("programReference").addProperty("programName", "CTE"));
            assertEquals(List.of(NmCteProfile.RULE_PROGRAM_NAME), rules(bad));
        }
    }

    @Nested
    class StudentUniqueIdMustBePopulated {
        @Test
        void blankIdBreaksTheRule() {
            JsonObject bad = record(d -> d.getAsJsonObject("studentReference").addProperty("studentUniqueId", " "));
            assertEquals(List.of(NmCteProfile.RULE_STUDENT), rules(bad));
        }

        @Test
        void builderRefusesAStudentWithoutId() {
            var e = new NmCteEnrollment(new NmStudent(null, true, false), PowerSchoolEnrollment.active(50, ENTRY),
                    true, null);
            assertThrows(IllegalArgumentException.class, () -> DS5.toPayload(e));
            assertEquals(List.of("StudentUniqueId is not populated in PowerSchool."), DS5.select(e).exclusionReasons());
        }
    }

    @Nested
    class BeginDateIsTheLatestEntryDateWithinTheCurrentSchoolYear {
        @Test
        void beginDateIsTheEntryDate() {
            assertEquals("2024-08-14", DS5.toPayload(atSchool(50)).get("beginDate").getAsString());
        }

        @Test
        void beginDateBeforeTheSchoolYearBreaksTheRule() {
            JsonObject bad = record(d -> d.addProperty("beginDate", "2024-06-30"));
            assertEquals(List.of(NmCteProfile.RULE_BEGIN_DATE), rules(bad));
            assertEquals(List.of(), new NmCteProfile().check(bad), "without a school year the window is not checked");
        }

        @Test
        void notADateBreaksTheRule() {
            JsonObject bad = record(d -> d.addProperty("beginDate", "08/14/2024"));
            assertEquals(List.of(NmCteProfile.RULE_BEGIN_DATE), rules(bad));
        }

        @Test
        void selectionExcludesABeginDateOutsideTheYear() {
            var old = enrollment(PowerSchoolEnrollment.active(50, LocalDate.of(2023, 8, 15)));
            NmSelection<NmCteEnrollment> s = DS5.select(old);
            assertFalse(s.included());
            assertTrue(s.exclusionReasons().get(0).startsWith("The begin date of the program (2023-08-15)"));
        }
    }

    @Nested
    class CareerPathwayIsAlwaysOther {
        @Test
        void ds5PutsItInCteProgramServices() {
            JsonObject service = DS5.toPayload(atSchool(50)).getAsJsonArray("cteProgramServices").get(0)
                    .getAsJsonObject();
            assertEquals("uri://ed-fi.org/CTEProgramServiceDescriptor#Other",
                    service.get("cteProgramServiceDescriptor").getAsString());
        }

        @Test
        void ds4PutsItInCtePrograms() {
            JsonObject program = DS4.toPayload(atSchool(50)).getAsJsonArray("ctePrograms").get(0).getAsJsonObject();
            assertEquals("uri://ed-fi.org/CareerPathwayDescriptor#Other",
                    program.get("careerPathwayDescriptor").getAsString());
        }

        @Test
        void anotherPathwayBreaksTheRule() {
            JsonObject bad = record(d -> d.getAsJsonArray("cteProgramServices").get(0).getAsJsonObject()
                    .addProperty("cteProgramServiceDescriptor", "uri://ed-fi.org/CTEProgramServiceDescriptor#Finance"));
            List<RuleViolation> v = profile.check(bad);
            assertEquals(List.of(NmCteProfile.RULE_CAREER_PATHWAY), v.stream().map(RuleViolation::rule).toList());
            assertEquals("$.cteProgramServices[0].cteProgramServiceDescriptor", v.get(0).field());
        }

        @Test
        void missingPathwayBreaksTheMandatoryRule() {
            JsonObject bad = record(d -> d.remove("cteProgramServices"));
            assertEquals(List.of(NmCteProfile.RULE_CAREER_PATHWAY), rules(bad));
        }

        @Test
        void ds4RecordWithAnotherPathwayBreaksTheRule() {
            JsonObject bad = DS4.toPayload(atSchool(50));
            bad.getAsJsonArray("ctePrograms").get(0).getAsJsonObject()
                    .addProperty("careerPathwayDescriptor", "uri://ed-fi.org/CareerPathwayDescriptor#Manufacturing");
            List<RuleViolation> v = profile.check(bad);
            assertEquals("$.ctePrograms[0].careerPathwayDescriptor", v.get(0).field());
            assertEquals(1, v.size());
        }
    }

    @Nested
    class CipCodeIsAlways0 {
        @Test
        void builtRecordsCarryCip0() {
            assertEquals("0", DS5.toPayload(atSchool(50)).getAsJsonArray("cteProgramServices").get(0)
                    .getAsJsonObject().get("cipCode").getAsString());
            assertEquals("0", DS4.toPayload(atSchool(50)).getAsJsonArray("ctePrograms").get(0)
                    .getAsJsonObject().get("cipCode").getAsString());
        }

        @Test
        void anotherCipCodeBreaksTheRule() {
            JsonObject bad = record(d -> d.getAsJsonArray("cteProgramServices").get(0).getAsJsonObject()
                    .addProperty("cipCode", "11.0103"));
            assertEquals(List.of(NmCteProfile.RULE_CIP_CODE), rules(bad));
        }

        @Test
        void missingCipCodeBreaksTheMandatoryRule() {
            JsonObject bad = record(d -> d.getAsJsonArray("cteProgramServices").get(0).getAsJsonObject()
                    .remove("cipCode"));
            assertEquals(List.of(NmCteProfile.RULE_CIP_CODE), rules(bad));
        }
    }

    @Nested
    class CompletionIndicatorIsABooleanFlag {
        @Test
        void ds4CarriesTheFlagAndDs5HasNoFieldForIt() {
            var done = new NmCteEnrollment(NmStudent.published("1"), PowerSchoolEnrollment.active(50, ENTRY), true, true);
            assertTrue(DS4.toPayload(done).getAsJsonArray("ctePrograms").get(0).getAsJsonObject()
                    .get("cteProgramCompletionIndicator").getAsBoolean());
            assertFalse(DS5.toPayload(done).toString().contains("Completion"));
        }

        @Test
        void aStringFlagBreaksTheRule() {
            JsonObject bad = DS4.toPayload(atSchool(50));
            bad.getAsJsonArray("ctePrograms").get(0).getAsJsonObject()
                    .addProperty("cteProgramCompletionIndicator", "Y");
            assertEquals(List.of(NmCteProfile.RULE_COMPLETION), rules(bad));
        }
    }

    @Nested
    class SelectionCriteria {
        @Test
        void aRecordMeetingEveryCriterionIsIncluded() {
            assertTrue(DS5.select(atSchool(50)).included());
        }

        @Test
        void everyFailedCriterionIsReported() {
            var e = new NmCteEnrollment(new NmStudent(" ", false, true),
                    PowerSchoolEnrollment.active(70, LocalDate.of(2025, 7, 1)), false, null);
            assertEquals(List.of(
                    "The student was not published in the Student category.",
                    "The student has not enrolled in the CTE Program.",
                    "The begin date of the program (2025-07-01) is not within the current school year"
                            + " (2024-07-01..2025-06-30).",
                    "StudentUniqueId is not populated in PowerSchool.",
                    "The student is excluded from state reporting.",
                    "The school (School_Number 70) is excluded from state reporting."),
                    DS5.select(e).exclusionReasons());
        }

        @Test
        void unknownSchoolOrBadLocationCodeIsAnExclusionNotACrash() {
            assertEquals(List.of("School_Number 99 is not a school of LEA 1."),
                    DS5.select(atSchool(99)).exclusionReasons());
            var coded = enrollment(new PowerSchoolEnrollment(50, 50, 0, "12A", ENTRY, null));
            assertEquals(1, DS5.select(coded).exclusionReasons().size());
        }
    }

    @Nested
    class OneRecordPerStudentAndEnrollmentPeriod {
        @Test
        void publishKeepsTheFirstOfTwoSourcesForTheSamePeriod() {
            var first = atSchool(50);
            var again = atSchool(50);
            var otherPeriod = enrollment(PowerSchoolEnrollment.active(50, LocalDate.of(2025, 1, 6)));
            var excluded = enrollment(PowerSchoolEnrollment.active(70, ENTRY));
            NmPublication<NmCteEnrollment> p = DS5.publish(List.of(first, again, otherPeriod, excluded));
            assertEquals(2, p.payloads().size());
            assertEquals(4, p.decisions().size(), "every source record is accounted for");
            assertEquals(2, p.excluded().size());
            assertTrue(p.decisions().get(1).exclusionReasons().get(0).contains("source record 1"));
        }

        @Test
        void aFileWithTwoRecordsForOnePeriodBreaksTheRule(@TempDir Path dir) throws Exception {
            JsonObject r = DS5.toPayload(atSchool(50));
            JsonObject later = r.deepCopy();
            later.addProperty("beginDate", "2025-01-06");
            Path file = dir.resolve("cte.jsonl");
            Files.writeString(file, r + "\n" + later + "\n" + r + "\n");
            List<RuleViolation> v = profile.validate(file);
            assertEquals(1, v.size(), v.toString());
            assertEquals(3, v.get(0).line());
            assertEquals(NmCteProfile.RULE_ONE_PER_PERIOD, v.get(0).rule());
            assertTrue(v.get(0).message().contains("line 1"));
        }
    }

    @Nested
    class FileValidation {
        @Test
        void malformedLinesAreReportedAndTheRestIsChecked(@TempDir Path dir) throws Exception {
            JsonObject bad = record(d -> d.getAsJsonObject("programReference").addProperty("programName", "CTE"));
            Path file = dir.resolve("cte.jsonl");
            Files.writeString(file, "{not json\n\n[1,2]\n" + bad + "\n" + DS5.toPayload(atSchool(60)) + "\n");
            List<RuleViolation> v = profile.validate(file);
            assertEquals(3, v.size(), v.toString());
            assertEquals(JsonLinesRecords.MALFORMED, v.get(0).rule());
            assertEquals(1, v.get(0).line());
            assertEquals(3, v.get(1).line());
            assertEquals(JsonLinesRecords.MALFORMED, v.get(1).rule());
            assertEquals(new RuleViolation(file.toString(), 4, "$.programReference.programName",
                    NmCteProfile.RULE_PROGRAM_NAME,
                    "ProgramName is always \"Career and Technical Education\"; found 'CTE'"), v.get(2));
        }

        @Test
        void wrongJsonTypesAreReportedNotThrown() {
            JsonObject bad = JsonParser.parseString("{\"beginDate\":20240814,\"studentReference\":[],"
                    + "\"educationOrganizationReference\":{\"educationOrganizationId\":\"35001050\"},"
                    + "\"programReference\":{\"educationOrganizationId\":35001000.5},"
                    + "\"cteProgramServices\":{}}").getAsJsonObject();
            List<String> rules = rules(bad);
            assertTrue(rules.containsAll(List.of(NmCteProfile.RULE_BEGIN_DATE, NmCteProfile.RULE_STUDENT,
                    NmCteProfile.RULE_EDORG, NmCteProfile.RULE_PROGRAM_EDORG, NmCteProfile.RULE_PROGRAM_NAME,
                    NmCteProfile.RULE_PROGRAM_TYPE, NmCteProfile.RULE_CAREER_PATHWAY)), rules.toString());
        }
    }
}
