package io.github.edfisdk.profiles.nm;

import io.github.edfisdk.profiles.RecordFields;
import java.util.Optional;

/** Rules both New Mexico profiles share. */
final class NmRules {
    private NmRules() {
    }

    /**
     * The program's education organization is the LEA: 35 + the school's 3-digit LEA number + 000.
     */
    static void programEducationOrganization(RecordFields f, Optional<Long> schoolId, String rule) {
        String path = "$.programReference.educationOrganizationId";
        Optional<Long> program = f.requiredInteger("programReference.educationOrganizationId", rule,
                "programReference.educationOrganizationId is required: the LEA, 35 + LEA number + 000");
        if (program.isEmpty()) {
            return;
        }
        long id = program.get();
        if (!NmEducationOrganizationIds.isNewMexicoId(id) || NmEducationOrganizationIds.buildingNumberOf(id) != 0) {
            f.sink().report(path, rule, "The program's education organization is the LEA, an eight-digit number"
                    + " 35 + LEA number (3 digits) + 000; found " + id);
        } else if (schoolId.isPresent() && NmEducationOrganizationIds.isNewMexicoId(schoolId.get())
                && NmEducationOrganizationIds.leaNumberOf(schoolId.get())
                        != NmEducationOrganizationIds.leaNumberOf(id)) {
            f.sink().report(path, rule, "The program's LEA " + id + " is not the LEA of educationOrganizationId "
                    + schoolId.get());
        }
    }
}
