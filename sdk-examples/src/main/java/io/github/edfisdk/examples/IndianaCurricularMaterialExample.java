package io.github.edfisdk.examples;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.github.edfisdk.profiles.SchoolYear;
import io.github.edfisdk.profiles.in.CampusEnrollment;
import io.github.edfisdk.profiles.in.CurricularMaterialProfile;
import io.github.edfisdk.profiles.in.CurricularMaterialPrograms;
import io.github.edfisdk.profiles.in.CurricularMaterialPublication;
import io.github.edfisdk.profiles.in.CurricularMaterialStudent;
import io.github.edfisdk.profiles.in.FramEligibility;
import io.github.edfisdk.profiles.in.FramEligibility.Status;
import java.time.LocalDate;
import java.util.List;

/**
 * Indiana "Curricular Material Reimbursement": decides eligibility on 10/01 of the start year from FRAM records and
 * enrollments, builds the studentProgramAssociation payloads and checks them.
 *
 * <p>The optional argument is the namespace of Indiana's descriptor values.
 */
public final class IndianaCurricularMaterialExample {
    public static void main(String[] args) {
        String namespace = args.length > 0 ? args[0] : "uri://ed-fi.org";
        SchoolYear year = SchoolYear.startingIn(2024);
        var programs = new CurricularMaterialPrograms(year, namespace);
        LocalDate aug1 = LocalDate.of(2024, 8, 1);

        List<CurricularMaterialStudent> students = List.of(
                // free meals since last February, exited mid-year with reason 99 (No Longer Qualifies)
                new CurricularMaterialStudent("1000000001", List.of(CampusEnrollment.open(5385, 5470, aug1)),
                        List.of(new FramEligibility(FramEligibility.Type.MEAL, Status.FREE, LocalDate.of(2024, 2, 12),
                                LocalDate.of(2025, 1, 31), "99"))),
                // reduced (SES)
                new CurricularMaterialStudent("1000000002", List.of(CampusEnrollment.open(5385, 5470, aug1)),
                        List.of(new FramEligibility(FramEligibility.Type.SES, Status.REDUCED, aug1, null, null))),
                // 100% virtual: not reported
                new CurricularMaterialStudent("1000000003", List.of(new CampusEnrollment(5385, 5470, aug1, null, 100)),
                        List.of(FramEligibility.meal(Status.FREE, aug1))));

        CurricularMaterialPublication publication = programs.publish(students);
        var gson = new GsonBuilder().setPrettyPrinting().create();
        var rules = new CurricularMaterialProfile(year);
        for (JsonObject payload : publication.payloads()) {
            System.out.println(gson.toJson(payload));
            System.out.println("in-curricular-material violations: " + rules.check(payload));
        }
        publication.notReported().forEach(d -> System.out.println("not reported: student "
                + d.student().studentUniqueId() + ": " + d.reasons()));
    }
}
