package io.github.edfisdk.profiles.nm;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An auto-generated 3Y/4Y record: the program follows from the student's grade level (-2 PK3, -1 PK4) in a school
 * whose "3Y or 4Y Program Fact records" box is checked; dates are the enrollment's entry and exit dates.
 *
 * @param student                      the student
 * @param enrollment                   the school enrollment
 * @param gradeLevel                   PowerSchool grade level (Transfer Info)
 * @param specialEducation             Special Education Indicator is Y
 * @param specialEducationExitDate     date exited the special education program, null when blank
 */
public record NmEarlyChildhoodEnrollment(NmStudent student, PowerSchoolEnrollment enrollment, int gradeLevel,
                                         boolean specialEducation, LocalDate specialEducationExitDate)
        implements NmEarlyChildhoodSource {
    public NmEarlyChildhoodEnrollment {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(enrollment, "enrollment");
    }

    @Override
    public Optional<EarlyChildhoodProgram> program() {
        return EarlyChildhoodProgram.ofGradeLevel(gradeLevel);
    }

    @Override
    public LocalDate entryDate() {
        return enrollment.entryDate();
    }

    @Override
    public LocalDate exitDate() {
        return enrollment.exitDate();
    }
}
