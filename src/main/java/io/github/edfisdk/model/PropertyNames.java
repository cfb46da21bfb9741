package io.github.edfisdk.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives the members of a request body the spec's spelling: ODS/API reads bodies with Json.NET, which matches property
 * names ignoring case ({@code "FirstName"} and {@code "firstname"} fill {@code firstName}). When two members differ only
 * in case, the later one wins, as Json.NET's last assignment does. Names the spec does not know are left as they are
 * (the API ignores them). The lookup uses the per-type lower-case map {@link ObjectType} builds once.
 */
public final class PropertyNames {
    private PropertyNames() {
    }

    /** The document with every known member renamed to its spec spelling, nested objects and collections included. */
    public static JsonObject normalise(ObjectType type, JsonObject doc) {
        boolean exact = true;
        for (Map.Entry<String, JsonElement> e : doc.entrySet()) {
            Property p = type.property(e.getKey()).orElse(null);
            if (p == null) {
                p = type.propertyIgnoreCase(e.getKey()).orElse(null);
                exact &= p == null;
            }
            if (p != null) {
                normaliseValue(p, e.getValue());
            }
        }
        if (exact) {
            return doc;
        }
        // Json.NET assigns members in document order, so of two spellings of one name the later one wins.
        JsonObject out = new JsonObject();
        for (Map.Entry<String, JsonElement> e : doc.entrySet()) {
            Property p = type.propertyIgnoreCase(e.getKey()).orElse(null);
            out.add(p == null ? e.getKey() : p.name(), e.getValue());
        }
        return out;
    }

    /** Renames inside nested objects in place (their parents keep the same element objects). */
    private static void normaliseValue(Property p, JsonElement v) {
        if (p.type() == null) {
            return;
        }
        if (v.isJsonObject() && (p.kind() == Property.Kind.OBJECT || p.kind() == Property.Kind.REFERENCE)) {
            replaceMembers(v.getAsJsonObject(), normalise(p.type(), v.getAsJsonObject()));
        } else if (v.isJsonArray() && p.kind() == Property.Kind.COLLECTION) {
            JsonArray items = v.getAsJsonArray();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).isJsonObject()) {
                    items.set(i, normalise(p.type(), items.get(i).getAsJsonObject()));
                }
            }
        }
    }

    private static void replaceMembers(JsonObject target, JsonObject source) {
        if (target == source) {
            return;
        }
        for (String k : new ArrayList<>(target.keySet())) {
            target.remove(k);
        }
        source.entrySet().forEach(e -> target.add(e.getKey(), e.getValue()));
    }
}
