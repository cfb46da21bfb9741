package io.github.edfisdk.load.csv;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.edfisdk.load.InputFile;
import io.github.edfisdk.load.InputRecord;
import io.github.edfisdk.model.ObjectType;
import io.github.edfisdk.model.Property;
import io.github.edfisdk.model.ResourceModel;
import io.github.edfisdk.model.ScalarType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A CSV file (RFC 4180: header row, quoted fields may hold commas, quotes and line breaks) mapped to one resource by a
 * {@link CsvMapping}. Streams: one record in memory at a time. A record's line is the line where it starts.
 */
public final class CsvFile implements InputFile {
    private final Path path;
    private final CsvMapping mapping;

    public CsvFile(Path path, CsvMapping mapping) {
        this.path = path;
        this.mapping = mapping;
    }

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public Set<ResourceModel> resources() {
        return Set.of(mapping.resource());
    }

    @Override
    public void read(Predicate<ResourceModel> wanted, boolean includeUnknown, Consumer<InputRecord> sink) throws IOException {
        if (!wanted.test(mapping.resource())) {
            return;
        }
        // Bytes that are not UTF-8 become U+FFFD, and the record holding them is reported: one bad byte must not stop
        // the file (a strict decoder throws "Input length = 1" and loses every record after it).
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(path), utf8))) {
            CsvParser parser = new CsvParser(r);
            List<String> header = header(parser);
            if (header == null) {
                return;
            }
            List<String> row;
            while (true) {
                long line = parser.line() + 1;
                try {
                    row = parser.next();
                } catch (CsvParser.MalformedCsvException e) {
                    sink.accept(InputRecord.unreadable(name(), e.line(), mapping.resource(), e.getMessage()));
                    return; // an unterminated quote swallows the rest of the file: nothing after it can be trusted
                }
                if (row == null) {
                    return;
                }
                line = parser.recordStartLine();
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue;
                }
                if (row.stream().anyMatch(cell -> cell.indexOf('\uFFFD') >= 0)) {
                    sink.accept(InputRecord.unreadable(name(), line, mapping.resource(),
                            "not valid UTF-8 (save the file as UTF-8)"));
                    continue;
                }
                if (row.size() != header.size()) {
                    sink.accept(InputRecord.unreadable(name(), line, mapping.resource(),
                            "expected " + header.size() + " fields, found " + row.size()));
                    continue;
                }
                try {
                    sink.accept(InputRecord.of(name(), line, mapping.resource(), document(header, row)));
                } catch (IllegalArgumentException e) {
                    sink.accept(InputRecord.unreadable(name(), line, mapping.resource(), e.getMessage()));
                }
            }
        }
    }

    /**
     * Checks the header against the mapping without reading the rows, so a run is refused before anything is sent.
     *
     * @throws IOException a mapped column the header does not have (named with the mapping file)
     */
    public void checkHeader() throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(path), utf8))) {
            header(new CsvParser(r));
        } catch (CsvParser.MalformedCsvException e) {
            throw new IOException(name() + ":" + e.line() + ": the header: " + e.getMessage(), e);
        }
    }

    /** The header row (byte-order mark dropped), after checking every mapped column is in it; null for an empty file. */
    private List<String> header(CsvParser parser) throws IOException {
        List<String> header = parser.next();
        if (header == null) {
            return null;
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        for (String column : mapping.columns().keySet()) {
            if (!header.contains(column)) {
                String near = header.stream().filter(h -> h.strip().equalsIgnoreCase(column.strip())).findFirst()
                        .map(h -> " (the header has '" + h + "': column names match exactly)").orElse("");
                throw new IOException(name() + ": " + mapping.describe() + " names column '" + column
                        + "', which the header " + header + " does not have" + near);
            }
        }
        return header;
    }

    private JsonObject document(List<String> header, List<String> row) {
        JsonObject doc = new JsonObject();
        for (Map.Entry<String, JsonElement> c : mapping.constants().entrySet()) {
            set(doc, mapping.resource().body(), c.getKey(), c.getValue().deepCopy(), null);
        }
        for (Map.Entry<String, String> c : mapping.columns().entrySet()) {
            String cell = row.get(header.indexOf(c.getKey()));
            if (cell.isEmpty()) {
                continue;
            }
            set(doc, mapping.resource().body(), c.getValue(), null, cell);
        }
        return doc;
    }

    /** Sets {@code path} (e.g. {@code races[0].raceDescriptor}) to the constant, or to the cell typed by the spec. */
    private void set(JsonObject doc, ObjectType type, String path, JsonElement constant, String cell) {
        String[] segments = path.split("\\.");
        JsonObject o = doc;
        ObjectType t = type;
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            int index = -1;
            int bracket = seg.indexOf('[');
            if (bracket >= 0) {
                if (!seg.endsWith("]")) {
                    throw new IllegalArgumentException("bad path '" + path + "' in the mapping");
                }
                index = Integer.parseInt(seg.substring(bracket + 1, seg.length() - 1));
                seg = seg.substring(0, bracket);
            }
            Property p = t == null ? null : t.property(seg).orElse(null);
            boolean last = i == segments.length - 1;
            if (last && index < 0) {
                o.add(seg, constant != null ? constant : value(p, cell));
                return;
            }
            if (index >= 0) {
                JsonArray a = o.has(seg) && o.get(seg).isJsonArray() ? o.getAsJsonArray(seg) : new JsonArray();
                o.add(seg, a);
                while (a.size() <= index) {
                    a.add(last ? com.google.gson.JsonNull.INSTANCE : new JsonObject());
                }
                if (last) {
                    a.set(index, constant != null ? constant : value(p, cell));
                    return;
                }
                o = a.get(index).getAsJsonObject();
            } else {
                JsonObject child = o.has(seg) && o.get(seg).isJsonObject() ? o.getAsJsonObject(seg) : new JsonObject();
                o.add(seg, child);
                o = child;
            }
            t = p == null ? null : p.type();
        }
    }

    private JsonElement value(Property p, String cell) {
        if (p == null) {
            return new JsonPrimitive(cell); // a path the spec does not know: sent as text, the API decides
        }
        if (p.kind() == Property.Kind.DESCRIPTOR || p.descriptorName() != null) {
            if (!cell.contains("#")) {
                return new JsonPrimitive(mapping.descriptorNamespace() + "/" + p.descriptorName() + "#" + cell);
            }
            return new JsonPrimitive(cell);
        }
        ScalarType t = p.scalarType();
        if (t == null) {
            return new JsonPrimitive(cell);
        }
        try {
            return switch (t) {
                case INT32, INT64 -> new JsonPrimitive(Long.parseLong(cell.strip()));
                case NUMBER -> new JsonPrimitive(new BigDecimal(cell.strip()));
                case BOOLEAN -> switch (cell.strip().toLowerCase()) {
                    case "true", "yes", "y", "1" -> new JsonPrimitive(true);
                    case "false", "no", "n", "0" -> new JsonPrimitive(false);
                    default -> new JsonPrimitive(cell);
                };
                default -> new JsonPrimitive(cell);
            };
        } catch (NumberFormatException e) {
            return new JsonPrimitive(cell); // the API reports the wrong type with its own message and path
        }
    }

    /** A small RFC 4180 reader that counts physical lines. */
    static final class CsvParser {
        private final BufferedReader in;
        private long line;
        private long recordStart;

        CsvParser(BufferedReader in) {
            this.in = in;
        }

        long line() {
            return line;
        }

        long recordStartLine() {
            return recordStart;
        }

        List<String> next() throws IOException {
            String l = in.readLine();
            if (l == null) {
                return null;
            }
            line++;
            recordStart = line;
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i >= l.length()) {
                    if (quoted) {
                        String more = in.readLine();
                        if (more == null) {
                            throw new MalformedCsvException(recordStart, "unterminated quoted field");
                        }
                        line++;
                        f.append('\n');
                        l = more;
                        i = 0;
                        continue;
                    }
                    fields.add(f.toString());
                    return fields;
                }
                char c = l.charAt(i++);
                if (quoted) {
                    if (c == '"') {
                        if (i < l.length() && l.charAt(i) == '"') {
                            f.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        f.append(c);
                    }
                } else if (c == '"' && f.length() == 0) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                } else {
                    f.append(c);
                }
            }
        }

        static final class MalformedCsvException extends IOException {
            private final long line;

            MalformedCsvException(long line, String message) {
                super(message);
                this.line = line;
            }

            long line() {
                return line;
            }
        }
    }
}
