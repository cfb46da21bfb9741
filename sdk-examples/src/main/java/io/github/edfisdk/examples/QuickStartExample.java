package io.github.edfisdk.examples;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.client.TypedResource;
import io.github.edfisdk.client.ValidationException;
import io.github.edfisdk.client.WriteResult;
import io.github.edfisdk.ds5.resources.model.EdFiSchool;
import io.github.edfisdk.ds5.resources.model.EdFiStudent;
import io.github.edfisdk.sandbox.EdFiSandbox;
import io.github.edfisdk.sandbox.Seed;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Quick start: an embedded sandbox ODS, a client with OAuth and retries, typed and JSON calls.
 * Against your own ODS, drop the sandbox and pass its URL and your key and secret to the builder.
 */
public final class QuickStartExample {
    public static void main(String[] args) {
        try (EdFiSandbox sandbox = EdFiSandbox.builder().seed(Seed.POPULATED).start();
             EdFiClient client = EdFiClient.builder()
                     .baseUrl(sandbox.baseUrl())
                     .credentials(sandbox.key(), sandbox.secret())
                     .build()) {

            // Typed, generated API of Data Standard 5.1: unchecked, typed errors; no wrapper needed
            List<EdFiSchool> schools = client.ds5().schools().getSchools().limit(10).execute();
            schools.forEach(s -> System.out.println("school " + s.getSchoolId() + " " + s.getNameOfInstitution()));

            // Typed resource: writes return the id and ETag, queries page by themselves
            TypedResource<EdFiStudent> students = client.resource(EdFiStudent.class);
            WriteResult created = students.post(new EdFiStudent()
                    .studentUniqueId("QS-0001")
                    .firstName("Ada")
                    .lastSurname("Lovelace")
                    .birthDate(LocalDate.of(2010, 12, 10)));
            System.out.println("POST students -> " + created.status() + " id=" + created.id());

            EdFiStudent read = students.get(created.id());
            System.out.println("read back " + read.getStudentUniqueId() + " " + read.getFirstName());

            // Any resource by name, as JSON, with auto-paging
            JsonObject enrollment = JsonParser.parseString("{"
                    + "\"schoolReference\":{\"schoolId\":255901001},"
                    + "\"studentReference\":{\"studentUniqueId\":\"QS-0001\"},"
                    + "\"entryDate\":\"2024-08-23\","
                    + "\"entryGradeLevelDescriptor\":\"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade\"}").getAsJsonObject();
            WriteResult w = client.documents().post("/ed-fi/studentSchoolAssociations", enrollment);
            System.out.println("POST studentSchoolAssociations -> " + w.status());
            long count = client.documents().query("/ed-fi/studentSchoolAssociations",
                    Map.of("schoolId", "255901001")).stream().count();
            System.out.println("enrollments at 255901001: " + count);

            // Errors are typed and carry the problem details
            try {
                client.documents().post("/ed-fi/students", JsonParser.parseString("{\"studentUniqueId\":\"QS-0002\"}")
                        .getAsJsonObject());
            } catch (ValidationException e) {
                System.out.println("400 " + e.problem().type() + " " + e.problem().validationErrors());
            }
        }
    }
}
