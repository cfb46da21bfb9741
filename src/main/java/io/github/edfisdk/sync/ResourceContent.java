package io.github.edfisdk.sync;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether an ODS item already holds what a payload would write. Server-side fields (id, _etag, _lastModifiedDate,
 * reference links) are ignored; collections compare as unordered (Ed-Fi collections are unordered); strings compare
 * exactly, so a corrected spelling is sent.
 */
final class ResourceContent {
    private static final Set<String> SERVER_FIELDS = Set.of("id", "_etag", "_lastModifiedDate", "link");

    private ResourceContent() {
    }

    static boolean same(JsonObject payload, JsonObject odsItem) {
        return normalize(payload).equals(normalize(odsItem));
    }

    private static JsonElement normalize(JsonElement e) {
        if (e.isJsonObject()) {
            JsonObject out = new JsonObject();
            e.getAsJsonObject().entrySet().stream()
                    .filter(m -> !SERVER_FIELDS.contains(m.getKey()) && !m.getValue().isJsonNull())
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(m -> out.add(m.getKey(), normalize(m.getValue())));
            return out;
        }
        if (e.isJsonArray()) {
            List<JsonElement> items = new ArrayList<>();
            e.getAsJsonArray().forEach(i -> items.add(normalize(i)));
            items.sort(java.util.Comparator.comparing(JsonElement::toString));
            JsonArray out = new JsonArray();
            items.forEach(out::add);
            return out;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            // 35001050 and 35001050.0 are the same id
            return new com.google.gson.JsonPrimitive(e.getAsBigDecimal().stripTrailingZeros());
        }
        return e;
    }
}
