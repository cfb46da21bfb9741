package io.github.edfisdk.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The natural key of a document: the values of its identity properties, in the spec's order.
 *
 * <p>{@link #canonical()} is the form used for equality and map keys: strings and descriptors compare ignoring case
 * (as the ODS on SQL Server does), numbers by value ({@code 1} = {@code 1.0} = {@code "1"}).
 */
public final class NaturalKey {
    private final String resource;
    private final JsonObject values;
    private final String canonical;
    private final List<PropertyPath> missing;

    NaturalKey(String resource, JsonObject values, String canonical, List<PropertyPath> missing) {
        this.resource = resource;
        this.values = values;
        this.canonical = canonical;
        this.missing = List.copyOf(missing);
    }

    static NaturalKey of(ResourceModel r, JsonObject doc) {
        JsonObject values = new JsonObject();
        StringBuilder canonical = new StringBuilder(r.name()).append('|');
        List<PropertyPath> missing = new java.util.ArrayList<>();
        for (PropertyPath p : r.identity()) {
            JsonElement v = p.get(doc).orElse(null);
            if (v == null) {
                missing.add(p);
                canonical.append(p).append("=\u2205\u001f");
                continue;
            }
            values.add(p.toString(), v);
            canonical.append(p).append('=').append(canonicalValue(v)).append('\u001f');
        }
        return new NaturalKey(r.name(), values, canonical.toString(), missing);
    }

    static String canonicalValue(JsonElement v) {
        if (v.isJsonPrimitive()) {
            JsonPrimitive p = v.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return Boolean.toString(p.getAsBoolean());
            }
            String s = p.getAsString().trim();
            if (p.isNumber() || looksNumeric(s)) {
                try {
                    return new BigDecimal(s).stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    return s.toLowerCase(Locale.ROOT);
                }
            }
            return s.toLowerCase(Locale.ROOT);
        }
        return v.toString();
    }

    private static boolean looksNumeric(String s) {
        if (s.isEmpty() || s.length() > 40) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isDigit(c) || c == '.' || c == '-' || c == '+')) {
                return false;
            }
        }
        return true;
    }

    /** The resource name, e.g. {@code StudentCTEProgramAssociation}. */
    public String resource() {
        return resource;
    }

    /** The identity values by dotted path, e.g. {@code {"beginDate": "2024-08-23", "studentReference.studentUniqueId": "222222"}}. */
    public JsonObject values() {
        return values.deepCopy();
    }

    /** Identity properties the document lacks (a complete key has none). */
    public List<PropertyPath> missing() {
        return missing;
    }

    public boolean isComplete() {
        return missing.isEmpty();
    }

    /** Case-folded, number-normalised text: equal for documents the ODS would treat as the same item. */
    public String canonical() {
        return canonical;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NaturalKey && ((NaturalKey) o).canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return resource + values;
    }
}
