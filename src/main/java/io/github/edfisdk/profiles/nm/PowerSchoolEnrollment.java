package io.github.edfisdk.profiles.nm;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One PowerSchool school enrollment of a student (a [Students] row or a ReEnrollments row).
 *
 * @param schoolId            Students.SchoolID (School_Number of the current school)
 * @param enrollmentSchoolId  Students.Enrollment_SchoolID (School_Number of the enrollment's school)
 * @param enrollStatus        Students.Enroll_Status (0 active, 2 transferred out, ...)
 * @param locationCode        sx.LocationCode (S_NM_STU_X), null when not set
 * @param entryDate           EntryDate: the student's latest school entry date
 * @param exitDate            ExitDate, null when still enrolled
 */
public record PowerSchoolEnrollment(int schoolId, int enrollmentSchoolId, int enrollStatus, String locationCode,
                                    LocalDate entryDate, LocalDate exitDate) {
    /** Enroll_Status of a student who transferred out. */
    public static final int TRANSFERRED_OUT = 2;

    public PowerSchoolEnrollment {
        Objects.requireNonNull(entryDate, "entryDate");
    }

    /** An active enrollment at one school. */
    public static PowerSchoolEnrollment active(int schoolId, LocalDate entryDate) {
        return new PowerSchoolEnrollment(schoolId, schoolId, 0, null, entryDate, null);
    }

    /** Mid-year transfer: Enrollment_SchoolID != SchoolID and Enroll_Status = 2. */
    public boolean isMidYearTransfer() {
        return enrollmentSchoolId != schoolId && enrollStatus == TRANSFERRED_OUT;
    }

    public boolean hasLocationCode() {
        return locationCode != null && !locationCode.isBlank();
    }
}
