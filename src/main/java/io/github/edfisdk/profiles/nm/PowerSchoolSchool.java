package io.github.edfisdk.profiles.nm;

/**
 * The facts of one PowerSchool school ([Schools]) the New Mexico profiles need.
 *
 * @param schoolNumber                [Schools]School_Number, the key Students.SchoolID and Enrollment_SchoolID refer to
 * @param alternateSchoolNumber       [Schools]Alternate_School_Number, 0 when not set
 * @param excludedFromStateReporting  the school's "exclude from state reporting" flag
 * @param reports3Y4YProgramFacts     District Setup "3Y or 4Y Program Fact records" box (auto-generated 3Y/4Y records)
 */
public record PowerSchoolSchool(int schoolNumber, int alternateSchoolNumber, boolean excludedFromStateReporting,
                                boolean reports3Y4YProgramFacts) {

    /** A school that is reported to the state and does not auto-generate 3Y/4Y records. */
    public static PowerSchoolSchool of(int schoolNumber, int alternateSchoolNumber) {
        return new PowerSchoolSchool(schoolNumber, alternateSchoolNumber, false, false);
    }

    /** Alternate_School_Number if it is greater than zero, else School_Number. */
    public int stateSchoolNumber() {
        return alternateSchoolNumber > 0 ? alternateSchoolNumber : schoolNumber;
    }
}
