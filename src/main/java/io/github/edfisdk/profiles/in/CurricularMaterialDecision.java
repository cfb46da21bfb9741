package io.github.edfisdk.profiles.in;

import java.util.List;

/**
 * Whether a student is reported in the Curricular Material Reimbursement program, with the FRAM record and the
 * enrollment the record comes from, or every reason it is not reported.
 *
 * @param student     the source facts
 * @param reasons     empty when reported
 * @param eligibility the FRAM record reported (its start and end dates are the program's), null when not reported
 * @param enrollment  the enrollment active on the report date (the record's school), null when there is none
 */
public record CurricularMaterialDecision(CurricularMaterialStudent student, List<String> reasons,
                                         FramEligibility eligibility, CampusEnrollment enrollment) {
    public CurricularMaterialDecision {
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty() && (eligibility == null || enrollment == null)) {
            throw new IllegalArgumentException("A reported decision needs its FRAM record and enrollment");
        }
    }

    public boolean reported() {
        return reasons.isEmpty();
    }
}
