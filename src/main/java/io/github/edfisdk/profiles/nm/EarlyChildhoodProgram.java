package io.github.edfisdk.profiles.nm;

import java.util.Locale;
import java.util.Optional;

/** The two New Mexico early-childhood programs of the 3Y/4Y Student Program view. */
public enum EarlyChildhoodProgram {
    /** PK3: PowerSchool grade level -2. */
    THREE_Y("3Y", -2, "Child participating in the Early Childhood 3Y Program"),
    /** PK4: PowerSchool grade level -1. */
    FOUR_Y("4Y", -1, "Child participating in the Early Childhood 4Y Program");

    private final String programType;
    private final int gradeLevel;
    private final String programName;

    EarlyChildhoodProgram(String programType, int gradeLevel, String programName) {
        this.programType = programType;
        this.gradeLevel = gradeLevel;
        this.programName = programName;
    }

    /** The ProgramTypeDescriptor code value: "3Y" or "4Y". */
    public String programType() {
        return programType;
    }

    /** PowerSchool's grade level: -2 (PK3) or -1 (PK4). */
    public int gradeLevel() {
        return gradeLevel;
    }

    /** "Child participating in the Early Childhood 3Y Program" or "... 4Y Program". */
    public String programName() {
        return programName;
    }

    /** 3Y for grade level -2 (PK3), 4Y for -1 (PK4), empty otherwise. */
    public static Optional<EarlyChildhoodProgram> ofGradeLevel(int gradeLevel) {
        for (EarlyChildhoodProgram p : values()) {
            if (p.gradeLevel == gradeLevel) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** From a [S_NM_STU_ProgramsFact_C]ProgramCode or a ProgramTypeDescriptor code value: "3Y" or "4Y", any case. */
    public static Optional<EarlyChildhoodProgram> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        for (EarlyChildhoodProgram p : values()) {
            if (p.programType.equals(c)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
