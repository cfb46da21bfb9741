package io.github.edfisdk.profiles;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.StrictJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams a JSON Lines file (one Ed-Fi record per line, as the loader reads and the export writes) through a record
 * check. A line that is not a JSON object is reported as rule {@value #MALFORMED} and the next line is read: one bad
 * line never hides the others. Blank lines are skipped.
 */
public final class JsonLinesRecords {
    /** Rule id of a line that is not a JSON object. */
    public static final String MALFORMED = "jsonl.malformed";

    /** Checks one record; reports through the sink, which knows the file and line. */
    @FunctionalInterface
    public interface RecordCheck {
        void check(JsonObject record, ViolationSink sink);
    }

    private JsonLinesRecords() {
    }

    public static List<RuleViolation> check(Path file, RecordCheck check) throws IOException {
        String name = file.toString();
        ViolationSink sink = new ViolationSink(name, 0);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                sink.at(name, line);
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                JsonElement parsed;
                try {
                    parsed = StrictJson.parse(text);
                } catch (StrictJson.Malformed e) {
                    sink.report("$", MALFORMED, "Line is not valid JSON: " + e.getMessage());
                    continue;
                }
                if (!parsed.isJsonObject()) {
                    sink.report("$", MALFORMED, "Line is not a JSON object (one Ed-Fi record per line expected)");
                    continue;
                }
                check.check(parsed.getAsJsonObject(), sink);
            }
        }
        return sink.violations();
    }

}
