package io.github.edfisdk.profiles.in;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What Infinite Campus knows about one student for the Curricular Material Reimbursement program.
 *
 * @param studentUniqueId    the student's state id (Ed-Fi ID)
 * @param enrollments        the student's enrollments
 * @param framEligibilities  the FRAM eligibility records (Meal and SES)
 * @param textbookOptOutDate start date of a Textbook Opt-Out program with the Opt-Out box checked, null when none
 */
public record CurricularMaterialStudent(String studentUniqueId, List<CampusEnrollment> enrollments,
                                        List<FramEligibility> framEligibilities, LocalDate textbookOptOutDate) {
    public CurricularMaterialStudent {
        enrollments = List.copyOf(Objects.requireNonNull(enrollments, "enrollments"));
        framEligibilities = List.copyOf(Objects.requireNonNull(framEligibilities, "framEligibilities"));
    }

    public CurricularMaterialStudent(String studentUniqueId, List<CampusEnrollment> enrollments,
                                     List<FramEligibility> framEligibilities) {
        this(studentUniqueId, enrollments, framEligibilities, null);
    }
}
