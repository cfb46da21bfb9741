package io.github.edfisdk.profiles.nm;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A child table record ([S_NM_STU_ProgramsFact_C]): the program follows from its ProgramCode.
 *
 * @param student     the student
 * @param enrollment  the school enrollment the program record was active for
 * @param programCode ProgramCode, "3Y" or "4Y"
 * @param entryDate   the program record's entry date
 * @param exitDate    the program record's exit date, null when blank
 */
public record NmEarlyChildhoodProgramFact(NmStudent student, PowerSchoolEnrollment enrollment, String programCode,
                                          LocalDate entryDate, LocalDate exitDate) implements NmEarlyChildhoodSource {
    public NmEarlyChildhoodProgramFact {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(enrollment, "enrollment");
        Objects.requireNonNull(entryDate, "entryDate");
    }

    @Override
    public Optional<EarlyChildhoodProgram> program() {
        return EarlyChildhoodProgram.ofCode(programCode);
    }
}
