package io.github.edfisdk.profiles.in;

/**
 * Indiana's 10-digit education organization ids: 10 + district (corporation) number (4 digits) + school number
 * (4 digits). The state education agency is {@value #STATE}.
 */
public final class IndianaEducationOrganizationIds {
    /** The Indiana Department of Education, owner of the Curricular Material Reimbursement program. */
    public static final long STATE = 1088000000L;
    private static final long FIRST = 1_000_000_000L;
    private static final long LAST = 1_099_999_999L;

    private IndianaEducationOrganizationIds() {
    }

    /** 10 + district (4 digits) + school (4 digits), e.g. {@code school(5385, 5470)} is 1053855470. */
    public static long school(int districtNumber, int schoolNumber) {
        return FIRST + fourDigits("district number", districtNumber) * 10_000L
                + fourDigits("school number", schoolNumber);
    }

    /** Whether the id is a 10-digit number starting with 10. */
    public static boolean isIndianaId(long id) {
        return id >= FIRST && id <= LAST;
    }

    private static int fourDigits(String what, int value) {
        if (value < 0 || value > 9999) {
            throw new IllegalArgumentException(what + " must have at most 4 digits (0-9999), was " + value);
        }
        return value;
    }
}
