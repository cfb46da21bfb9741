package io.github.edfisdk.profiles.nm;

/**
 * New Mexico's 8-digit education organization ids: 35 (New Mexico) + 3-digit LEA number + 3-digit building number.
 * The LEA itself is 35 + LEA + 000.
 */
public final class NmEducationOrganizationIds {
    /** The first two digits of every New Mexico id. */
    public static final int STATE_PREFIX = 35;
    private static final long FIRST = 35_000_000L;
    private static final long LAST = 35_999_999L;

    private NmEducationOrganizationIds() {
    }

    /** 35 + LEA (3 digits) + building (3 digits), e.g. {@code school(1, 50)} is 35001050. */
    public static long school(int leaNumber, int buildingNumber) {
        return FIRST + threeDigits("LEA number", leaNumber) * 1000L + threeDigits("building number", buildingNumber);
    }

    /** The LEA's id: 35 + LEA + 000. */
    public static long lea(int leaNumber) {
        return school(leaNumber, 0);
    }

    /** Whether the id is an 8-digit number starting with 35. */
    public static boolean isNewMexicoId(long id) {
        return id >= FIRST && id <= LAST;
    }

    /** Digits 3-5 of an 8-digit id. */
    public static int leaNumberOf(long id) {
        return (int) (id / 1000 % 1000);
    }

    /** The last 3 digits of an 8-digit id. */
    public static int buildingNumberOf(long id) {
        return (int) (id % 1000);
    }

    private static int threeDigits(String what, int value) {
        if (value < 0 || value > 999) {
            throw new IllegalArgumentException(what + " must have at most 3 digits (0-999), was " + value);
        }
        return value;
    }
}
