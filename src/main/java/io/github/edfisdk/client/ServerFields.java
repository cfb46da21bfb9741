package io.github.edfisdk.client;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * Removes the members the server adds to what it returns ({@code id}, {@code _etag}, {@code _lastModifiedDate},
 * and {@code link} of references), at any depth, so a GET result can be POSTed again (the ODS rejects a client
 * {@code id} with 400).
 */
public final class ServerFields {
    /** The member names the server owns. */
    public static final Set<String> NAMES = Set.of("id", "_etag", "_lastModifiedDate", "link");

    private ServerFields() {
    }

    /**
     * @param document a document as returned by GET
     * @return a deep copy without server fields; {@code document} is unchanged
     */
    public static JsonObject strip(JsonObject document) {
        JsonObject copy = document.deepCopy();
        stripInPlace(copy);
        return copy;
    }

    /**
     * Strips a generated model ({@code io.github.edfisdk.ds4|ds5.*.model}) through its own JSON mapping, so unknown
     * fields kept in {@code additionalProperties} survive.
     *
     * @param model a generated model instance
     * @return a new instance of the same class without server fields
     */
    @SuppressWarnings("unchecked")
    public static <T> T strip(T model) {
        Gson gson = GeneratedPackage.of(model.getClass()).gson();
        JsonElement tree = gson.toJsonTree(model);
        if (tree.isJsonObject()) {
            stripInPlace(tree.getAsJsonObject());
        }
        return (T) gson.fromJson(tree, model.getClass());
    }

    private static void stripInPlace(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            NAMES.forEach(o::remove);
            for (Map.Entry<String, JsonElement> member : o.entrySet()) {
                stripInPlace(member.getValue());
            }
        } else if (e.isJsonArray()) {
            for (JsonElement item : (JsonArray) e) {
                stripInPlace(item);
            }
        }
    }
}
