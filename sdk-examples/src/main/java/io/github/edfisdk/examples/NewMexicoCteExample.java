package io.github.edfisdk.examples;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.profiles.SchoolYear;
import io.github.edfisdk.profiles.nm.NmCteEnrollment;
import io.github.edfisdk.profiles.nm.NmCteProfile;
import io.github.edfisdk.profiles.nm.NmCteProgramAssociations;
import io.github.edfisdk.profiles.nm.NmDistrict;
import io.github.edfisdk.profiles.nm.NmPublication;
import io.github.edfisdk.profiles.nm.NmStudent;
import io.github.edfisdk.profiles.nm.PowerSchoolEnrollment;
import io.github.edfisdk.profiles.nm.PowerSchoolSchool;
import java.time.LocalDate;
import java.util.List;

/**
 * New Mexico "Student CTE Programs": builds studentCTEProgramAssociation payloads from PowerSchool facts, shows which
 * source records the selection criteria leave out and why, and checks the payloads against the nm-cte rules.
 *
 * <p>Run with an optional argument "4.0" for Data Standard 4.0 payloads (default 5.1).
 */
public final class NewMexicoCteExample {
    public static void main(String[] args) {
        DataStandard ds = args.length > 0 ? DataStandard.parse(args[0]) : DataStandard.DS5;
        SchoolYear year = SchoolYear.startingIn(2024);
        NmDistrict district = new NmDistrict(1, List.of(
                PowerSchoolSchool.of(50, 0),        // reports as building 050
                PowerSchoolSchool.of(60, 160)));    // Alternate_School_Number 160
        NmCteProgramAssociations cte =
                new NmCteProgramAssociations(district, year, ds, NmCteProgramAssociations.ED_FI_NAMESPACE);

        LocalDate entry = LocalDate.of(2024, 8, 14);
        List<NmCteEnrollment> sources = List.of(
                new NmCteEnrollment(NmStudent.published("604822"), PowerSchoolEnrollment.active(50, entry), true, null),
                // mid-year transfer: counted at the Enrollment_SchoolID building (60 -> 160)
                new NmCteEnrollment(NmStudent.published("604823"),
                        new PowerSchoolEnrollment(50, 60, PowerSchoolEnrollment.TRANSFERRED_OUT, null, entry, null),
                        true, true),
                // not published: begin date in last school year
                new NmCteEnrollment(NmStudent.published("604824"),
                        PowerSchoolEnrollment.active(50, LocalDate.of(2023, 8, 15)), true, null));

        NmPublication<NmCteEnrollment> publication = cte.publish(sources);
        var gson = new GsonBuilder().setPrettyPrinting().create();
        NmCteProfile rules = new NmCteProfile(year);
        for (JsonObject payload : publication.payloads()) {
            System.out.println(gson.toJson(payload));
            System.out.println("nm-cte violations: " + rules.check(payload));
        }
        publication.excluded().forEach(e -> System.out.println("not published: student "
                + e.source().student().studentUniqueId() + ": " + e.exclusionReasons()));
    }
}
