package io.github.edfisdk.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

/** A dotted path from a document's root to a scalar, e.g. {@code programReference.programName}. */
public record PropertyPath(List<String> segments) {
    public PropertyPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("empty property path");
        }
    }

    public static PropertyPath of(String... segments) {
        return new PropertyPath(List.of(segments));
    }

    public static PropertyPath parse(String dotted) {
        return new PropertyPath(List.of(dotted.split("\\.")));
    }

    /** The last segment, e.g. {@code programName}. */
    public String leaf() {
        return segments.get(segments.size() - 1);
    }

    /** The value at this path, if every object on the way is present and the leaf is not JSON null. */
    public Optional<JsonElement> get(JsonObject doc) {
        JsonElement current = doc;
        for (String s : segments) {
            if (current == null || !current.isJsonObject()) {
                return Optional.empty();
            }
            current = current.getAsJsonObject().get(s);
        }
        return current == null || current.isJsonNull() ? Optional.empty() : Optional.of(current);
    }

    /** Sets the value at this path in {@code doc}, creating (or replacing non-object) objects on the way. */
    public void put(JsonObject doc, JsonElement value) {
        JsonObject at = doc;
        for (int i = 0; i < segments.size() - 1; i++) {
            JsonElement next = at.get(segments.get(i));
            if (next == null || !next.isJsonObject()) {
                next = new JsonObject();
                at.add(segments.get(i), next);
            }
            at = next.getAsJsonObject();
        }
        at.add(leaf(), value);
    }

    /** The JSON path the Ed-Fi API uses in validation errors, e.g. {@code $.programReference.programName}. */
    public String jsonPath() {
        return "$." + String.join(".", segments);
    }

    @Override
    public String toString() {
        return String.join(".", segments);
    }
}
