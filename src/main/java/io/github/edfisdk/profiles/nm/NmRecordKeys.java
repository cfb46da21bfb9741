package io.github.edfisdk.profiles.nm;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.DescriptorUri;
import io.github.edfisdk.profiles.RecordFields;
import java.util.Locale;

/** The "one record per student and enrollment period" key of a studentProgramAssociation-like record. */
final class NmRecordKeys {
    private NmRecordKeys() {
    }

    /** student, school, program (name and type code, case-insensitive) and begin date. */
    static String enrollmentPeriod(JsonObject record) {
        return "student " + text(record, "studentReference.studentUniqueId")
                + ", educationOrganizationId " + text(record, "educationOrganizationReference.educationOrganizationId")
                + ", program '" + text(record, "programReference.programName") + "'/"
                + DescriptorUri.codeValueOf(text(record, "programReference.programTypeDescriptor"))
                + ", beginDate " + text(record, "beginDate");
    }

    /** Case-insensitive form of the key for comparisons. */
    static String comparable(JsonObject record) {
        return enrollmentPeriod(record).toLowerCase(Locale.ROOT);
    }

    private static String text(JsonObject record, String path) {
        return RecordFields.get(record, path).map(e -> e.isJsonPrimitive() ? e.getAsString() : e.toString()).orElse("");
    }
}
