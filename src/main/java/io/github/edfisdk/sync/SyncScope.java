package io.github.edfisdk.sync;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.PropertyPath;
import io.github.edfisdk.model.ResourceModel;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The ODS items one source owns: GET query parameters of the resource with their values, e.g.
 * {@code programName=Career and Technical Education}. Every name must be a query parameter of the resource in the
 * spec, because the ODS ignores an unknown one and answers the whole resource (a sync would then delete what it never
 * owned). The same names also test documents, so items the server returned outside the scope are never deleted and
 * source records outside it are refused.
 */
public final class SyncScope implements Predicate<JsonObject> {
    private final Map<String, String> query;
    private final Map<String, List<PropertyPath>> paths = new LinkedHashMap<>();

    /** @throws IllegalArgumentException a name that is not a GET query parameter of the resource (naming the valid ones) */
    public SyncScope(ResourceModel resource, Map<String, String> query) {
        resource.requireQueryParameters(query.keySet());
        this.query = Map.copyOf(query);
        query.keySet().forEach(name -> paths.put(name, resource.queryParameter(name)));
    }

    /** The GET query that selects the scope. */
    public Map<String, String> query() {
        return query;
    }

    /**
     * Whether a document is in the scope: every scope parameter's paths hold its value (strings and descriptors
     * compared ignoring case and surrounding blanks, numbers by value, as the ODS compares them).
     */
    @Override
    public boolean test(JsonObject document) {
        for (Map.Entry<String, List<PropertyPath>> p : paths.entrySet()) {
            String wanted = normalize(query.get(p.getKey()));
            for (PropertyPath path : p.getValue()) {
                JsonElement v = path.get(document).orElse(null);
                if (v == null || !v.isJsonPrimitive() || !normalize(v.getAsString()).equals(wanted)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String normalize(String s) {
        String t = s.trim();
        if (t.matches("[-+]?\\d+(\\.\\d+)?")) {
            return new BigDecimal(t).stripTrailingZeros().toPlainString();
        }
        return t.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return query.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
