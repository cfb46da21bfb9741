package io.github.edfisdk.profiles.nm;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One New Mexico LEA as PowerSchool knows it: its district number ([Prefs]Value where Name = 'DistrictNumber') and
 * its schools by School_Number.
 */
public final class NmDistrict {
    private final int leaNumber;
    private final Map<Integer, PowerSchoolSchool> schools;

    public NmDistrict(int leaNumber, Collection<PowerSchoolSchool> schools) {
        NmEducationOrganizationIds.lea(leaNumber); // validates the 3 digits
        this.leaNumber = leaNumber;
        this.schools = schools.stream().collect(Collectors.toUnmodifiableMap(PowerSchoolSchool::schoolNumber,
                Function.identity()));
    }

    public int leaNumber() {
        return leaNumber;
    }

    /** 35 + LEA + 000. */
    public long leaId() {
        return NmEducationOrganizationIds.lea(leaNumber);
    }

    public PowerSchoolSchool school(int schoolNumber) {
        PowerSchoolSchool school = schools.get(schoolNumber);
        if (school == null) {
            throw new IllegalArgumentException("School_Number " + schoolNumber + " is not a school of LEA "
                    + leaNumber + " (known: " + schools.keySet() + ")");
        }
        return school;
    }

    public boolean hasSchool(int schoolNumber) {
        return schools.containsKey(schoolNumber);
    }
}
