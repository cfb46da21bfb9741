package io.github.edfisdk.profiles.in;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.DescriptorUri;
import io.github.edfisdk.profiles.RecordFields;

/** The natural key of a studentProgramAssociation: student, education organization, program and begin date. */
final class CurricularMaterialKeys {
    private CurricularMaterialKeys() {
    }

    static String of(JsonObject record) {
        return "student " + text(record, "studentReference.studentUniqueId")
                + ", educationOrganizationId " + text(record, "educationOrganizationReference.educationOrganizationId")
                + ", program " + text(record, "programReference.educationOrganizationId") + "/'"
                + text(record, "programReference.programName") + "'/"
                + DescriptorUri.codeValueOf(text(record, "programReference.programTypeDescriptor"))
                + ", beginDate " + text(record, "beginDate");
    }

    private static String text(JsonObject record, String path) {
        return RecordFields.get(record, path).map(e -> e.isJsonPrimitive() ? e.getAsString() : e.toString()).orElse("");
    }
}
