package io.github.edfisdk.examples;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.github.edfisdk.profiles.SchoolYear;
import io.github.edfisdk.profiles.nm.NmDistrict;
import io.github.edfisdk.profiles.nm.NmEarlyChildhoodEnrollment;
import io.github.edfisdk.profiles.nm.NmEarlyChildhoodProfile;
import io.github.edfisdk.profiles.nm.NmEarlyChildhoodProgramAssociations;
import io.github.edfisdk.profiles.nm.NmEarlyChildhoodProgramFact;
import io.github.edfisdk.profiles.nm.NmEarlyChildhoodSource;
import io.github.edfisdk.profiles.nm.NmPublication;
import io.github.edfisdk.profiles.nm.NmStudent;
import io.github.edfisdk.profiles.nm.PowerSchoolEnrollment;
import io.github.edfisdk.profiles.nm.PowerSchoolSchool;
import java.time.LocalDate;
import java.util.List;

/**
 * New Mexico "3Y/4Y Student Program": builds early-childhood studentProgramAssociation payloads (dates clamped to the
 * school year) from an auto-generated grade-level record and a child table record, and checks them.
 *
 * <p>The optional argument is the namespace of the state's 3Y/4Y ProgramTypeDescriptor values.
 */
public final class NewMexicoEarlyChildhoodExample {
    public static void main(String[] args) {
        String namespace = args.length > 0 ? args[0] : "uri://ed-fi.org";
        SchoolYear year = SchoolYear.startingIn(2024);
        NmDistrict district = new NmDistrict(12, List.of(new PowerSchoolSchool(10, 0, false, true)));
        var programs = new NmEarlyChildhoodProgramAssociations(district, year, namespace);

        List<NmEarlyChildhoodSource> sources = List.of(
                // PK4 (grade level -1), special education, entered before the school year: begins 2024-07-01
                new NmEarlyChildhoodEnrollment(NmStudent.published("700001"),
                        PowerSchoolEnrollment.active(10, LocalDate.of(2024, 5, 1)), -1, true, null),
                // child table record 3Y, exited in March
                new NmEarlyChildhoodProgramFact(NmStudent.published("700002"),
                        PowerSchoolEnrollment.active(10, LocalDate.of(2024, 8, 14)), "3Y",
                        LocalDate.of(2024, 8, 14), LocalDate.of(2025, 3, 14)),
                // no-show: not published
                new NmEarlyChildhoodProgramFact(NmStudent.published("700003"),
                        PowerSchoolEnrollment.active(10, LocalDate.of(2024, 8, 14)), "4Y",
                        LocalDate.of(2024, 8, 14), LocalDate.of(2024, 8, 14)));

        NmPublication<NmEarlyChildhoodSource> publication = programs.publish(sources);
        var gson = new GsonBuilder().setPrettyPrinting().create();
        var rules = new NmEarlyChildhoodProfile(year);
        for (JsonObject payload : publication.payloads()) {
            System.out.println(gson.toJson(payload));
            System.out.println("nm-early-childhood violations: " + rules.check(payload));
        }
        publication.excluded().forEach(e -> System.out.println("not published: student "
                + e.source().student().studentUniqueId() + ": " + e.exclusionReasons()));
    }
}
