package io.github.edfisdk.profiles.pa;

import static io.github.edfisdk.profiles.pa.PimsField.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.edfisdk.profiles.RuleViolation;
import io.github.edfisdk.profiles.SchoolYear;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One nested class per rule of the PIMS "CTE Student Fact" template (seed 004): a row that breaks it, one that meets it. */
class PimsCteProfileTest {
    /** A secondary (Program of Study) row that meets every rule. */
    static final PimsRecord SECONDARY = PimsRecord.of("123456789", "2026-06-30", "1000000009", "1234", "1234",
            "015999", "70", "2026-06-30", "", "30", "N/A", "N", "Y", "N", "N", "N", "N", "9999.99", "100.00", "99.99",
            "", "N", "", "", "", "", "", "Y", "", "Y", "Y", "", "N", "PRE", "", "");
    /** An adult affidavit program row that meets every rule. */
    static final PimsRecord ADULT = PimsRecord.of("123456789", "2026-06-30", "1000000017", "1234", "1234",
            "470604", "80", "2026-06-30", "", "80", "N/A", "N", "N", "N", "N", "N", "N", "120.50", "45.00", "0.00",
            "", "N", "", "", "", "Y", "", "N/A", "", "N", "N", "", "N", "APP", "ASSOC", "12.50");

    /** SECONDARY without the Perkins flags, whose hour thresholds would otherwise constrain field 18. */
    static final PimsRecord NOT_A_PARTICIPANT = SECONDARY.with(PERKINS_CONCENTRATOR, "N")
            .with(PERKINS_PARTICIPANT, "N");

    final PimsCteProfile profile = new PimsCteProfile();

    List<String> rules(PimsRecord r) {
        return profile.check(r).stream().map(RuleViolation::rule).toList();
    }

    void breaks(PimsRecord r, String rule, int field) {
        List<RuleViolation> v = profile.check(r);
        assertEquals(List.of(rule), v.stream().map(RuleViolation::rule).toList(), v.toString());
        assertEquals(PimsField.label(field), v.get(0).field());
    }

    void meets(PimsRecord r) {
        assertEquals(List.of(), profile.check(r));
    }

    @Test
    void theFixturesMeetEveryRule() {
        meets(SECONDARY);
        meets(ADULT);
        meets(SECONDARY.with(DELIVERY_METHOD_CODE, "75"));
    }

    @Nested
    class SubmittingAunIs9Digits {
        @ParameterizedTest
        @ValueSource(strings = {"12345678", "1234567890", "12345678A", ""})
        void otherValuesBreakIt(String aun) {
            breaks(SECONDARY.with(SUBMITTING_AUN, aun), PimsCteProfile.RULE_AUN, SUBMITTING_AUN);
            assertTrue(profile.check(SECONDARY.with(SUBMITTING_AUN, aun)).get(0).message()
                    .startsWith("The unique, 9-digit Administrative Unit Number (AUN) assigned by PDE"));
        }

        @Test
        void nineDigitsMeetIt() {
            meets(SECONDARY.with(SUBMITTING_AUN, "012345678"));
        }
    }

    @Nested
    class SchoolYearDateIsJune30 {
        @ParameterizedTest
        @ValueSource(strings = {"2026-06-29", "2026-6-30", "06/30/2026", "2026-07-01", ""})
        void otherDatesBreakIt(String date) {
            // REPORTING DATE is then compared with nothing, so only field 2 breaks
            breaks(SECONDARY.with(SCHOOL_YEAR_DATE, date), PimsCteProfile.RULE_SCHOOL_YEAR_DATE, SCHOOL_YEAR_DATE);
        }

        @Test
        void june30MeetsIt() {
            meets(SECONDARY.with(SCHOOL_YEAR_DATE, "2025-06-30").with(REPORTING_DATE, "2025-06-30"));
        }

        @Test
        void withASchoolYearItMustBeThatYearsLastDay() {
            PimsCteProfile y2026 = new PimsCteProfile(SchoolYear.startingIn(2025));
            assertEquals(List.of(), y2026.check(SECONDARY));
            PimsRecord lastYear = SECONDARY.with(SCHOOL_YEAR_DATE, "2025-06-30").with(REPORTING_DATE, "2025-06-30");
            assertEquals(PimsCteProfile.RULE_SCHOOL_YEAR_DATE, y2026.check(lastYear).get(0).rule());
        }
    }

    @Nested
    class PaSecureIdIs10Digits {
        @ParameterizedTest
        @ValueSource(strings = {"100000000", "10000000090", "100000000X", ""})
        void otherValuesBreakIt(String id) {
            breaks(SECONDARY.with(PASECUREID, id), PimsCteProfile.RULE_PASECUREID, PASECUREID);
        }

        @Test
        void tenDigitsMeetIt() {
            meets(SECONDARY.with(PASECUREID, "0000000001"));
        }
    }

    @Nested
    class CipSchoolNumberIs4Digits {
        @Test
        void threeDigitsBreakIt() {
            PimsRecord r = SECONDARY.with(CIP_SCHOOL_NUMBER, "123").with(STUDENT_SCHOOL_NUMBER, "123");
            breaks(r, PimsCteProfile.RULE_CIP_SCHOOL, CIP_SCHOOL_NUMBER);
        }

        @Test
        void fourDigitsMeetIt() {
            meets(SECONDARY.with(CIP_SCHOOL_NUMBER, "0042").with(STUDENT_SCHOOL_NUMBER, "0042"));
        }
    }

    @Nested
    class StudentSchoolNumberIsTheCipSchoolNumber {
        @Test
        void anotherValueBreaksIt() {
            PimsRecord r = SECONDARY.with(STUDENT_SCHOOL_NUMBER, "4321");
            breaks(r, PimsCteProfile.RULE_STUDENT_SCHOOL, STUDENT_SCHOOL_NUMBER);
            assertTrue(profile.check(r).get(0).message().contains("the same value populated in Field 4 (1234)"));
        }

        @Test
        void theSameValueMeetsIt() {
            meets(SECONDARY.with(CIP_SCHOOL_NUMBER, "7777").with(STUDENT_SCHOOL_NUMBER, "7777"));
        }
    }

    @Nested
    class CipCodeIs6Digits {
        @ParameterizedTest
        @ValueSource(strings = {"01.5999", "15999", "0159999", ""})
        void otherValuesBreakIt(String cip) {
            breaks(SECONDARY.with(CIP_CODE, cip), PimsCteProfile.RULE_CIP_CODE, CIP_CODE);
        }

        @Test
        void sixDigitsMeetIt() {
            meets(SECONDARY.with(CIP_CODE, "320105"));
        }
    }

    @Nested
    class DeliveryMethodIs70Or75Or80 {
        @ParameterizedTest
        @ValueSource(strings = {"71", "7", "", "AAP"})
        void otherValuesBreakIt(String m) {
            breaks(SECONDARY.with(DELIVERY_METHOD_CODE, m), PimsCteProfile.RULE_DELIVERY_METHOD, DELIVERY_METHOD_CODE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"70", "75"})
        void secondaryCodesMeetIt(String m) {
            meets(SECONDARY.with(DELIVERY_METHOD_CODE, m));
        }

        @Test
        void eightyIsTheAdultAffidavitProgram() {
            assertTrue(ADULT.isAdultAffidavit());
            assertTrue(!ADULT.isSecondary() && SECONDARY.isSecondary());
            meets(ADULT);
        }
    }

    @Nested
    class ReportingDateIsTheLastDayOfTheSchoolYear {
        @Test
        void anotherDateBreaksIt() {
            breaks(SECONDARY.with(REPORTING_DATE, "2026-05-31"), PimsCteProfile.RULE_REPORTING_DATE, REPORTING_DATE);
        }

        @Test
        void anotherYearsJune30BreaksIt() {
            List<RuleViolation> v = profile.check(SECONDARY.with(REPORTING_DATE, "2025-06-30"));
            assertEquals(List.of(PimsCteProfile.RULE_REPORTING_DATE), v.stream().map(RuleViolation::rule).toList());
            assertTrue(v.get(0).message().contains("SCHOOL YEAR DATE of Field 2 (2026-06-30)"), v.get(0).message());
        }

        @Test
        void theSchoolYearDateMeetsIt() {
            meets(SECONDARY.with(REPORTING_DATE, SECONDARY.get(SCHOOL_YEAR_DATE)));
        }
    }

    @Nested
    class NotCollectedFieldsAreEmptyPositions {
        @ParameterizedTest
        @ValueSource(ints = {9, 21, 23, 24, 25, 27, 29, 32})
        void aValueBreaksIt(int field) {
            PimsRecord r = SECONDARY.with(field, "X");
            breaks(r, PimsCteProfile.RULE_NOT_COLLECTED, field);
            assertTrue(profile.check(r).get(0).message().startsWith("Field not collected. Must be delimited"));
        }

        @Test
        void emptyPositionsMeetIt() {
            for (int f : NOT_COLLECTED) {
                assertEquals("", SECONDARY.get(f));
            }
            meets(SECONDARY);
        }
    }

    @Nested
    class CteStatusTypeCodeIs2Digits {
        @ParameterizedTest
        @ValueSource(strings = {"3", "300", "3A", ""})
        void otherValuesBreakIt(String code) {
            List<String> r = rules(SECONDARY.with(CTE_STATUS_TYPE_CODE, code));
            assertEquals(List.of(PimsCteProfile.RULE_STATUS_CODE), r);
        }

        @Test
        void twoDigitsMeetIt() {
            meets(SECONDARY.with(CTE_STATUS_TYPE_CODE, "40"));
        }
    }

    @Nested
    class CompletionPlanCodeIsNa {
        @ParameterizedTest
        @ValueSource(strings = {"", "NA", "n/a", "Y"})
        void otherValuesBreakIt(String v) {
            breaks(SECONDARY.with(COMPLETION_PLAN_CODE, v), PimsCteProfile.RULE_COMPLETION_PLAN, COMPLETION_PLAN_CODE);
        }

        @Test
        void naMeetsIt() {
            meets(SECONDARY.with(COMPLETION_PLAN_CODE, "N/A"));
        }
    }

    @Nested
    class IndicatorsAreYOrN {
        @ParameterizedTest
        @ValueSource(ints = {12, 13, 14, 15, 16, 17, 22, 30, 31, 33})
        void anotherValueBreaksIt(int field) {
            PimsRecord r = SECONDARY.with(field, "Yes").with(PERKINS_CONCENTRATOR, field == 30 ? "Yes" : "N");
            breaks(r, PimsCteProfile.RULE_INDICATOR, field);
            breaks(SECONDARY.with(field, "").with(PERKINS_CONCENTRATOR, field == 30 ? "" : "N"),
                    PimsCteProfile.RULE_INDICATOR, field);
        }

        @ParameterizedTest
        @ValueSource(ints = {12, 13, 14, 15, 16, 17, 22, 33})
        void yAndNMeetIt(int field) {
            meets(SECONDARY.with(field, "Y"));
            meets(SECONDARY.with(field, "N"));
        }
    }

    @Nested
    class PellGrantIsRequiredForAapStudents {
        @Test
        void anEmptyValueForAnAapStudentBreaksIt() {
            breaks(ADULT.with(PELL_GRANT, ""), PimsCteProfile.RULE_PELL, PELL_GRANT);
        }

        @Test
        void aValueOtherThanYOrNBreaksIt() {
            breaks(ADULT.with(PELL_GRANT, "X"), PimsCteProfile.RULE_PELL, PELL_GRANT);
            breaks(SECONDARY.with(PELL_GRANT, "X"), PimsCteProfile.RULE_PELL, PELL_GRANT);
        }

        @Test
        void yOrNForAapAndEmptyForSecondaryMeetIt() {
            meets(ADULT.with(PELL_GRANT, "N"));
            meets(SECONDARY.with(PELL_GRANT, ""));
            meets(SECONDARY.with(PELL_GRANT, "N"));
        }
    }

    @Nested
    class ProgramHoursAreZeroOrMoreToTheHundredth {
        @ParameterizedTest
        @ValueSource(strings = {"-1.00", "12.345", "12,5", "abc", ""})
        void otherValuesBreakIt(String v) {
            breaks(SECONDARY.with(PROGRAM_HOURS, v), PimsCteProfile.RULE_HOURS, PROGRAM_HOURS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.00", "9999.99", "240", "480.5"})
        void hundredthsMeetIt(String v) {
            meets(NOT_A_PARTICIPANT.with(PROGRAM_HOURS, v).with(PERCENT_COMPLETE, "0.00"));
        }
    }

    @Nested
    class PercentageIsZeroTo100 {
        @ParameterizedTest
        @ValueSource(strings = {"100.01", "101", "-5", "50.555", ""})
        void otherValuesBreakIt(String v) {
            breaks(SECONDARY.with(PERCENT_COMPLETE, v), PimsCteProfile.RULE_PERCENT, PERCENT_COMPLETE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0.00", "100.00", "33.33"})
        void zeroTo100MeetIt(String v) {
            meets(SECONDARY.with(PERCENT_COMPLETE, v));
        }
    }

    @Nested
    class YoungFarmersReport1Percent {
        final PimsRecord youngFarmer = ADULT.with(CIP_CODE, PimsCteProfile.YOUNG_FARMERS_CIP);

        @Test
        void anAapYoungFarmerWithAnotherPercentageBreaksIt() {
            breaks(youngFarmer.with(PERCENT_COMPLETE, "45.00"), PimsCteProfile.RULE_YOUNG_FARMERS, PERCENT_COMPLETE);
        }

        @Test
        void oneMeetsItAndSecondaryStudentsAreNotConcerned() {
            meets(youngFarmer.with(PERCENT_COMPLETE, "1.00"));
            meets(SECONDARY.with(CIP_CODE, PimsCteProfile.YOUNG_FARMERS_CIP).with(PERCENT_COMPLETE, "45.00"));
        }
    }

    @Nested
    class PostsecondaryCreditsAreZeroOrMoreToTheHundredth {
        @ParameterizedTest
        @ValueSource(strings = {"-0.01", "1.005", "", "three"})
        void otherValuesBreakIt(String v) {
            breaks(SECONDARY.with(POSTSECONDARY_CREDITS, v), PimsCteProfile.RULE_CREDITS, POSTSECONDARY_CREDITS);
        }

        @Test
        void hundredthsMeetIt() {
            meets(SECONDARY.with(POSTSECONDARY_CREDITS, "0.00"));
            meets(SECONDARY.with(POSTSECONDARY_CREDITS, "12.25"));
        }
    }

    @Nested
    class TaskListCompletionByStatusCode {
        PimsRecord secondary(String status, String taskList) {
            return SECONDARY.with(CTE_STATUS_TYPE_CODE, status).with(TASK_LIST_COMPLETION, taskList);
        }

        @ParameterizedTest
        @ValueSource(strings = {"30", "40"})
        void codes30And40AreYOrNForSpecialEd(String status) {
            meets(secondary(status, "Y"));
            meets(secondary(status, "N")); // special ed: accepted, the template cannot tell (see PimsCteProfile)
            breaks(secondary(status, "N/A"), PimsCteProfile.RULE_TASK_LIST, TASK_LIST_COMPLETION);
        }

        @Test
        void code60IsYOrN() {
            meets(secondary("60", "Y"));
            meets(secondary("60", "N"));
            breaks(secondary("60", "N/A"), PimsCteProfile.RULE_TASK_LIST, TASK_LIST_COMPLETION);
        }

        @ParameterizedTest
        @ValueSource(strings = {"10", "22", "28", "71", "80"})
        void codes10To80AreNa(String status) {
            meets(secondary(status, "N/A"));
            List<RuleViolation> v = profile.check(secondary(status, "Y"));
            assertEquals(List.of(PimsCteProfile.RULE_TASK_LIST), v.stream().map(RuleViolation::rule).toList());
            assertTrue(v.get(0).message().startsWith("For CTE Status Type Codes 10, 22, 28, 71 or 80 – Report N/A"));
        }

        @Test
        void aapStudentsAreNa() {
            meets(ADULT.with(TASK_LIST_COMPLETION, "N/A"));
            breaks(ADULT.with(TASK_LIST_COMPLETION, "Y"), PimsCteProfile.RULE_TASK_LIST, TASK_LIST_COMPLETION);
        }

        @Test
        void anyOtherValueBreaksIt() {
            breaks(secondary("50", "X"), PimsCteProfile.RULE_TASK_LIST, TASK_LIST_COMPLETION);
            meets(secondary("50", "Y"));
        }
    }

    @Nested
    class ConcentratorImpliesParticipant {
        @Test
        void aConcentratorWhoIsNotAParticipantBreaksIt() {
            PimsRecord r = SECONDARY.with(PERKINS_CONCENTRATOR, "Y").with(PERKINS_PARTICIPANT, "N");
            breaks(r, PimsCteProfile.RULE_CONCENTRATOR, PERKINS_PARTICIPANT);
            assertTrue(profile.check(r).get(0).message().contains("this field must be Y – Yes"));
        }

        @Test
        void aConcentratorParticipantOrANonConcentratorMeetsIt() {
            meets(SECONDARY.with(PERKINS_CONCENTRATOR, "Y").with(PERKINS_PARTICIPANT, "Y"));
            meets(SECONDARY.with(PERKINS_CONCENTRATOR, "N").with(PERKINS_PARTICIPANT, "N"));
            meets(SECONDARY.with(PERKINS_CONCENTRATOR, "N").with(PERKINS_PARTICIPANT, "Y"));
        }
    }

    @Nested
    class CertificateOfApprenticeshipIsAppForAdultsOrPre {
        @Test
        void anotherValueBreaksIt() {
            breaks(SECONDARY.with(CERTIFICATE_OF_APPRENTICESHIP, "CERT"), PimsCteProfile.RULE_APPRENTICESHIP,
                    CERTIFICATE_OF_APPRENTICESHIP);
        }

        @Test
        void appForASecondaryStudentBreaksIt() {
            breaks(SECONDARY.with(CERTIFICATE_OF_APPRENTICESHIP, "APP"), PimsCteProfile.RULE_APPRENTICESHIP,
                    CERTIFICATE_OF_APPRENTICESHIP);
        }

        @Test
        void appForAdultsPreForAnyoneOrEmptyMeetIt() {
            meets(ADULT.with(CERTIFICATE_OF_APPRENTICESHIP, "APP"));
            meets(ADULT.with(CERTIFICATE_OF_APPRENTICESHIP, "PRE"));
            meets(SECONDARY.with(CERTIFICATE_OF_APPRENTICESHIP, "PRE"));
            meets(SECONDARY.with(CERTIFICATE_OF_APPRENTICESHIP, ""));
        }
    }

    @Nested
    class DegreeAwardedIsAssocOrBacca {
        @Test
        void anotherValueBreaksIt() {
            breaks(ADULT.with(DEGREE_AWARDED, "MASTER"), PimsCteProfile.RULE_DEGREE, DEGREE_AWARDED);
        }

        @Test
        void assocBaccaOrEmptyMeetIt() {
            meets(ADULT.with(DEGREE_AWARDED, "BACCA"));
            meets(SECONDARY.with(DEGREE_AWARDED, "ASSOC"));
            meets(SECONDARY.with(DEGREE_AWARDED, ""));
        }
    }

    @Nested
    class AdultCreditEquivalencyOnlyForAdults {
        @Test
        void aValueForASecondaryStudentBreaksIt() {
            breaks(SECONDARY.with(ADULT_CREDIT_EQUIVALENCY, "3.00"), PimsCteProfile.RULE_CREDIT_EQUIVALENCY,
                    ADULT_CREDIT_EQUIVALENCY);
        }

        @Test
        void aNonNumberForAnAdultBreaksIt() {
            breaks(ADULT.with(ADULT_CREDIT_EQUIVALENCY, "-1"), PimsCteProfile.RULE_CREDIT_EQUIVALENCY,
                    ADULT_CREDIT_EQUIVALENCY);
            breaks(ADULT.with(ADULT_CREDIT_EQUIVALENCY, "1.234"), PimsCteProfile.RULE_CREDIT_EQUIVALENCY,
                    ADULT_CREDIT_EQUIVALENCY);
        }

        @Test
        void hundredthsForAdultsOrEmptyMeetIt() {
            meets(ADULT.with(ADULT_CREDIT_EQUIVALENCY, "999.99"));
            meets(ADULT.with(ADULT_CREDIT_EQUIVALENCY, ""));
            meets(SECONDARY.with(ADULT_CREDIT_EQUIVALENCY, ""));
        }
    }

    @Nested
    class PercentageAgreesWithHours {
        @Test
        void aPercentageWithoutHoursBreaksIt() {
            PimsRecord r = NOT_A_PARTICIPANT.with(PROGRAM_HOURS, "0.00").with(PERCENT_COMPLETE, "12.50");
            breaks(r, PimsCteProfile.RULE_PERCENT_OF_HOURS, PERCENT_COMPLETE);
            assertTrue(profile.check(r).get(0).message().startsWith("Percent equals cumulative total program"
                    + " instructional hours successfully completed (Field 18) divided by total technical hours"),
                    profile.check(r).toString());
        }

        @Test
        void noHoursAndNoPercentMeetItAndYoungFarmersAreExempt() {
            meets(NOT_A_PARTICIPANT.with(PROGRAM_HOURS, "0.00").with(PERCENT_COMPLETE, "0.00"));
            meets(ADULT.with(CIP_CODE, PimsCteProfile.YOUNG_FARMERS_CIP).with(PROGRAM_HOURS, "0.00")
                    .with(PERCENT_COMPLETE, "1.00"));
        }

        /** Rows of one program (AUN, CIP school, CIP, secondary or AAP): 540 h = 50 %, so 1080 total hours. */
        private PimsRecord program(long line, String student, String hours, String percent) {
            return new PimsRecord("f.csv", line, NOT_A_PARTICIPANT.with(PASECUREID, student)
                    .with(PROGRAM_HOURS, hours).with(PERCENT_COMPLETE, percent).values());
        }

        @Test
        void aRowImplyingAnotherTotalOfTheSameProgramBreaksItNamingARowThatAgrees() {
            List<PimsRecord> rows = List.of(program(1, "1000000001", "540.00", "50.00"),
                    program(2, "1000000002", "1080.00", "100.00"), program(3, "1000000003", "540.00", "75.00"),
                    program(4, "1000000004", "270.00", "25.00"), program(5, "1000000005", "100.00", "9.26"));
            PimsCteProfile.Result r = profile.check(rows);
            assertEquals(1, r.violations().size(), r.violations().toString());
            RuleViolation v = r.violations().get(0);
            assertEquals(3, v.line());
            assertEquals(PimsCteProfile.RULE_PERCENT_OF_HOURS, v.rule());
            assertEquals(PimsField.label(PERCENT_COMPLETE), v.field());
            assertTrue(v.message().contains("line 1 (540.00 hours, 50.00 %)"), v.message());
            assertTrue(v.message().contains("1080"), v.message());
            assertEquals(4, r.validRows().size());
        }

        @Test
        void anotherProgramMayHaveAnotherTotal() {
            PimsRecord otherCip = program(2, "1000000002", "540.00", "75.00").with(CIP_CODE, "470604");
            PimsRecord adult = new PimsRecord("f.csv", 3, ADULT.with(CIP_CODE, "015999").with(PROGRAM_HOURS, "540.00")
                    .with(PERCENT_COMPLETE, "20.00").values());
            assertEquals(List.of(), profile.check(List.of(program(1, "1000000001", "540.00", "50.00"), otherCip,
                    adult)).violations());
        }
    }

    @Nested
    class PerkinsFlagsNeedTheirHours {
        @Test
        void aParticipantWithLessThan240HoursBreaksIt() {
            PimsRecord r = NOT_A_PARTICIPANT.with(PERKINS_PARTICIPANT, "Y").with(PROGRAM_HOURS, "239.99");
            breaks(r, PimsCteProfile.RULE_PARTICIPANT_HOURS, PERKINS_PARTICIPANT);
            assertTrue(profile.check(r).get(0).message().contains("240"), profile.check(r).toString());
        }

        @Test
        void aConcentratorWithLessThan480HoursBreaksIt() {
            PimsRecord r = SECONDARY.with(PROGRAM_HOURS, "479.99");
            breaks(r, PimsCteProfile.RULE_CONCENTRATOR_HOURS, PERKINS_CONCENTRATOR);
            assertTrue(profile.check(r).get(0).message().contains("480"), profile.check(r).toString());
        }

        @Test
        void enoughHoursOrNoFlagMeetIt() {
            meets(NOT_A_PARTICIPANT.with(PERKINS_PARTICIPANT, "Y").with(PROGRAM_HOURS, "240.00"));
            meets(SECONDARY.with(PROGRAM_HOURS, "480.00"));
            meets(NOT_A_PARTICIPANT.with(PROGRAM_HOURS, "100.00"));
        }
    }

    @Nested
    class OneEdFiAssociationPerNaturalKey {
        /** An AAP row of SECONDARY's student, school, CIP and year: valid alone, the same Ed-Fi association. */
        final PimsRecord adultTwin = ADULT.with(PASECUREID, SECONDARY.get(PASECUREID))
                .with(CIP_CODE, SECONDARY.get(CIP_CODE));

        @Test
        void aSecondaryAndAnAapRowOfOneStudentSchoolCipAndYearBreakItNamingTheFirstLine() {
            meets(adultTwin);
            PimsRecord first = new PimsRecord("f.csv", 2, SECONDARY.values());
            PimsRecord later = new PimsRecord("f.csv", 5, adultTwin.values());
            PimsCteProfile.Result r = profile.check(List.of(first, later));
            assertEquals(1, r.violations().size(), r.violations().toString());
            RuleViolation v = r.violations().get(0);
            assertEquals(PimsCteProfile.RULE_ONE_ED_FI_ASSOCIATION, v.rule());
            assertEquals(5, v.line());
            assertTrue(v.message().contains("line 2"), v.message());
            assertEquals(List.of(first), r.validRows());
        }

        @Test
        void anotherCipSchoolOrYearMeetsIt() {
            assertEquals(List.of(), profile.check(List.of(SECONDARY, adultTwin.with(CIP_CODE, "470604"))).violations());
            assertEquals(List.of(), profile.check(List.of(SECONDARY, adultTwin.with(CIP_SCHOOL_NUMBER, "5678")
                    .with(STUDENT_SCHOOL_NUMBER, "5678"))).violations());
        }
    }

    @Nested
    class SecondaryStudentsOneCipPerCipSchool {
        @Test
        void aSecondCipAtTheSameSchoolBreaksItNamingTheFirstLine() {
            PimsRecord first = new PimsRecord("f.csv", 3, SECONDARY.values());
            PimsRecord second = new PimsRecord("f.csv", 7, SECONDARY.with(CIP_CODE, "470604").values());
            PimsCteProfile.Result r = profile.check(List.of(first, second));
            assertEquals(1, r.violations().size(), r.violations().toString());
            RuleViolation v = r.violations().get(0);
            assertEquals(PimsCteProfile.RULE_ONE_CIP_PER_SCHOOL, v.rule());
            assertEquals(7, v.line());
            assertTrue(v.message().contains("already reported on line 3"), v.message());
            assertTrue(v.message().startsWith("Secondary Students: Report secondary students in only one CIP per"
                    + " CIP-School Number (school)"), v.message());
            assertEquals(List.of(first), r.validRows());
        }

        @Test
        void anotherSchoolOrAnotherStudentMeetsIt() {
            PimsRecord otherSchool = SECONDARY.with(CIP_CODE, "470604").with(CIP_SCHOOL_NUMBER, "5678")
                    .with(STUDENT_SCHOOL_NUMBER, "5678");
            PimsRecord otherStudent = SECONDARY.with(PASECUREID, "1000000025");
            assertEquals(List.of(), profile.check(List.of(SECONDARY, otherSchool, otherStudent)).violations());
        }
    }

    @Nested
    class AapStudentsOneEntryPerAapCip {
        @Test
        void aapStudentsMayRepeatWithDistinctCips() {
            PimsRecord second = ADULT.with(CIP_CODE, "460302");
            PimsCteProfile.Result r = profile.check(List.of(ADULT, second));
            assertEquals(List.of(), r.violations());
            assertEquals(2, r.validRows().size());
        }

        @Test
        void theSameAapCipTwiceAtASchoolBreaksIt() {
            PimsCteProfile.Result r = profile.check(List.of(ADULT, ADULT));
            assertEquals(List.of(PimsCteProfile.RULE_DISTINCT_AAP_CIP),
                    r.violations().stream().map(RuleViolation::rule).toList());
        }
    }

    @Nested
    class Layout {
        static String row(PimsRecord r, String d) {
            return String.join(d, r.values());
        }

        @Test
        void commaTabAndPipeAreDetectedAndEveryRowIsAccountedFor(@TempDir Path dir) throws Exception {
            for (String d : List.of(",", "\t", "|")) {
                Path f = dir.resolve("cte" + (int) d.charAt(0) + ".txt");
                String text = "\uFEFF" + row(SECONDARY, d) + "\r\n\r\n" + row(ADULT, d) + "\r\n"
                        + row(ADULT, d) + d + "extra\r\n" + "123456789" + d + "2026-06-30\r\n";
                Files.writeString(f, text, StandardCharsets.UTF_8);
                PimsCteProfile.Result r = profile.check(f);
                assertEquals(4, r.rows(), d);
                assertEquals(2, r.invalidRows(), r.violations().toString());
                assertEquals(List.of(SECONDARY.values(), ADULT.values()),
                        r.validRows().stream().map(PimsRecord::values).toList());
                assertEquals(List.of(4L, 5L), r.violations().stream().map(RuleViolation::line).toList());
                assertEquals(List.of(PimsFileReader.RULE_LAYOUT, PimsFileReader.RULE_LAYOUT),
                        r.violations().stream().map(RuleViolation::rule).toList());
                assertTrue(r.violations().get(0).message().contains("Expected 36"), r.violations().toString());
                assertTrue(r.violations().get(0).message().endsWith("got 37"), r.violations().toString());
                assertTrue(r.violations().get(1).message().endsWith("got 2"), r.violations().toString());
                assertEquals(f.toString(), r.violations().get(0).file());
            }
        }

        @Test
        void quotedCommaFieldsAreRead(@TempDir Path dir) throws Exception {
            Path f = dir.resolve("q.csv");
            String quoted = row(SECONDARY, ",").replace("1000000009", "\"1000000009\"").replace("N/A", "\"N/A\"");
            Files.writeString(f, quoted + "\n" + row(SECONDARY.with(PASECUREID, "\"1000000025"), ",") + "\n");
            PimsCteProfile.Result r = profile.check(f);
            assertEquals(List.of(SECONDARY.values()), r.validRows().stream().map(PimsRecord::values).toList());
            assertEquals(1, r.violations().size());
            assertTrue(r.violations().get(0).message().contains("quoted field is not closed"));
        }

        @Test
        void theWriterWritesWhatTheReaderReads(@TempDir Path dir) throws Exception {
            for (PimsDelimiter d : PimsDelimiter.values()) {
                Path f = dir.resolve("w-" + d + ".txt");
                try (var w = Files.newBufferedWriter(f)) {
                    PimsFileWriter out = new PimsFileWriter(w, d);
                    out.write(SECONDARY);
                    out.write(ADULT);
                }
                PimsCteProfile.Result r = profile.check(f);
                assertEquals(d, r.delimiter());
                assertEquals(List.of(SECONDARY.values(), ADULT.values()),
                        r.validRows().stream().map(PimsRecord::values).toList());
            }
        }
    }
}
