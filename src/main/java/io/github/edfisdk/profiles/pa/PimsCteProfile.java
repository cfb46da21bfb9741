package io.github.edfisdk.profiles.pa;

import static io.github.edfisdk.profiles.pa.PimsField.*;

import io.github.edfisdk.model.NaturalKey;
import io.github.edfisdk.profiles.RecordProfile;
import io.github.edfisdk.profiles.RuleViolation;
import io.github.edfisdk.profiles.SchoolYear;
import io.github.edfisdk.profiles.ViolationSink;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pennsylvania PIMS "CTE Student Fact" template rules (seed 004) over PIMS flat files. Profile id {@value #ID}.
 * Messages quote the seed; field names are the seed's ({@code Field 6 (CIP CODE)}).
 *
 * <p>Not checkable from the file alone, so not reported: the Appendix P list of CTE status codes (only "2 digits" is
 * checked) and "N is not a valid value for regular ed students" for status codes 30 and 40 (the template does not say
 * who is in special education, so N is accepted there).
 */
public final class PimsCteProfile implements RecordProfile {
    public static final String ID = "pa-pims-cte";

    public static final String RULE_AUN = "pims.aun";
    public static final String RULE_SCHOOL_YEAR_DATE = "pims.school-year-date";
    public static final String RULE_PASECUREID = "pims.pasecureid";
    public static final String RULE_CIP_SCHOOL = "pims.cip-school-number";
    public static final String RULE_STUDENT_SCHOOL = "pims.student-school-number";
    public static final String RULE_CIP_CODE = "pims.cip-code";
    public static final String RULE_DELIVERY_METHOD = "pims.delivery-method-code";
    public static final String RULE_REPORTING_DATE = "pims.reporting-date";
    public static final String RULE_NOT_COLLECTED = "pims.not-collected";
    public static final String RULE_STATUS_CODE = "pims.cte-status-type-code";
    public static final String RULE_COMPLETION_PLAN = "pims.completion-plan-code";
    public static final String RULE_INDICATOR = "pims.indicator";
    public static final String RULE_HOURS = "pims.program-hours";
    public static final String RULE_PERCENT = "pims.percent-complete";
    public static final String RULE_YOUNG_FARMERS = "pims.young-farmers-percent";
    public static final String RULE_CREDITS = "pims.postsecondary-credits";
    public static final String RULE_PELL = "pims.pell-grant";
    public static final String RULE_TASK_LIST = "pims.task-list-completion";
    public static final String RULE_CONCENTRATOR = "pims.concentrator-is-participant";
    public static final String RULE_APPRENTICESHIP = "pims.certificate-of-apprenticeship";
    public static final String RULE_DEGREE = "pims.degree-awarded";
    public static final String RULE_CREDIT_EQUIVALENCY = "pims.adult-credit-equivalency";
    public static final String RULE_ONE_CIP_PER_SCHOOL = "pims.secondary-one-cip-per-school";
    public static final String RULE_DISTINCT_AAP_CIP = "pims.aap-distinct-cip";
    public static final String RULE_PERCENT_OF_HOURS = "pims.percent-of-program-hours";
    public static final String RULE_PARTICIPANT_HOURS = "pims.participant-hours";
    public static final String RULE_CONCENTRATOR_HOURS = "pims.concentrator-hours";
    public static final String RULE_ONE_ED_FI_ASSOCIATION = "pims.one-ed-fi-association";

    /** The Young Farmers program CIP (01.0301). */
    public static final String YOUNG_FARMERS_CIP = "010301";

    private static final Pattern DIGITS_9 = Pattern.compile("\\d{9}");
    private static final Pattern DIGITS_10 = Pattern.compile("\\d{10}");
    private static final Pattern DIGITS_4 = Pattern.compile("\\d{4}");
    private static final Pattern DIGITS_6 = Pattern.compile("\\d{6}");
    private static final Pattern DIGITS_2 = Pattern.compile("\\d{2}");
    private static final Pattern HUNDREDTHS = Pattern.compile("\\d+(\\.\\d{1,2})?");
    private static final Set<String> TASK_LIST_Y_ONLY = Set.of("30", "40");
    private static final Set<String> TASK_LIST_N_A = Set.of("10", "22", "28", "71", "80");
    /** "Pennsylvania defines completing a CTE course as completing a minimum of 240 technical instructional hours." */
    private static final BigDecimal PARTICIPANT_HOURS = BigDecimal.valueOf(240);
    private static final BigDecimal CONCENTRATOR_HOURS = BigDecimal.valueOf(480);
    private static final PimsCteProgramAssociations MAPPING = new PimsCteProgramAssociations();

    private final SchoolYear schoolYear;

    /** Checks every rule; SCHOOL YEAR DATE may be the June 30 of any year. */
    public PimsCteProfile() {
        this(null);
    }

    /** Also checks that SCHOOL YEAR DATE is the last day of {@code schoolYear}. */
    public PimsCteProfile(SchoolYear schoolYear) {
        this.schoolYear = schoolYear;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Pennsylvania PIMS CTE Student Fact template (36-field flat file)";
    }

    @Override
    public List<RuleViolation> validate(Path file) throws IOException {
        return check(file).violations();
    }

    @Override
    public FileCheck checkFile(Path file) throws IOException {
        Result r = check(file);
        return new FileCheck(r.violations(), r.summary());
    }

    /** What validating one file found: every violation, the rows that meet every rule, and the counts. */
    public record Result(List<RuleViolation> violations, List<PimsRecord> validRows, long rows, long invalidRows,
                         PimsDelimiter delimiter) {
        public String summary() {
            return rows + " row(s): " + (rows - invalidRows) + " valid, " + invalidRows + " invalid";
        }
    }

    /** Validates a file: row by row, then the cross-row rules; never stops at a bad row. */
    public Result check(Path file) throws IOException {
        ViolationSink sink = new ViolationSink(file.toString(), 0);
        List<PimsRecord> rows = new ArrayList<>();
        PimsFileReader.Summary s = PimsFileReader.read(file, rows::add, sink);
        Result r = check(rows, sink);
        long invalid = r.invalidRows() + s.unreadable();
        return new Result(sortByLine(sink.violations()), r.validRows(), s.rows(), invalid, s.delimiter());
    }

    /** Validates rows built in memory (or read elsewhere), the cross-row rules included. */
    public Result check(List<PimsRecord> rows) {
        ViolationSink sink = ViolationSink.inMemory();
        Result r = check(rows, sink);
        return new Result(r.violations(), r.validRows(), rows.size(), r.invalidRows(), PimsDelimiter.COMMA);
    }

    /** The rules of one row alone (not the cross-row rules). */
    public List<RuleViolation> check(PimsRecord row) {
        ViolationSink sink = new ViolationSink(row.file(), row.line());
        checkRow(row, sink);
        return sink.violations();
    }

    private Result check(List<PimsRecord> rows, ViolationSink sink) {
        Map<String, PimsRecord> firstByKey = new HashMap<>();
        Map<String, PimsRecord> firstByEdFiKey = new HashMap<>();
        boolean[] invalid = new boolean[rows.size()];
        List<Integer> meetRowRules = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PimsRecord row = rows.get(i);
            int before = sink.size();
            sink.at(row.file(), row.line());
            checkRow(row, sink);
            checkDistinct(row, sink, firstByKey);
            if (sink.size() == before) {
                // Only a row that meets every row rule converts, so only such rows are compared by Ed-Fi key.
                checkOneEdFiAssociation(row, sink, firstByEdFiKey);
            }
            invalid[i] = sink.size() != before;
            if (!invalid[i]) {
                meetRowRules.add(i);
            }
        }
        for (int i : ProgramHours.disagreeing(rows, meetRowRules, sink)) {
            invalid[i] = true;
        }
        List<PimsRecord> valid = new ArrayList<>();
        long invalidCount = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (invalid[i]) {
                invalidCount++;
            } else {
                valid.add(rows.get(i));
            }
        }
        return new Result(sortByLine(sink.violations()), valid, rows.size(), invalidCount, PimsDelimiter.COMMA);
    }

    private static List<RuleViolation> sortByLine(List<RuleViolation> v) {
        List<RuleViolation> out = new ArrayList<>(v);
        out.sort(java.util.Comparator.comparingLong(RuleViolation::line)); // stable: field order kept within a line
        return out;
    }

    private void checkRow(PimsRecord r, ViolationSink sink) {
        digits(r, sink, SUBMITTING_AUN, DIGITS_9, RULE_AUN,
                "The unique, 9-digit Administrative Unit Number (AUN) assigned by PDE");
        LocalDate yearEnd = schoolYearDate(r, sink);
        digits(r, sink, PASECUREID, DIGITS_10, RULE_PASECUREID,
                "The unique, 10-digit PAsecureID assigned to the student");
        digits(r, sink, CIP_SCHOOL_NUMBER, DIGITS_4, RULE_CIP_SCHOOL, "The unique, PDE-defined, 4-digit school code"
                + " assigned to the school that owns the CTE program approval or registered adult affidavit program");
        if (!r.get(STUDENT_SCHOOL_NUMBER).equals(r.get(CIP_SCHOOL_NUMBER))) {
            report(r, sink, STUDENT_SCHOOL_NUMBER, RULE_STUDENT_SCHOOL, "It is necessary for all LEAs to enter the"
                    + " same value populated in Field 4 (" + r.get(CIP_SCHOOL_NUMBER) + ")");
        }
        digits(r, sink, CIP_CODE, DIGITS_6, RULE_CIP_CODE,
                "The 6-digit Classification of Instructional Program (CIP) code");
        String method = r.get(DELIVERY_METHOD_CODE);
        if (!PimsDeliveryMethod.NAMES.containsKey(method)) {
            report(r, sink, DELIVERY_METHOD_CODE, RULE_DELIVERY_METHOD, "Valid values: 70 – Program of Study,"
                    + " 75 – Career and Technical, 80 – Adult Affidavit Program");
        }
        reportingDate(r, sink, yearEnd);
        for (int f : NOT_COLLECTED) {
            if (!r.get(f).isEmpty()) {
                report(r, sink, f, RULE_NOT_COLLECTED, "Field not collected. Must be delimited in template file"
                        + " (an empty position)");
            }
        }
        String status = r.get(CTE_STATUS_TYPE_CODE);
        boolean statusOk = DIGITS_2.matcher(status).matches();
        if (!statusOk) {
            report(r, sink, CTE_STATUS_TYPE_CODE, RULE_STATUS_CODE, "A 2-digit code reflecting the most appropriate"
                    + " CTE student status (Appendix P of Volume 2 of the PIMS User Manual)");
        }
        if (!r.get(COMPLETION_PLAN_CODE).equals("N/A")) {
            report(r, sink, COMPLETION_PLAN_CODE, RULE_COMPLETION_PLAN,
                    "It will be necessary for all LEAs to enter a value of N/A in this field");
        }
        for (int f : List.of(REGISTERED_APPRENTICE, INTERNSHIP, COOPERATIVE_WORK, JOB_EXPLORATION,
                AGRICULTURE_EXPERIENCE, SCHOOL_SPONSORED_ENTERPRISE, WORK_BASED_EXPERIENCE, PERKINS_CONCENTRATOR,
                PERKINS_PARTICIPANT, SIMULATED_WORK_ENVIRONMENT)) {
            yesNo(r, sink, f);
        }
        boolean hoursOk = hundredths(r, sink, PROGRAM_HOURS, RULE_HOURS, "Report the cumulative total program hours"
                + " successfully completed, 0.00 or more (e.g. 9999.99)");
        boolean percentOk = percent(r, sink);
        if (hoursOk && percentOk) {
            percentNeedsHours(r, sink);
        }
        hundredths(r, sink, POSTSECONDARY_CREDITS, RULE_CREDITS, "Report total postsecondary credits earned, 0.00"
                + " or more: round to the nearest hundredth of a credit");
        pell(r, sink);
        taskList(r, sink, statusOk ? status : null);
        if (r.get(PERKINS_CONCENTRATOR).equals("Y") && !r.get(PERKINS_PARTICIPANT).equals("Y")) {
            report(r, sink, PERKINS_PARTICIPANT, RULE_CONCENTRATOR,
                    "If the CTE student is a concentrator (Field 30 is Y), this field must be Y – Yes");
        }
        if (hoursOk && r.isSecondary()) {
            perkinsHours(r, sink);
        }
        apprenticeship(r, sink);
        String degree = r.get(DEGREE_AWARDED);
        if (!degree.isEmpty() && !degree.equals("ASSOC") && !degree.equals("BACCA")) {
            report(r, sink, DEGREE_AWARDED, RULE_DEGREE,
                    "Valid values: ASSOC – Associate Degree, BACCA – Baccalaureate Degree (or empty)");
        }
        creditEquivalency(r, sink);
    }

    private LocalDate schoolYearDate(PimsRecord r, ViolationSink sink) {
        LocalDate d = isoDate(r.get(SCHOOL_YEAR_DATE));
        if (d == null || d.getMonthValue() != 6 || d.getDayOfMonth() != 30) {
            report(r, sink, SCHOOL_YEAR_DATE, RULE_SCHOOL_YEAR_DATE, "A single date (June 30), the last day of the"
                    + " current school year indicating the whole school year, as yyyy-06-30");
            return null;
        }
        if (schoolYear != null && !d.equals(schoolYear.lastDay())) {
            report(r, sink, SCHOOL_YEAR_DATE, RULE_SCHOOL_YEAR_DATE, "A single date (June 30), the last day of the"
                    + " current school year: " + schoolYear.lastDay());
            return null;
        }
        return d;
    }

    private void reportingDate(PimsRecord r, ViolationSink sink, LocalDate yearEnd) {
        LocalDate d = isoDate(r.get(REPORTING_DATE));
        if (d == null || d.getMonthValue() != 6 || d.getDayOfMonth() != 30) {
            report(r, sink, REPORTING_DATE, RULE_REPORTING_DATE,
                    "The last day of the current school year (June 30), as yyyy-06-30");
        } else if (yearEnd != null && !d.equals(yearEnd)) {
            report(r, sink, REPORTING_DATE, RULE_REPORTING_DATE, "The last day of the current school year: the"
                    + " SCHOOL YEAR DATE of Field 2 (" + yearEnd + ")");
        }
    }

    /** Whether field 19 is a percentage and, for AAP Young Farmers, 1.00. */
    private boolean percent(PimsRecord r, ViolationSink sink) {
        String v = r.get(PERCENT_COMPLETE);
        BigDecimal p = HUNDREDTHS.matcher(v).matches() ? new BigDecimal(v) : null;
        if (p == null || p.compareTo(BigDecimal.valueOf(100)) > 0) {
            report(r, sink, PERCENT_COMPLETE, RULE_PERCENT, "Valid values: 0.00 to 100.00");
            return false;
        } else if (isYoungFarmer(r) && !v.equals("1.00")) {
            report(r, sink, PERCENT_COMPLETE, RULE_YOUNG_FARMERS, "EXCEPTION: Report 1.00 for all adult affidavit"
                    + " students reported in Young Farmers programs (CIP 01.0301)");
            return false;
        }
        return true;
    }

    /** AAP Young Farmers report 1.00 percent whatever their hours (the seed's EXCEPTION). */
    static boolean isYoungFarmer(PimsRecord r) {
        return r.isAdultAffidavit() && r.get(CIP_CODE).equals(YOUNG_FARMERS_CIP);
    }

    /** Percent = Field 18 / total program hours × 100: no hours, no percentage (0 hours is 0.00 %). */
    private static void percentNeedsHours(PimsRecord r, ViolationSink sink) {
        if (isYoungFarmer(r)) {
            return;
        }
        if (new BigDecimal(r.get(PROGRAM_HOURS)).signum() == 0 && new BigDecimal(r.get(PERCENT_COMPLETE)).signum() > 0) {
            report(r, sink, PERCENT_COMPLETE, RULE_PERCENT_OF_HOURS, ProgramHours.RULE_TEXT + "; with 0.00 hours in"
                    + " Field 18 the percentage is 0.00");
        }
    }

    /**
     * Field 31: a participant completed at least ONE CTE course, a concentrator (Field 30) at least TWO, and
     * Pennsylvania counts a completed course as at least 240 technical instructional hours. Field 18 is the
     * cumulative hours the student successfully completed in the CIP, so a Y needs 240 (participant) or 480
     * (concentrator) of them. The other direction is not a rule: a course planned for more than 240 hours a year
     * may be unfinished at 300 hours.
     */
    private static void perkinsHours(PimsRecord r, ViolationSink sink) {
        BigDecimal hours = new BigDecimal(r.get(PROGRAM_HOURS));
        if (r.get(PERKINS_CONCENTRATOR).equals("Y") && hours.compareTo(CONCENTRATOR_HOURS) < 0) {
            report(r, sink, PERKINS_CONCENTRATOR, RULE_CONCENTRATOR_HOURS, "A secondary CTE student who completed at"
                    + " least TWO state defined CTE Courses (Y – Yes (2 Courses/480 hours)); Field 18 reports "
                    + r.get(PROGRAM_HOURS) + " hours, fewer than 480");
        }
        if (r.get(PERKINS_PARTICIPANT).equals("Y") && hours.compareTo(PARTICIPANT_HOURS) < 0) {
            report(r, sink, PERKINS_PARTICIPANT, RULE_PARTICIPANT_HOURS, "A secondary CTE student who completed at"
                    + " least ONE state defined CTE Course (Y – Yes (1 Courses/240 hours)); Field 18 reports "
                    + r.get(PROGRAM_HOURS) + " hours, fewer than 240");
        }
    }

    private void pell(PimsRecord r, ViolationSink sink) {
        String v = r.get(PELL_GRANT);
        if (r.isAdultAffidavit() && v.isEmpty()) {
            report(r, sink, PELL_GRANT, RULE_PELL, "Required for AAP students. A Y/N indicator that specifies whether"
                    + " the AAP student received a federal Pell need-based grant during the academic year");
        } else if (!v.isEmpty() && !v.equals("Y") && !v.equals("N")) {
            report(r, sink, PELL_GRANT, RULE_PELL, "Valid values: Y, N");
        }
    }

    private void taskList(PimsRecord r, ViolationSink sink, String status) {
        String v = r.get(TASK_LIST_COMPLETION);
        String rule;
        boolean ok;
        if (r.isAdultAffidavit()) {
            ok = v.equals("N/A");
            rule = "Adult Affidavit Students: Report N/A for all AAP students";
        } else if (status != null && TASK_LIST_Y_ONLY.contains(status)) {
            // N is for special ed students only; the template cannot tell who they are, so N is accepted.
            ok = v.equals("Y") || v.equals("N");
            rule = "For CTE Status Type Codes 30 and 40 - Report Y if a teacher signs the list signifying that the"
                    + " student fulfilled ALL competency requirements on the task list (N for Special Ed students only)";
        } else if ("60".equals(status)) {
            ok = v.equals("Y") || v.equals("N");
            rule = "For CTE Status Type Code 60 – Report Y if the student fulfilled ALL competency requirements on the"
                    + " task list, N if the student did NOT";
        } else if (status != null && TASK_LIST_N_A.contains(status)) {
            ok = v.equals("N/A");
            rule = "For CTE Status Type Codes 10, 22, 28, 71 or 80 – Report N/A";
        } else {
            ok = v.equals("Y") || v.equals("N") || v.equals("N/A");
            rule = "Valid values: Y – Yes, N – No, N/A";
        }
        if (!ok) {
            report(r, sink, TASK_LIST_COMPLETION, RULE_TASK_LIST, rule
                    + (status == null ? "" : " (CTE Status Type Code " + status + ")"));
        }
    }

    private void apprenticeship(PimsRecord r, ViolationSink sink) {
        String v = r.get(CERTIFICATE_OF_APPRENTICESHIP);
        if (!v.isEmpty() && !v.equals("APP") && !v.equals("PRE")) {
            report(r, sink, CERTIFICATE_OF_APPRENTICESHIP, RULE_APPRENTICESHIP, "Valid values: APP - Certificate of"
                    + " Completion of an Apprenticeship (Adult Students Only), PRE - pre-apprenticeship program (or empty)");
        } else if (v.equals("APP") && r.isSecondary()) {
            report(r, sink, CERTIFICATE_OF_APPRENTICESHIP, RULE_APPRENTICESHIP, "APP - CTE student received a"
                    + " Certificate of Completion of an Apprenticeship in the reporting year (Adult Students Only)");
        }
    }

    private void creditEquivalency(PimsRecord r, ViolationSink sink) {
        String v = r.get(ADULT_CREDIT_EQUIVALENCY);
        if (v.isEmpty()) {
            return;
        }
        if (r.isSecondary()) {
            report(r, sink, ADULT_CREDIT_EQUIVALENCY, RULE_CREDIT_EQUIVALENCY, "Only to be completed for adult"
                    + " students enrolled in accredited CTC/IUs (empty for secondary students)");
        } else {
            hundredths(r, sink, ADULT_CREDIT_EQUIVALENCY, RULE_CREDIT_EQUIVALENCY,
                    "The credit equivalency, 0.00 or more, to the hundredth (e.g. 999.99)");
        }
    }

    /**
     * Secondary students: one CIP per CIP SCHOOL NUMBER per reporting year. AAP students: one entry per AAP CIP
     * (the same CIP twice at a school is a duplicate). The later row is reported, naming the first.
     */
    private static void checkDistinct(PimsRecord r, ViolationSink sink, Map<String, PimsRecord> firstByKey) {
        String student = r.get(PASECUREID);
        String school = r.get(CIP_SCHOOL_NUMBER);
        if (student.isEmpty() || school.isEmpty()) {
            return;
        }
        String key;
        String message;
        String rule;
        if (r.isSecondary()) {
            key = "S|" + r.get(SCHOOL_YEAR_DATE) + "|" + student + "|" + school;
            rule = RULE_ONE_CIP_PER_SCHOOL;
            message = "Secondary Students: Report secondary students in only one CIP per CIP-School Number (school)"
                    + " for a reporting year";
        } else if (r.isAdultAffidavit()) {
            key = "A|" + r.get(SCHOOL_YEAR_DATE) + "|" + student + "|" + school + "|" + r.get(CIP_CODE);
            rule = RULE_DISTINCT_AAP_CIP;
            message = "Adult Affidavit Program (AAP) Students: Report AAP student CIP code(s) in distinct CTE Student"
                    + " Fact Template entries for each AAP CIP";
        } else {
            return;
        }
        PimsRecord first = firstByKey.putIfAbsent(key, r);
        if (first != null) {
            sink.report(PimsField.label(CIP_CODE), rule, message + "; PAsecureID " + student + " at CIP SCHOOL NUMBER "
                    + school + " is already reported on line " + first.line() + " (CIP " + first.get(CIP_CODE)
                    + "); found CIP " + r.get(CIP_CODE));
        }
    }

    /**
     * Two valid rows must not become one Ed-Fi studentCTEProgramAssociation: its natural key (beginDate, school,
     * program, student) has no delivery method, so a secondary and an AAP row of one student, CIP school, CIP and
     * year would be written twice under one key and the second would overwrite the first. The key is the one the
     * conversion produces, read with the Data Standard's identity.
     */
    private static void checkOneEdFiAssociation(PimsRecord r, ViolationSink sink, Map<String, PimsRecord> firstByKey) {
        NaturalKey key = MAPPING.naturalKey(r);
        PimsRecord first = firstByKey.putIfAbsent(key.canonical(), r);
        if (first != null) {
            sink.report(PimsField.label(DELIVERY_METHOD_CODE), RULE_ONE_ED_FI_ASSOCIATION, "This row and line "
                    + first.line() + " become the same Ed-Fi studentCTEProgramAssociation " + key.values()
                    + " (one per student, school, CIP program and school year: the delivery method "
                    + r.get(DELIVERY_METHOD_CODE) + " here, " + first.get(DELIVERY_METHOD_CODE) + " there, is not part"
                    + " of its key), so the later row would overwrite the first; report the student once for this CIP"
                    + " at this school");
        }
    }

    private static void yesNo(PimsRecord r, ViolationSink sink, int f) {
        String v = r.get(f);
        if (!v.equals("Y") && !v.equals("N")) {
            report(r, sink, f, RULE_INDICATOR, "Indicate by Y (Yes) or N (No)");
        }
    }

    private static boolean hundredths(PimsRecord r, ViolationSink sink, int f, String rule, String text) {
        if (!HUNDREDTHS.matcher(r.get(f)).matches()) {
            report(r, sink, f, rule, text);
            return false;
        }
        return true;
    }

    private static void digits(PimsRecord r, ViolationSink sink, int f, Pattern p, String rule, String text) {
        if (!p.matcher(r.get(f)).matches()) {
            report(r, sink, f, rule, text);
        }
    }

    private static void report(PimsRecord r, ViolationSink sink, int f, String rule, String text) {
        String v = r.get(f);
        sink.report(PimsField.label(f), rule, text + "; found " + (v.isEmpty() ? "an empty value" : "'" + v + "'"));
    }

    private static LocalDate isoDate(String text) {
        if (text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
