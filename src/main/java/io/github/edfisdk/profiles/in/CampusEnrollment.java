package io.github.edfisdk.profiles.in;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One Infinite Campus enrollment.
 *
 * @param districtNumber        the district's state number (4 digits)
 * @param schoolNumber          the school's state number (4 digits)
 * @param startDate             enrollment start date
 * @param endDate               enrollment end date, null when open
 * @param virtualStudentPercent State Reporting Fields &gt; Virtual Student; 100 means 100% virtual; null when blank
 */
public record CampusEnrollment(int districtNumber, int schoolNumber, LocalDate startDate, LocalDate endDate,
                               Integer virtualStudentPercent) {
    public CampusEnrollment {
        Objects.requireNonNull(startDate, "startDate");
    }

    /** An open, in-person enrollment. */
    public static CampusEnrollment open(int districtNumber, int schoolNumber, LocalDate startDate) {
        return new CampusEnrollment(districtNumber, schoolNumber, startDate, null, null);
    }

    public boolean activeOn(LocalDate date) {
        return !startDate.isAfter(date) && (endDate == null || !endDate.isBefore(date));
    }

    /** Virtual Student = 100 on the enrollment record. */
    public boolean fullyVirtual() {
        return virtualStudentPercent != null && virtualStudentPercent >= 100;
    }
}
