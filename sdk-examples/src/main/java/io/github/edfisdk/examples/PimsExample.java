package io.github.edfisdk.examples;

import com.google.gson.JsonObject;
import io.github.edfisdk.client.EdFiClient;
import io.github.edfisdk.client.WriteResult;
import io.github.edfisdk.profiles.RuleViolation;
import io.github.edfisdk.profiles.pa.PimsCteProfile;
import io.github.edfisdk.profiles.pa.PimsCteProgramAssociations;
import io.github.edfisdk.profiles.pa.PimsDelimiter;
import io.github.edfisdk.profiles.pa.PimsEducationOrganizationIds;
import io.github.edfisdk.profiles.pa.PimsFileWriter;
import io.github.edfisdk.profiles.pa.PimsRecord;
import io.github.edfisdk.sandbox.EdFiSandbox;
import io.github.edfisdk.sandbox.Seed;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Pennsylvania PIMS "CTE Student Fact": checks two template rows against the pa-pims-cte rules, sends the valid one to
 * an embedded sandbox ODS as a studentCTEProgramAssociation (with the program, school, student and PIMS descriptor
 * values it refers to), reads it back and writes it as a PIMS row again. The CLI does the same for whole files:
 * {@code ./edfi pims to-edfi FILE}, {@code ./edfi load}, {@code ./edfi export}, {@code ./edfi pims from-edfi}.
 */
public final class PimsExample {
    public static void main(String[] args) throws Exception {
        // Fields 1..36 as in the template; 9, 21, 23-25, 27, 29 and 32 are not collected but delimited (empty).
        PimsRecord secondary = PimsRecord.of("123456789", "2026-06-30", "1000000009", "1234", "1234", "015999", "70",
                "2026-06-30", "", "30", "N/A", "N", "Y", "N", "N", "N", "N", "540.00", "66.67", "3.00", "", "N", "",
                "", "", "", "", "Y", "", "Y", "Y", "", "N", "PRE", "", "");
        // A concentrator must also be a participant (field 31): this row breaks that rule.
        PimsRecord broken = secondary.with(3, "1000000017").with(31, "N");

        PimsCteProfile rules = new PimsCteProfile();
        PimsCteProfile.Result checked = rules.check(List.of(secondary, broken));
        for (RuleViolation v : checked.violations()) {
            System.out.println("pa-pims-cte: " + v.field() + ": " + v.message());
        }
        System.out.println(checked.summary());

        PimsCteProgramAssociations mapping = new PimsCteProgramAssociations();
        try (EdFiSandbox sandbox = EdFiSandbox.builder().seed(Seed.MINIMAL).start();
             EdFiClient client = EdFiClient.builder().baseUrl(sandbox.baseUrl())
                     .credentials(sandbox.key(), sandbox.secret()).build()) {
            // What a PIMS file refers to: PIMS descriptor values, the CIP school, the student, the CTE program.
            for (Map.Entry<String, List<JsonObject>> d : mapping.descriptors().entrySet()) {
                for (JsonObject value : d.getValue()) {
                    client.documents().post("/ed-fi/" + d.getKey(), value);
                }
            }
            long schoolId = PimsEducationOrganizationIds.school("123456789", "1234");
            client.documents().post("/ed-fi/schools", json("{\"schoolId\":" + schoolId + ",\"nameOfInstitution\":"
                    + "\"Example CTC\",\"educationOrganizationCategories\":[{\"educationOrganizationCategoryDescriptor\":"
                    + "\"uri://ed-fi.org/EducationOrganizationCategoryDescriptor#School\"}],\"gradeLevels\":[{"
                    + "\"gradeLevelDescriptor\":\"uri://ed-fi.org/GradeLevelDescriptor#Eleventh grade\"}]}"));
            client.documents().post("/ed-fi/students", json("{\"studentUniqueId\":\"1000000009\",\"firstName\":"
                    + "\"Ada\",\"lastSurname\":\"Byron\",\"birthDate\":\"2009-12-10\"}"));
            for (JsonObject program : mapping.programs(checked.validRows())) {
                client.documents().post("/ed-fi/programs", program);
            }
            for (PimsRecord row : checked.validRows()) {
                WriteResult w = client.documents().post("/ed-fi/studentCTEProgramAssociations", mapping.toEdFi(row));
                System.out.println("POST studentCTEProgramAssociations -> " + w.status());
            }

            StringWriter pims = new StringWriter();
            PimsFileWriter out = new PimsFileWriter(pims, PimsDelimiter.COMMA);
            client.documents().query("/ed-fi/studentCTEProgramAssociations", Map.of()).forEach(item -> {
                PimsRecord back = mapping.fromEdFi(item, "ods", 0);
                System.out.println("same PIMS row after the round trip: " + back.values().equals(secondary.values()));
                try {
                    out.write(back);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            System.out.print("PIMS row from the ODS: " + pims);
        }
    }

    private static JsonObject json(String text) {
        return com.google.gson.JsonParser.parseString(text).getAsJsonObject();
    }
}
