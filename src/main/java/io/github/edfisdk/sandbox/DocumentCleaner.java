package io.github.edfisdk.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.edfisdk.model.ObjectType;
import io.github.edfisdk.model.Property;
import java.math.BigDecimal;

/**
 * Makes the stored form of a validated document, as the ODS would store and return it: only the properties the
 * spec knows (unknown ones, {@code id}, {@code _etag}, {@code link} are dropped), numbers and booleans given as strings
 * stored as JSON numbers and booleans, empty optional strings and empty references treated as absent.
 */
final class DocumentCleaner {
    private DocumentCleaner() {
    }

    static JsonObject clean(ObjectType type, JsonObject in) {
        JsonObject out = new JsonObject();
        for (Property p : ModelWalker.properties(type)) {
            JsonElement v = in.get(p.name());
            if (v == null || v.isJsonNull()) {
                continue;
            }
            JsonElement c = cleanValue(p, v);
            if (c != null) {
                out.add(p.name(), c);
            }
        }
        return out;
    }

    private static JsonElement cleanValue(Property p, JsonElement v) {
        switch (p.kind()) {
            case SCALAR:
                return scalar(p, v);
            case DESCRIPTOR:
                return v.getAsString().isBlank() ? null : new JsonPrimitive(v.getAsString());
            case REFERENCE:
            case OBJECT: {
                JsonObject o = clean(p.type(), v.getAsJsonObject());
                return o.size() == 0 ? null : o;
            }
            case COLLECTION: {
                JsonArray out = new JsonArray();
                for (JsonElement item : v.getAsJsonArray()) {
                    if (item.isJsonNull()) {
                        continue;
                    }
                    out.add(p.type() != null ? clean(p.type(), item.getAsJsonObject()) : scalar(p, item));
                }
                return out;
            }
            default:
                return v;
        }
    }

    private static JsonElement scalar(Property p, JsonElement v) {
        JsonPrimitive prim = v.getAsJsonPrimitive();
        switch (p.scalarType()) {
            case INT32:
            case INT64:
                return new JsonPrimitive(new BigDecimal(prim.getAsString().trim()).longValueExact());
            case NUMBER: {
                if (prim.isNumber()) {
                    return prim;
                }
                return new JsonPrimitive(new BigDecimal(prim.getAsString().trim()));
            }
            case BOOLEAN: {
                if (prim.isBoolean()) {
                    return prim;
                }
                String s = prim.getAsString().trim();
                return new JsonPrimitive(s.equalsIgnoreCase("true") || s.equals("1"));
            }
            case DATE: {
                // A date given as a date-time keeps its date part, as the API stores dates.
                String s = prim.getAsString().trim();
                return new JsonPrimitive(s.length() > 10 ? s.substring(0, 10) : s);
            }
            default: {
                String s = prim.getAsString();
                return s.isBlank() ? null : prim;
            }
        }
    }
}
