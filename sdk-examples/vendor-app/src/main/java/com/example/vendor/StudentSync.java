package com.example.vendor;

// readme:imports
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.client.TypedResource;
import io.github.edfisdk.client.ValidationException;
import io.github.edfisdk.client.WriteResult;
import io.github.edfisdk.ds5.resources.model.EdFiStudent;
import java.time.LocalDate;
import java.util.Map;
// /readme:imports

/** What the README's "Use the SDK from Java" shows, compiled and run against the installed SDK artifact. */
public final class StudentSync {
    private StudentSync() {
    }

    /** Posts, reads, updates, pages and handles an error, printing one line for each. */
    public static void run(String baseUrl, String key, String secret) {
        // readme:usage
        try (EdFiClient client = EdFiClient.builder()
                .baseUrl(baseUrl)                       // the API root, or .../data/v3
                .credentials(key, secret)
                .build()) {
            TypedResource<EdFiStudent> students = client.resource(EdFiStudent.class);

            WriteResult created = students.post(new EdFiStudent().studentUniqueId("604822")
                    .firstName("Lisa").lastSurname("Woods").birthDate(LocalDate.of(2010, 1, 13)));
            System.out.println(created.status() + " " + created.id());             // 201 and the new id

            EdFiStudent lisa = students.get(created.id());
            students.put(created.id(), lisa.middleName("Ann"), created.etag());    // If-Match: fails if changed since

            students.query(Map.of("lastSurname", "Woods"))                          // every page, 500 at a time
                    .forEach(s -> System.out.println(s.getStudentUniqueId() + " " + s.getMiddleName()));

            try {
                students.post(new EdFiStudent().studentUniqueId("604823").firstName("Max"));
            } catch (ValidationException e) {                                       // unchecked, typed, with the problem
                System.out.println(e.status() + " " + e.problem().validationErrors()); // {$.lastSurname=[...], ...}
            }
        }
        // /readme:usage
    }

    /** {@code java -cp ... com.example.vendor.StudentSync BASE_URL} with the key and secret in EDFI_API_KEY/EDFI_API_SECRET. */
    public static void main(String[] args) {
        run(args[0], System.getenv("EDFI_API_KEY"), System.getenv("EDFI_API_SECRET"));
    }
}
