package io.github.edfisdk.load.csv;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ObjectType;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.ResourceModel;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 * Columns not named in {@code columns} are ignored. Every path must exist in the resource's body in the spec (checked
 * when the mapping is read: an unknown path would be sent, ignored by the ODS, and fail every row), and every column
 * must be in the CSV header (checked when the file is opened, before anything is sent).
 *
 * @param file the mapping file, for messages (null for a mapping built in code)
 */
public record CsvMapping(ResourceModel resource, Map<String, String> columns, Map<String, JsonElement> constants,
                         String descriptorNamespace, Path file) {

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
        List<String> problems = new ArrayList<>();
        columns.forEach((column, path) -> pathProblem(resource, path)
                .ifPresent(p -> problems.add("column '" + column + "' maps to " + p)));
        constants.keySet().forEach(path -> pathProblem(resource, path)
                .ifPresent(p -> problems.add("constant '" + path + "': " + p)));
        if (!problems.isEmpty()) {
            throw new IOException(file + ": " + String.join("; ", problems));
        }
        return new CsvMapping(resource, columns, constants, ns, file);
    }

    /**
     * Why a dotted path ({@code races[0].raceDescriptor}) does not name a value of the resource's body, or empty when
     * it does: each segment must be a property of the spec (exact case, as the API's JSON names), a list needs an
     * index and only a list takes one, and the path ends at a value, not at an object.
     */
    static Optional<String> pathProblem(ResourceModel resource, String path) {
        ObjectType type = resource.body();
        String[] segments = path.split("\\.", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean indexed = false;
            int bracket = seg.indexOf('[');
            if (bracket >= 0) {
                if (!seg.matches("[^\\[\\]]+\\[\\d+\\]")) {
                    return Optional.of("'" + path + "': '" + seg + "' is not NAME or NAME[index]");
                }
                indexed = true;
                seg = seg.substring(0, bracket);
            }
            String at = i == 0 ? resource.collection() : String.join(".", List.of(segments).subList(0, i));
            Property p = type == null ? null : type.property(seg).orElse(null);
            if (p == null) {
                return Optional.of("'" + path + "', which " + resource.collection() + " does not have: " + at
                        + " has no '" + seg + "'" + suggestion(type, seg));
            }
            boolean list = p.kind() == Property.Kind.COLLECTION;
            if (indexed && !list) {
                return Optional.of("'" + path + "': '" + seg + "' is not a list (drop the [index])");
            }
            if (!indexed && list) {
                return Optional.of("'" + path + "': '" + seg + "' is a list: give an item, e.g. " + seg + "[0]"
                        + (p.type() == null ? "" : "." + first(p.type())));
            }
            boolean last = i == segments.length - 1;
            if (last) {
                return p.type() != null ? Optional.of("'" + path + "': '" + seg + "' is an object: map a column to one"
                        + " of its fields, e.g. " + path + "." + first(p.type())) : Optional.empty();
            }
            if (p.type() == null) {
                return Optional.of("'" + path + "': '" + seg + "' is a value and has no fields");
            }
            type = p.type();
        }
        return Optional.empty();
    }

    private static String suggestion(ObjectType type, String name) {
        if (type == null) {
            return "";
        }
        Optional<Property> sameLetters = type.propertyIgnoreCase(name);
        if (sameLetters.isPresent()) {
            return " (did you mean '" + sameLetters.get().name() + "'? names match exactly)";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> close = type.properties().stream().map(Property::name)
                .filter(n -> n.toLowerCase(Locale.ROOT).startsWith(lower) || lower.startsWith(n.toLowerCase(Locale.ROOT)))
                .toList();
        if (!close.isEmpty()) {
            return " (did you mean " + String.join(" or ", close.stream().map(n -> "'" + n + "'").toList()) + "?)";
        }
        return " (it has: " + String.join(", ", type.properties().stream().map(Property::name).toList()) + ")";
    }

    private static String first(ObjectType type) {
        return type.properties().isEmpty() ? "x" : type.properties().get(0).name();
    }

    /** What a mapping file is called in messages. */
    String describe() {
        return file == null ? "the mapping" : "the mapping " + file;
    }

    /** The mapping file next to a CSV file: {@code x.csv -> x.mapping.json}. */
    public static Path sidecar(Path csv) {
        String n = csv.getFileName().toString();
        String stem = n.toLowerCase().endsWith(".csv") ? n.substring(0, n.length() - 4) : n;
        return csv.resolveSibling(stem + ".mapping.json");
    }
}
