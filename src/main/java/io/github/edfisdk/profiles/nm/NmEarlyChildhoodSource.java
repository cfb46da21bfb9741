package io.github.edfisdk.profiles.nm;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The source of one 3Y/4Y studentProgramAssociation: an auto-generated record from the student's enrollment and
 * grade level, or a child table record ([S_NM_STU_ProgramsFact_C]).
 */
public sealed interface NmEarlyChildhoodSource permits NmEarlyChildhoodEnrollment, NmEarlyChildhoodProgramFact {
    NmStudent student();

    /** The school enrollment the record belongs to (its School_Number is the school of the record). */
    PowerSchoolEnrollment enrollment();

    /** 3Y or 4Y, empty when the grade level or program code is neither. */
    Optional<EarlyChildhoodProgram> program();

    /** The date the student started the program, before clamping to the school year. */
    LocalDate entryDate();

    /** The date the student exited the program, null when blank. */
    LocalDate exitDate();

    /** A no-show: entry date and exit date are the same date value. */
    default boolean isNoShow() {
        return exitDate() != null && exitDate().equals(entryDate());
    }
}
