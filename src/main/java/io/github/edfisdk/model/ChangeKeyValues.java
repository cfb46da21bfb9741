package io.github.edfisdk.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A natural key as the change queries report it: the {@code keyValues} of {@code /deletes} and the
 * {@code oldKeyValues}/{@code newKeyValues} of {@code /keyChanges}. The names are flat, as the GET query parameters
 * spell them ({@code studentReference.studentUniqueId -> studentUniqueId},
 * {@code programReference.educationOrganizationId -> programEducationOrganizationId}); a key field unified across
 * references ({@code schoolId} of CourseOffering's school and session) appears once. These are the names of the
 * ODS/API 6.1 spec's {@code trackedChanges_edFi_*Key} definitions and of the ODS's identifier projections, which use
 * the same flattened column names in 7.x.
 */
public final class ChangeKeyValues {
    private static final Map<ResourceModel, Map<PropertyPath, String>> NAMES = new ConcurrentHashMap<>();

    private ChangeKeyValues() {
    }

    /** The key values of a document of {@code resource}, in identity order; missing identity values are left out. */
    public static JsonObject of(ResourceModel resource, JsonObject document) {
        JsonObject out = new JsonObject();
        for (Map.Entry<PropertyPath, String> e : names(resource).entrySet()) {
            if (out.has(e.getValue())) {
                continue; // a unified key: one value
            }
            JsonElement v = e.getKey().get(document).orElse(null);
            if (v != null && !v.isJsonNull()) {
                out.add(e.getValue(), v.deepCopy());
            }
        }
        return out;
    }

    /** Identity path to its flat name, in identity order. */
    static Map<PropertyPath, String> names(ResourceModel resource) {
        return NAMES.computeIfAbsent(resource, r -> {
            Map<PropertyPath, String> names = new LinkedHashMap<>();
            for (PropertyPath identity : r.identity()) {
                String name = identity.leaf();
                for (Map.Entry<String, List<PropertyPath>> q : r.queryParameterPaths().entrySet()) {
                    if (q.getValue().contains(identity)) {
                        name = q.getKey();
                        break;
                    }
                }
                names.put(identity, name);
            }
            return names;
        });
    }
}
