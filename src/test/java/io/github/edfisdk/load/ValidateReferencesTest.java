package io.github.edfisdk.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.sandbox.SandboxExtension;
import io.github.edfisdk.sandbox.Seed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edfi validate} and references to data that is not in the input: on a target it looks them up (an abstract
 * {@code educationOrganizationReference} in every concrete education organization the spec has); offline it cannot
 * know, so it reports them as unresolved-offline warnings unless {@code --references error}.
 */
class ValidateReferencesTest {
    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.builder().seed(Seed.MINIMAL).build();
    @TempDir
    static Path dir;
    static Path programs;

    @BeforeAll
    static void data() throws Exception {
        Files.writeString(dir.resolve("creds.properties"),
                "key=" + sandbox.get().key() + "\nsecret=" + sandbox.get().secret() + "\n");
        try (EdFiClient c = EdFiClient.builder().baseUrl(sandbox.get().baseUrl())
                .credentials(sandbox.get().key(), sandbox.get().secret()).build()) {
            c.documents().post("localEducationAgencies", JsonParser.parseString("""
                    {"localEducationAgencyId":6610001,"nameOfInstitution":"Validate LEA",
                     "localEducationAgencyCategoryDescriptor":"uri://ed-fi.org/LocalEducationAgencyCategoryDescriptor#Independent",
                     "categories":[{"educationOrganizationCategoryDescriptor":"uri://ed-fi.org/EducationOrganizationCategoryDescriptor#Local Education Agency"}]}""")
                    .getAsJsonObject());
            c.documents().post("schools", JsonParser.parseString("""
                    {"schoolId":661000101,"nameOfInstitution":"Validate School","educationOrganizationCategories":
                     [{"educationOrganizationCategoryDescriptor":"uri://ed-fi.org/EducationOrganizationCategoryDescriptor#School"}],
                     "gradeLevels":[{"gradeLevelDescriptor":"uri://ed-fi.org/GradeLevelDescriptor#Ninth grade"}]}""")
                    .getAsJsonObject());
        }
        programs = dir.resolve("programs.jsonl");
        String cte = "\"programTypeDescriptor\":\"uri://ed-fi.org/ProgramTypeDescriptor#Career and Technical Education\"";
        Files.writeString(programs, String.join("\n",
                "{\"programName\":\"Of the LEA\"," + cte + ",\"educationOrganizationReference\":{\"educationOrganizationId\":6610001}}",
                "{\"programName\":\"Of the school\"," + cte + ",\"educationOrganizationReference\":{\"educationOrganizationId\":661000101}}",
                "{\"programName\":\"Of nobody\"," + cte + ",\"educationOrganizationReference\":{\"educationOrganizationId\":6619999}}",
                "{\"programName\":\"Of the LEA too\"," + cte + ",\"educationOrganizationReference\":{\"educationOrganizationId\":6610001}}",
                ""));
    }

    private static CliRunner validate(boolean online, String... options) {
        List<String> args = new ArrayList<>(List.of("validate", programs.toString()));
        args.addAll(List.of(options));
        if (online) {
            args.addAll(List.of("--base-url", sandbox.get().baseUrl(), "--credentials-file",
                    dir.resolve("creds.properties").toString()));
        }
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void onTheTargetAnEducationOrganizationReferenceResolvesToTheLeaOrSchoolItNames() {
        CliRunner r = validate(true);
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("programs.jsonl:3 Program"), r.out());
        assertFalse(r.out().contains("programs.jsonl:1 ") || r.out().contains("programs.jsonl:2 ")
                || r.out().contains("programs.jsonl:4 "), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Program ") && l.matches("Program\\s+3\\s+1")), r.out());
    }

    @Test
    void offlineAReferenceOutsideTheInputIsAnUnresolvedOfflineWarningNotAnError() {
        CliRunner r = validate(false);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("Program\\s+4\\s+0")), r.out());
        assertTrue(r.out().contains("4 references (3 distinct) unresolved offline"), r.out());
        assertTrue(r.out().contains("{\"educationOrganizationId\":6610001}: 2 references, first at " + programs + ":1"),
                r.out());
    }

    @Test
    void offlineWithReferencesErrorTheyFailTheirRecords() {
        CliRunner r = validate(false, "--references", "error");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("Program\\s+0\\s+4")), r.out());
    }
}
