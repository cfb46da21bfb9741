package io.github.edfisdk.load;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ResourceModel;
import io.github.edfisdk.model.StrictJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * JSON Lines: one API document per line. The resource is the file's name ({@code students.jsonl},
 * {@code Student.jsonl}, {@code studentSchoolAssociations.ndjson}) or a {@code _resource} member of the line, which
 * wins and is removed before sending. Blank lines are skipped; a line that is not a JSON object (malformed, a member
 * given twice, not UTF-8, too long: see {@link InputLines}, {@link StrictJson}), or names no known resource, is an
 * unreadable record at its line, and the other lines are read as usual.
 */
public final class JsonLinesFile implements InputFile {
    static final String RESOURCE_FIELD = "_resource";

    private final Path path;
    private final DataStandardModel model;
    private final ResourceModel fileResource;
    private Set<ResourceModel> resources;
    private long count = -1;

    public JsonLinesFile(Path path, DataStandardModel model) {
        this.path = path;
        this.model = model;
        this.fileResource = model.resource(stem(path)).orElse(null);
    }

    static String stem(Path path) {
        String n = path.getFileName().toString();
        int dot = n.indexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public synchronized Set<ResourceModel> resources() throws IOException {
        if (resources == null) {
            Set<ResourceModel> found = new LinkedHashSet<>();
            long n = 0;
            try (InputLines r = new InputLines(path)) {
                InputLines.Line l;
                while ((l = r.next()) != null) {
                    String line = l.readable() ? l.text() : "?";
                    if (!line.isBlank()) {
                        n++;
                    }
                    if (line.contains("\"" + RESOURCE_FIELD + "\"")) {
                        parsed(line).flatMap(this::lineResource).ifPresent(found::add);
                    } else if (fileResource != null && !line.isBlank()) {
                        found.add(fileResource);
                    }
                }
            }
            resources = found;
            count = n;
        }
        return resources;
    }

    @Override
    public synchronized long recordCount() {
        return count;
    }

    @Override
    public void read(Predicate<ResourceModel> wanted, boolean includeUnknown, Consumer<InputRecord> sink) throws IOException {
        try (InputLines r = new InputLines(path)) {
            InputLines.Line l;
            while ((l = r.next()) != null) {
                if (l.readable() && l.text().isBlank()) {
                    continue;
                }
                InputRecord rec = l.readable() ? record(l.text(), l.bytes(), l.number())
                        : InputRecord.unreadable(name(), l.number(), fileResource, l.error());
                boolean pass = rec.resource() != null ? wanted.test(rec.resource()) : includeUnknown;
                if (pass) {
                    sink.accept(rec);
                }
            }
        }
    }

    private InputRecord record(String line, byte[] bytes, long n) {
        JsonObject doc;
        try {
            JsonElement e = StrictJson.parse(line);
            if (!e.isJsonObject()) {
                return InputRecord.unreadable(name(), n, fileResource, "not a JSON object");
            }
            doc = e.getAsJsonObject();
        } catch (StrictJson.Malformed e) {
            return InputRecord.unreadable(name(), n, fileResource, "malformed JSON: " + e.getMessage());
        }
        ResourceModel resource = fileResource;
        JsonElement named = doc.remove(RESOURCE_FIELD);
        if (named != null) {
            Optional<ResourceModel> r = named.isJsonPrimitive() ? model.resource(named.getAsString()) : Optional.empty();
            if (r.isEmpty()) {
                return InputRecord.unreadable(name(), n, null, "unknown resource " + named + " in " + RESOURCE_FIELD);
            }
            resource = r.get();
        }
        if (resource == null) {
            return InputRecord.unreadable(name(), n, null, "no resource: name the file after it (e.g. students.jsonl)"
                    + " or give \"" + RESOURCE_FIELD + "\" on each line");
        }
        // The line is sent as read unless _resource was taken out of it.
        return named == null ? InputRecord.of(name(), n, resource, doc, bytes) : InputRecord.of(name(), n, resource, doc);
    }

    private Optional<JsonObject> parsed(String line) {
        try {
            JsonElement e = StrictJson.parse(line);
            return e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
        } catch (StrictJson.Malformed e) {
            return Optional.empty();
        }
    }

    private Optional<ResourceModel> lineResource(JsonObject doc) {
        JsonElement named = doc.get(RESOURCE_FIELD);
        return named != null && named.isJsonPrimitive() ? model.resource(named.getAsString()) : Optional.empty();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
