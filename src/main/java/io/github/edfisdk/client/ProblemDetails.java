package io.github.edfisdk.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 7807 problem body as the Ed-Fi ODS/API sends it ({@code application/problem+json}): {@code type},
 * {@code title}, {@code detail}, {@code status}, {@code correlationId}, {@code validationErrors} (JSON path to
 * messages) and {@code errors}. Members the server omits are {@code null} or empty. A body that is not a problem
 * document (HTML from a proxy, plain text, an OAuth {@code {"error":...}}, ODS/API 6.1's {@code {"message":...}}) is
 * kept as {@link #detail()}.
 */
public final class ProblemDetails {
    private static final int MAX_TEXT_DETAIL = 500;

    private final String type;
    private final String title;
    private final String detail;
    private final Integer status;
    private final String correlationId;
    private final Map<String, List<String>> validationErrors;
    private final List<String> errors;

    /** Creates problem details from its members; collections are copied. */
    public ProblemDetails(String type, String title, String detail, Integer status, String correlationId,
                          Map<String, List<String>> validationErrors, List<String> errors) {
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.status = status;
        this.correlationId = correlationId;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (validationErrors != null) {
            validationErrors.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        this.validationErrors = Collections.unmodifiableMap(copy);
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /**
     * Reads a response body leniently: never throws, whatever the server sent.
     *
     * @param body the response body, may be null or empty
     * @return the problem details; for a non-JSON body, {@code detail} holds the (shortened) text
     */
    public static ProblemDetails parse(String body) {
        if (body == null || body.isBlank()) {
            return new ProblemDetails(null, null, null, null, null, null, null);
        }
        JsonElement tree;
        try {
            tree = JsonParser.parseString(body);
        } catch (RuntimeException notJson) {
            tree = null;
        }
        if (tree == null || !tree.isJsonObject()) {
            String text = body.strip();
            if (text.length() > MAX_TEXT_DETAIL) {
                text = text.substring(0, MAX_TEXT_DETAIL) + "...";
            }
            return new ProblemDetails(null, null, text, null, null, null, null);
        }
        JsonObject o = tree.getAsJsonObject();
        String detail = string(o, "detail");
        if (detail == null && o.has("message")) {
            // ODS/API 6.1 and earlier answer errors as {"message": "Validation of 'Student' failed.\n\t..."}.
            detail = string(o, "message").strip();
        }
        if (detail == null && o.has("error")) {
            // OAuth token endpoint: {"error":"invalid_client","error_description":...}
            String description = string(o, "error_description");
            detail = string(o, "error") + (description == null ? "" : ": " + description);
        }
        Integer status = null;
        if (o.has("status") && o.get("status").isJsonPrimitive() && o.get("status").getAsJsonPrimitive().isNumber()) {
            status = o.get("status").getAsInt();
        }
        return new ProblemDetails(string(o, "type"), string(o, "title"), detail, status,
                string(o, "correlationId"), validationErrors(o.get("validationErrors")), strings(o.get("errors")));
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    private static Map<String, List<String>> validationErrors(JsonElement e) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (e != null && e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : e.getAsJsonObject().entrySet()) {
                result.put(entry.getKey(), strings(entry.getValue()));
            }
        }
        return result;
    }

    private static List<String> strings(JsonElement e) {
        List<String> result = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            return result;
        }
        if (e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                result.add(item.isJsonPrimitive() ? item.getAsString() : item.toString());
            }
        } else {
            result.add(e.isJsonPrimitive() ? e.getAsString() : e.toString());
        }
        return result;
    }

    /** The problem type URN, e.g. {@code urn:ed-fi:api:bad-request:data-validation-failed}; may be null. */
    public String type() { return type; }

    /** Short title, e.g. "Data Validation Failed"; may be null. */
    public String title() { return title; }

    /** Human-readable explanation; may be null. */
    public String detail() { return detail; }

    /** The status the body reports; may be null. */
    public Integer status() { return status; }

    /** The server's correlation id (echoes the {@code correlation-id} request header); may be null. */
    public String correlationId() { return correlationId; }

    /** Messages per JSON path, e.g. {@code $.lastSurname -> [LastSurname is required.]}; never null. */
    public Map<String, List<String>> validationErrors() { return validationErrors; }

    /** General error messages, e.g. {@code ["Invalid token"]}; never null. */
    public List<String> errors() { return errors; }

    /** One line for messages and logs: title, detail, the validation errors and errors. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        append(s, title);
        append(s, detail);
        validationErrors.forEach((path, messages) -> append(s, path + ": " + String.join(" ", messages)));
        errors.forEach(message -> append(s, message));
        if (correlationId != null) {
            s.append(" (correlationId ").append(correlationId).append(')');
        }
        return s.toString();
    }

    private static void append(StringBuilder s, String part) {
        if (part != null && !part.isBlank()) {
            if (s.length() > 0) {
                s.append("; ");
            }
            s.append(part);
        }
    }

    @Override
    public String toString() {
        return "ProblemDetails[type=" + type + ", status=" + status + ", " + summary() + "]";
    }
}
