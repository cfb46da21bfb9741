package io.github.edfisdk.load;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.edfisdk.model.PropertyPath;
import io.github.edfisdk.model.ResourceModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keys that let a reference be matched to the record it points to without knowing how the reference's field names
 * map to the target's identity ({@code educationOrganizationReference.educationOrganizationId} is a school's
 * {@code schoolId}): the sorted, normalized values. An Ed-Fi reference carries exactly its target's identity values,
 * once each (unified key fields appear once in a reference), so the two value sets are equal when the reference
 * resolves.
 */
final class ReferenceKeys {
    private ReferenceKeys() {
    }

    /** The value key of a record, from its identity. */
    static String ofRecord(ResourceModel r, JsonObject doc) {
        List<String> values = new ArrayList<>();
        for (PropertyPath p : r.identity()) {
            p.get(doc).ifPresent(v -> values.add(normalize(v)));
        }
        return join(values);
    }

    /** The value key of a reference object (its {@code link} left out). */
    static String ofReference(JsonObject ref) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : ref.entrySet()) {
            if (!e.getKey().equals("link")) {
                values.add(normalize(e.getValue()));
            }
        }
        return join(values);
    }

    /** Distinct values, sorted: a unified key ({@code schoolId} of both a school and a session) is one value. */
    private static String join(List<String> values) {
        return String.join("\u001f", new java.util.TreeSet<>(values));
    }

    static String normalize(JsonElement v) {
        if (v.isJsonPrimitive()) {
            JsonPrimitive p = v.getAsJsonPrimitive();
            String s = p.getAsString().trim();
            if (p.isNumber() || s.matches("-?\\d+(\\.\\d+)?")) {
                try {
                    return new BigDecimal(s).stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    return s.toLowerCase(Locale.ROOT);
                }
            }
            return s.toLowerCase(Locale.ROOT);
        }
        return v.toString().toLowerCase(Locale.ROOT);
    }
}
