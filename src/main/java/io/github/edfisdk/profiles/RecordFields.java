package io.github.edfisdk.profiles;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Typed reads of one record's fields by dotted path ({@code programReference.programName}) that report a wrong type
 * or a missing required value to the sink, located by JSON path ({@code $.programReference.programName}).
 */
public final class RecordFields {
    private final JsonObject record;
    private final ViolationSink sink;

    public RecordFields(JsonObject record, ViolationSink sink) {
        this.record = record;
        this.sink = sink;
    }

    public JsonObject record() {
        return record;
    }

    public ViolationSink sink() {
        return sink;
    }

    /** "$.a.b" for "a.b". */
    public static String jsonPath(String dottedPath) {
        return "$." + dottedPath;
    }

    /** The element at the dotted path; JSON null counts as absent. */
    public static Optional<JsonElement> get(JsonObject record, String dottedPath) {
        JsonElement current = record;
        for (String segment : dottedPath.split("\\.")) {
            if (current == null || !current.isJsonObject()) {
                return Optional.empty();
            }
            current = current.getAsJsonObject().get(segment);
        }
        return current == null || current.isJsonNull() ? Optional.empty() : Optional.of(current);
    }

    public Optional<JsonElement> get(String dottedPath) {
        return get(record, dottedPath);
    }

    /** A non-blank string; reports {@code rule} with {@code missingMessage} when absent or blank. */
    public Optional<String> requiredString(String path, String rule, String missingMessage) {
        Optional<String> value = optionalString(path, rule);
        if (value.isEmpty() || value.get().isBlank()) {
            if (get(path).isEmpty() || value.isPresent()) {
                sink.report(jsonPath(path), rule, missingMessage);
            }
            return Optional.empty();
        }
        return value;
    }

    /** A string if present; reports {@code rule} when present with another JSON type. */
    public Optional<String> optionalString(String path, String rule) {
        Optional<JsonElement> e = get(path);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        if (e.get().isJsonPrimitive() && e.get().getAsJsonPrimitive().isString()) {
            return Optional.of(e.get().getAsString());
        }
        sink.report(jsonPath(path), rule, "Expected a string, found " + e.get());
        return Optional.empty();
    }

    /** A whole number; reports {@code rule} with {@code missingMessage} when absent, or a type error. */
    public Optional<Long> requiredInteger(String path, String rule, String missingMessage) {
        Optional<JsonElement> e = get(path);
        if (e.isEmpty()) {
            sink.report(jsonPath(path), rule, missingMessage);
            return Optional.empty();
        }
        if (e.get().isJsonPrimitive() && e.get().getAsJsonPrimitive().isNumber()) {
            JsonPrimitive p = e.get().getAsJsonPrimitive();
            try {
                return Optional.of(p.getAsBigDecimal().longValueExact());
            } catch (ArithmeticException notWhole) {
                // falls through to the type error below
            }
        }
        sink.report(jsonPath(path), rule, "Expected a whole number, found " + e.get());
        return Optional.empty();
    }

    /** An ISO date (yyyy-MM-dd); reports {@code rule} with {@code missingMessage} when absent, or a format error. */
    public Optional<LocalDate> requiredDate(String path, String rule, String missingMessage) {
        if (get(path).isEmpty()) {
            sink.report(jsonPath(path), rule, missingMessage);
            return Optional.empty();
        }
        return optionalDate(path, rule);
    }

    /** An ISO date if present; reports {@code rule} when it is not one. */
    public Optional<LocalDate> optionalDate(String path, String rule) {
        Optional<JsonElement> e = get(path);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        if (e.get().isJsonPrimitive() && e.get().getAsJsonPrimitive().isString()) {
            try {
                return Optional.of(LocalDate.parse(e.get().getAsString()));
            } catch (DateTimeParseException notADate) {
                // falls through
            }
        }
        sink.report(jsonPath(path), rule, "Expected a date (yyyy-MM-dd), found " + e.get());
        return Optional.empty();
    }

    /** A boolean if present; reports {@code rule} when present with another JSON type. */
    public Optional<Boolean> optionalBoolean(String path, String rule) {
        Optional<JsonElement> e = get(path);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        if (e.get().isJsonPrimitive() && e.get().getAsJsonPrimitive().isBoolean()) {
            return Optional.of(e.get().getAsBoolean());
        }
        sink.report(jsonPath(path), rule, "Expected true or false, found " + e.get());
        return Optional.empty();
    }

    /** An array if present (empty when absent); reports {@code rule} when present with another JSON type. */
    public Optional<JsonArray> optionalArray(String path, String rule) {
        Optional<JsonElement> e = get(path);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        if (e.get().isJsonArray()) {
            return Optional.of(e.get().getAsJsonArray());
        }
        sink.report(jsonPath(path), rule, "Expected an array, found " + e.get());
        return Optional.empty();
    }
}
