package io.github.edfisdk.load.csv;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ResourceModel;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the columns of a CSV file become an API document. A small JSON file:
 * <pre>{@code
 * {
 *   "resource": "studentSchoolAssociations",
 *   "columns": { "Student ID": "studentReference.studentUniqueId",
 *                "School": "schoolReference.schoolId",
 *                "Entry date": "entryDate",
 *                "Grade": "entryGradeLevelDescriptor",
 *                "Race": "races[0].raceDescriptor" },
 *   "constants": { "entryTypeDescriptor": "uri://ed-fi.org/EntryTypeDescriptor#Next year school" },
 *   "descriptorNamespace": "uri://ed-fi.org"
 * }
 * }</pre>
 * Paths are dotted JSON paths with {@code [i]} for array items. Values get the spec's types (numbers, booleans);
 * an empty cell leaves its property out. A descriptor cell holding a bare code value ({@code Ninth grade}) becomes
 * {@code descriptorNamespace/GradeLevelDescriptor#Ninth grade}. Constants (any JSON value) are set on every record.
 * Columns not named in {@code columns} are ignored.
 */
public record CsvMapping(ResourceModel resource, Map<String, String> columns, Map<String, JsonElement> constants,
                         String descriptorNamespace) {

    /** Reads a mapping file; {@code resource} must name a resource of {@code model}. */
    public static CsvMapping read(Path file, DataStandardModel model) throws IOException {
        JsonObject o;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement e = JsonParser.parseReader(r);
            if (!e.isJsonObject()) {
                throw new IOException(file + ": a CSV mapping is a JSON object");
            }
            o = e.getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!o.has("resource") || !o.get("resource").isJsonPrimitive()) {
            throw new IOException(file + ": \"resource\" is required (e.g. \"students\")");
        }
        String name = o.get("resource").getAsString();
        ResourceModel resource = model.resource(name)
                .orElseThrow(() -> new IOException(file + ": unknown resource '" + name + "'"));
        Map<String, String> columns = new LinkedHashMap<>();
        if (o.has("columns")) {
            if (!o.get("columns").isJsonObject()) {
                throw new IOException(file + ": \"columns\" maps column names to JSON paths");
            }
            o.getAsJsonObject("columns").entrySet().forEach(en -> columns.put(en.getKey(), en.getValue().getAsString()));
        }
        Map<String, JsonElement> constants = new LinkedHashMap<>();
        if (o.has("constants")) {
            o.getAsJsonObject("constants").entrySet().forEach(en -> constants.put(en.getKey(), en.getValue()));
        }
        String ns = o.has("descriptorNamespace") ? o.get("descriptorNamespace").getAsString() : "uri://ed-fi.org";
        if (columns.isEmpty()) {
            throw new IOException(file + ": \"columns\" is required and must map at least one column");
        }
        return new CsvMapping(resource, columns, constants, ns);
    }

    /** The mapping file next to a CSV file: {@code x.csv -> x.mapping.json}. */
    public static Path sidecar(Path csv) {
        String n = csv.getFileName().toString();
        String stem = n.toLowerCase().endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
        return csv.resolveSibling(stem + ".mapping.json");
    }
}
