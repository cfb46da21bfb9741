package io.github.edfisdk.profiles.nm;

import java.util.Objects;

/**
 * The source facts of one Student CTE Programs record: a student's enrollment period with its CTE program
 * participation ([S_NM_STU_IndustryCred_C]).
 *
 * @param student              the student
 * @param enrollment           the school enrollment; its entry date is the program's begin date
 * @param enrolledInCteProgram whether the student has enrolled in the CTE Program
 * @param programCompleted     CTEProgramCompletionIndicator, null when not known
 */
public record NmCteEnrollment(NmStudent student, PowerSchoolEnrollment enrollment, boolean enrolledInCteProgram,
                              Boolean programCompleted) {
    public NmCteEnrollment {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(enrollment, "enrollment");
    }
}
