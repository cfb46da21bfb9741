package io.github.edfisdk.load;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * One record that failed for good, as written to the errors file (one JSON object per line).
 *
 * @param source           the input file
 * @param line             the line where the record starts
 * @param resource         the resource name, or null when it could not be told
 * @param naturalKey       the identity values of the record (JSON object), or null when it could not be read
 * @param status           the HTTP status of the last answer; 0 when no request was made (unreadable, offline check)
 *                         or the server could not be reached
 * @param problemType      the Ed-Fi problem type ({@code urn:ed-fi:api:bad-request:data-validation-failed}) or the
 *                         loader's own ({@code urn:edfi-sdk:load:malformed-record}, {@code ...:connection})
 * @param message          what went wrong
 * @param validationErrors JSON paths to messages ({@code $.birthDate -> [...]}); empty when none
 */
public record RecordFailure(String source, long line, String resource, JsonObject naturalKey, int status,
                            String problemType, String message, Map<String, List<String>> validationErrors) {

    public static final String MALFORMED = "urn:edfi-sdk:load:malformed-record";
    public static final String CONNECTION = "urn:edfi-sdk:load:connection-failed";
    public static final String INVALID = "urn:edfi-sdk:validate:invalid";
    public static final String UNKNOWN_DESCRIPTOR = "urn:edfi-sdk:validate:unknown-descriptor";
    public static final String UNRESOLVED_REFERENCE = "urn:edfi-sdk:validate:unresolved-reference";
    public static final String DUPLICATE_KEY = "urn:edfi-sdk:validate:duplicate-natural-key";

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("source", source);
        o.addProperty("line", line);
        o.addProperty("resource", resource);
        o.add("naturalKey", naturalKey);
        o.addProperty("status", status);
        o.addProperty("problemType", problemType);
        o.addProperty("message", message);
        JsonObject v = new JsonObject();
        validationErrors.forEach((path, messages) -> {
            JsonArray a = new JsonArray();
            messages.forEach(a::add);
            v.add(path, a);
        });
        o.add("validationErrors", v);
        return o;
    }

    /**
     * This failure without the record's values (for {@code --redact-values}: messages may quote student data): quoted
     * values and JSON objects in the messages become {@code '…'} and <code>{…}</code>, the natural key is dropped.
     * Source, line, resource, status, problem type and JSON paths stay, so the record can still be found.
     */
    public RecordFailure withoutValues() {
        Map<String, List<String>> v = new java.util.LinkedHashMap<>();
        validationErrors.forEach((path, messages) -> v.put(path, messages.stream().map(RecordFailure::redact).toList()));
        return new RecordFailure(source, line, resource, null, status, problemType, redact(message), v);
    }

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'[^']*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final java.util.regex.Pattern OBJECT = java.util.regex.Pattern.compile("\\{[^{}]*\\}|\\[[^\\[\\]]*\\]");

    static String redact(String text) {
        if (text == null) {
            return null;
        }
        String t = text;
        for (String before = null; !t.equals(before); ) { // innermost first: nested objects and arrays
            before = t;
            t = OBJECT.matcher(t).replaceAll(m -> m.group().startsWith("{") ? "{…}" : "[…]");
        }
        return QUOTED.matcher(t).replaceAll(m -> m.group().charAt(0) + "…" + m.group().charAt(0));
    }

    /** One line for people: {@code students.jsonl:12 Student 400 $.birthDate: ...}. */
    public String describe() {
        StringBuilder b = new StringBuilder(source).append(':').append(line).append(' ')
                .append(resource == null ? "?" : resource);
        if (status > 0) {
            b.append(' ').append(status);
        }
        b.append(' ').append(message);
        validationErrors.forEach((path, messages) -> b.append(" [").append(path).append(": ")
                .append(String.join("; ", messages)).append(']'));
        return b.toString();
    }
}
