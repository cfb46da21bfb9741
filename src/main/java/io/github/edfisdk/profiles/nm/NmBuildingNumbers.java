package io.github.edfisdk.profiles.nm;

/**
 * The building number (last 3 digits of the educationOrganizationId) of the Student CTE Programs view:
 * sx.LocationCode if not null; if null, the Alternate School Number if &gt; 0; else School_Number. For a mid-year
 * transfer (Enrollment_SchoolID != SchoolID and Enroll_Status = 2) the school numbers are those of the
 * Enrollment_SchoolID building; a not-null LocationCode still wins.
 */
public final class NmBuildingNumbers {
    private NmBuildingNumbers() {
    }

    public static int of(PowerSchoolEnrollment enrollment, NmDistrict district) {
        if (enrollment.hasLocationCode()) {
            return parseLocationCode(enrollment.locationCode());
        }
        return district.school(buildingSchoolNumber(enrollment)).stateSchoolNumber();
    }

    /** The School_Number whose building the record belongs to (Enrollment_SchoolID for a mid-year transfer). */
    public static int buildingSchoolNumber(PowerSchoolEnrollment enrollment) {
        return enrollment.isMidYearTransfer() ? enrollment.enrollmentSchoolId() : enrollment.schoolId();
    }

    static int parseLocationCode(String locationCode) {
        String code = locationCode.trim();
        if (!code.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("sx.LocationCode must be a building number of 1 to 3 digits, was '"
                    + locationCode + "'");
        }
        return Integer.parseInt(code);
    }
}
