package io.github.edfisdk.profiles.pa;

/**
 * The Ed-Fi educationOrganizationId of a PIMS CIP school: the 9-digit AUN followed by the 4-digit CIP SCHOOL NUMBER,
 * e.g. AUN 123456789 and school 1234 are 1234567891234. Thirteen digits need the 64-bit ids of Data Standard 5.x;
 * the mapping is reversible because both parts have a fixed width.
 */
public final class PimsEducationOrganizationIds {
    private static final long SCHOOLS = 10_000L;
    private static final long MAX = 9_999_999_999_999L;

    private PimsEducationOrganizationIds() {
    }

    /** {@code aun} 9 digits, {@code schoolNumber} 4 digits, as in fields 1 and 4. */
    public static long school(String aun, String schoolNumber) {
        if (!aun.matches("\\d{9}") || !schoolNumber.matches("\\d{4}")) {
            throw new IllegalArgumentException("AUN must be 9 digits and CIP SCHOOL NUMBER 4 digits; got '" + aun
                    + "' and '" + schoolNumber + "'");
        }
        return Long.parseLong(aun) * SCHOOLS + Long.parseLong(schoolNumber);
    }

    /** Whether {@code id} can be a PIMS CIP school id (at most 13 digits, not negative). */
    public static boolean isPimsSchoolId(long id) {
        return id >= 0 && id <= MAX;
    }

    /** The 9-digit AUN of a PIMS school id. */
    public static String aunOf(long id) {
        requirePims(id);
        return String.format("%09d", id / SCHOOLS);
    }

    /** The 4-digit CIP SCHOOL NUMBER of a PIMS school id. */
    public static String schoolNumberOf(long id) {
        requirePims(id);
        return String.format("%04d", id % SCHOOLS);
    }

    private static void requirePims(long id) {
        if (!isPimsSchoolId(id)) {
            throw new IllegalArgumentException(id + " is not AUN (9 digits) + CIP SCHOOL NUMBER (4 digits)");
        }
    }
}
