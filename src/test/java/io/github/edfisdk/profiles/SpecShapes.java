package io.github.edfisdk.profiles;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.model.DataStandard;
import io.github.edfisdk.model.SharedFiles;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: the differences between a payload and the Data Standard's OpenAPI schema (unknown property names,
 * missing required properties, JSON types that do not match), so builders are checked against the real spec.
 */
public final class SpecShapes {
    private static final Map<DataStandard, JsonObject> SCHEMAS = new EnumMap<>(DataStandard.class);

    private SpecShapes() {
    }

    /** Problems of {@code payload} against schema {@code schemaName}, e.g. "edFi_studentCTEProgramAssociation". */
    public static List<String> problems(DataStandard ds, String schemaName, JsonObject payload) {
        List<String> out = new ArrayList<>();
        check(schemas(ds), schema(schemas(ds), schemaName), payload, "$", out);
        return out;
    }

    private static synchronized JsonObject schemas(DataStandard ds) {
        return SCHEMAS.computeIfAbsent(ds, d -> {
            try (Reader r = new InputStreamReader(SharedFiles.open("openapi/" + d.specFolder() + "/resources.json"),
                    StandardCharsets.UTF_8)) {
                JsonObject spec = JsonParser.parseReader(r).getAsJsonObject();
                return spec.has("definitions") ? spec.getAsJsonObject("definitions")
                        : spec.getAsJsonObject("components").getAsJsonObject("schemas");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static JsonObject schema(JsonObject schemas, String name) {
        JsonObject s = schemas.getAsJsonObject(name);
        if (s == null) {
            throw new IllegalArgumentException("No schema " + name);
        }
        return s;
    }

    private static JsonObject resolve(JsonObject schemas, JsonObject prop) {
        if (prop.has("$ref")) {
            String ref = prop.get("$ref").getAsString();
            return schema(schemas, ref.substring(ref.lastIndexOf('/') + 1));
        }
        return prop;
    }

    private static void check(JsonObject schemas, JsonObject schema, JsonElement value, String path, List<String> out) {
        schema = resolve(schemas, schema);
        String type = schema.has("type") ? schema.get("type").getAsString() : "object";
        switch (type) {
            case "object" -> {
                if (!value.isJsonObject()) {
                    out.add(path + ": expected an object");
                    return;
                }
                JsonObject props = schema.getAsJsonObject("properties");
                for (var e : value.getAsJsonObject().entrySet()) {
                    if (!props.has(e.getKey())) {
                        out.add(path + "." + e.getKey() + ": not a property of the schema");
                    } else {
                        check(schemas, props.getAsJsonObject(e.getKey()), e.getValue(), path + "." + e.getKey(), out);
                    }
                }
                if (schema.has("required")) {
                    for (JsonElement r : schema.getAsJsonArray("required")) {
                        if (!value.getAsJsonObject().has(r.getAsString())) {
                            out.add(path + "." + r.getAsString() + ": required");
                        }
                    }
                }
            }
            case "array" -> {
                if (!value.isJsonArray()) {
                    out.add(path + ": expected an array");
                    return;
                }
                for (int i = 0; i < value.getAsJsonArray().size(); i++) {
                    check(schemas, schema.getAsJsonObject("items"), value.getAsJsonArray().get(i), path + "[" + i + "]",
                            out);
                }
            }
            case "string" -> {
                if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                    out.add(path + ": expected a string");
                } else if (schema.has("maxLength") && value.getAsString().length() > schema.get("maxLength").getAsInt()) {
                    out.add(path + ": longer than " + schema.get("maxLength").getAsInt());
                }
            }
            case "integer" -> {
                if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
                    out.add(path + ": expected an integer");
                } else if ("int32".equals(schema.has("format") ? schema.get("format").getAsString() : "")
                        && value.getAsLong() > Integer.MAX_VALUE) {
                    out.add(path + ": does not fit int32");
                }
            }
            case "boolean" -> {
                if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
                    out.add(path + ": expected a boolean");
                }
            }
            default -> {
            }
        }
    }
}
