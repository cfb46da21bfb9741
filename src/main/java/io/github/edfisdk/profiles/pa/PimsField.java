package io.github.edfisdk.profiles.pa;

import java.util.List;
import java.util.Set;

/**
 * The 36 positions of the PIMS "CTE Student Fact" template (seed 004), by the numbers and names the seed uses.
 * Positions 9, 21, 23-25, 27, 29 and 32 are not collected but must be delimited: they are always empty.
 */
public final class PimsField {
    public static final int COUNT = 36;

    public static final int SUBMITTING_AUN = 1;
    public static final int SCHOOL_YEAR_DATE = 2;
    public static final int PASECUREID = 3;
    public static final int CIP_SCHOOL_NUMBER = 4;
    public static final int STUDENT_SCHOOL_NUMBER = 5;
    public static final int CIP_CODE = 6;
    public static final int DELIVERY_METHOD_CODE = 7;
    public static final int REPORTING_DATE = 8;
    public static final int CTE_STATUS_TYPE_CODE = 10;
    public static final int COMPLETION_PLAN_CODE = 11;
    public static final int REGISTERED_APPRENTICE = 12;
    public static final int INTERNSHIP = 13;
    public static final int COOPERATIVE_WORK = 14;
    public static final int JOB_EXPLORATION = 15;
    public static final int AGRICULTURE_EXPERIENCE = 16;
    public static final int SCHOOL_SPONSORED_ENTERPRISE = 17;
    public static final int PROGRAM_HOURS = 18;
    public static final int PERCENT_COMPLETE = 19;
    public static final int POSTSECONDARY_CREDITS = 20;
    public static final int WORK_BASED_EXPERIENCE = 22;
    public static final int PELL_GRANT = 26;
    public static final int TASK_LIST_COMPLETION = 28;
    public static final int PERKINS_CONCENTRATOR = 30;
    public static final int PERKINS_PARTICIPANT = 31;
    public static final int SIMULATED_WORK_ENVIRONMENT = 33;
    public static final int CERTIFICATE_OF_APPRENTICESHIP = 34;
    public static final int DEGREE_AWARDED = 35;
    public static final int ADULT_CREDIT_EQUIVALENCY = 36;

    /** Fields not collected; "Must be delimited in template file". */
    public static final Set<Integer> NOT_COLLECTED = Set.of(9, 21, 23, 24, 25, 27, 29, 32);

    /** The learning-component Y/N indicators (each one a CTE program service when Y). */
    public static final List<Integer> LEARNING_COMPONENTS = List.of(REGISTERED_APPRENTICE, INTERNSHIP,
            COOPERATIVE_WORK, JOB_EXPLORATION, AGRICULTURE_EXPERIENCE, SCHOOL_SPONSORED_ENTERPRISE,
            WORK_BASED_EXPERIENCE, SIMULATED_WORK_ENVIRONMENT);

    private static final String[] NAMES = new String[COUNT + 1];

    static {
        String[] n = {null, "SUBMITTING AUN", "SCHOOL YEAR DATE", "PASECUREID", "CIP SCHOOL NUMBER",
                "STUDENT SCHOOL NUMBER", "CIP CODE", "DELIVERY METHOD CODE", "REPORTING DATE", null,
                "CTE STATUS TYPE CODE", "CTE PROGRAM COMPLETION PLAN CODE", "REGISTERED APPRENTICE INDICATOR",
                "INTERNSHIP INDICATOR", "COOPERATIVE WORK INDICATOR", "JOB EXPLORATION INDICATOR",
                "AGRICULTURE EXPERIENCE INDICATOR", "SCHOOL-SPONSORED ENTERPRISE INDICATOR",
                "NUMBER OF PROGRAM HOURS COMPLETED", "PERCENTAGE OF PROGRAM COMPLETE",
                "CUMULATIVE POSTSECONDARY CREDITS EARNED", null, "WORK-BASED EXPERIENCE INDICATOR", null, null, null,
                "PELL GRANT INDICATOR", null, "TASK LIST COMPLETION INDICATOR", null, "PERKINS CONCENTRATOR",
                "PERKINS PARTICIPANT", null, "SIMULATED WORK ENVIRONMENT", "CERTIFICATE OF APPRENTICESHIP",
                "DEGREE AWARDED", "ADULT CUMULATIVE CREDIT EQUIVALENCY"};
        System.arraycopy(n, 0, NAMES, 0, n.length);
    }

    private PimsField() {
    }

    /** The seed's name of a field, e.g. "CIP CODE"; "not collected" for the empty positions. */
    public static String name(int field) {
        check(field);
        return NAMES[field] == null ? "not collected" : NAMES[field];
    }

    /** How violations name a field: {@code Field 6 (CIP CODE)}. */
    public static String label(int field) {
        return "Field " + field + " (" + name(field) + ")";
    }

    static void check(int field) {
        if (field < 1 || field > COUNT) {
            throw new IllegalArgumentException("PIMS CTE Student Fact fields are numbered 1 to " + COUNT
                    + ", not " + field);
        }
    }
}
