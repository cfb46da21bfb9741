package io.github.edfisdk.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.ResourceModel;
import java.util.Locale;
import java.util.Map;

/**
 * The change queries the root document advertises ({@code urls.changeQueries}), as ODS/API 7.x and 6.1 answer them
 * (both have the same shapes; the 6.1 spec declares them as {@code trackedChanges_edFi_*Delete} and
 * {@code *KeyChange}):
 * <ul>
 *   <li>{@code GET /changeQueries/v1/availableChangeVersions}:
 *       {@code {"oldestChangeVersion":0,"newestChangeVersion":N}} (the ODS never fills the oldest: 0);</li>
 *   <li>{@code GET /data/v3/{schema}/{resource}/deletes}: {@code [{"id","changeVersion","keyValues":{...}}]};</li>
 *   <li>{@code GET /data/v3/{schema}/{resource}/keyChanges}:
 *       {@code [{"id","changeVersion","oldKeyValues":{...},"newKeyValues":{...}}]}.</li>
 * </ul>
 * {@code minChangeVersion} and {@code maxChangeVersion} bound the window, both inclusive and each optional;
 * {@code offset}, {@code limit} and {@code totalCount} page as on a collection. Snapshots
 * ({@code Use-Snapshot} in 7.x, {@code Snapshot-Identifier} in 6.1) are not offered.
 */
final class ChangeQueryEndpoints {
    private static final String PREFIX = "/changequeries/v1/";

    private final DataStandardModel model;
    private final DocumentStore store;

    ChangeQueryEndpoints(DataStandardModel model, DocumentStore store) {
        this.model = model;
        this.store = store;
    }

    /** Whether the path is under {@code /changeQueries/} (ASP.NET routes ignore case). */
    static boolean isChangeQueriesPath(String path) {
        return path.toLowerCase(Locale.ROOT).startsWith("/changequeries/");
    }

    /** {@code /changeQueries/v1/...}: availableChangeVersions, or 404. */
    SandboxResponse handle(SandboxRequest req) {
        String p = req.path().toLowerCase(Locale.ROOT);
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.equals(PREFIX + "availablechangeversions")) {
            throw ApiProblem.notFound("The specified data could not be found.");
        }
        if (!req.method().equals("GET")) {
            throw ApiProblem.methodNotAllowed(req.method(), false);
        }
        JsonObject o = new JsonObject();
        o.addProperty("oldestChangeVersion", 0);
        o.addProperty("newestChangeVersion", store.newestChangeVersion());
        return SandboxResponse.json(200, o.toString());
    }

    /**
     * {@code GET /{schema}/{resource}/deletes} and {@code /keyChanges}; null when the path (below {@code /data/v3}) is
     * neither, so the resource endpoints answer it.
     */
    SandboxResponse handleTracked(SandboxRequest req, String rest) {
        String path = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        String[] parts = path.split("/");
        if (parts.length != 4 || !req.method().equals("GET")) {
            return null;
        }
        boolean deletes = parts[3].equalsIgnoreCase("deletes");
        if (!deletes && !parts[3].equalsIgnoreCase("keyChanges")) {
            return null;
        }
        ResourceModel r = model.resource("/" + parts[1] + "/" + parts[2])
                .orElseThrow(() -> ApiProblem.notFound("The specified data could not be found."));
        Window w = Window.parse(req.query());
        JsonArray out = new JsonArray();
        int total;
        if (deletes) {
            ChangeTracker.Page<ChangeTracker.Delete> page = store.deletes(r, w.min, w.max, w.offset, w.limit);
            for (ChangeTracker.Delete d : page.items()) {
                JsonObject o = new JsonObject();
                o.addProperty("id", d.id());
                o.addProperty("changeVersion", d.changeVersion());
                o.add("keyValues", d.keyValues().deepCopy());
                out.add(o);
            }
            total = page.total();
        } else {
            ChangeTracker.Page<ChangeTracker.KeyChange> page = store.keyChanges(r, w.min, w.max, w.offset, w.limit);
            for (ChangeTracker.KeyChange k : page.items()) {
                JsonObject o = new JsonObject();
                o.addProperty("id", k.id());
                o.addProperty("changeVersion", k.changeVersion());
                o.add("oldKeyValues", k.oldKeyValues().deepCopy());
                o.add("newKeyValues", k.newKeyValues().deepCopy());
                out.add(o);
            }
            total = page.total();
        }
        SandboxResponse resp = SandboxResponse.json(200, out.toString());
        if (w.totalCount) {
            resp.header("Total-Count", Integer.toString(total));
        }
        return resp;
    }

    /** A {@code minChangeVersion}/{@code maxChangeVersion} value; not a number is a 400 as the ODS's model binding. */
    static long version(String value, String name) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.parameter("The value '" + value + "' is not valid for " + name + ".");
        }
    }

    /** The window and paging of a tracked-changes request (the paging rules and words of a collection GET). */
    private record Window(long min, long max, int offset, int limit, boolean totalCount) {
        static Window parse(Map<String, String> query) {
            long min = 0;
            long max = Long.MAX_VALUE;
            int offset = 0;
            int limit = ResourceEndpoints.MAX_LIMIT;
            boolean totalCount = false;
            for (Map.Entry<String, String> q : query.entrySet()) {
                String value = q.getValue();
                switch (q.getKey().toLowerCase(Locale.ROOT)) {
                    case "minchangeversion" -> min = version(value, "MinChangeVersion");
                    case "maxchangeversion" -> max = version(value, "MaxChangeVersion");
                    case "offset" -> offset = ResourceEndpoints.offsetParameter(value);
                    case "limit" -> limit = ResourceEndpoints.limitParameter(value);
                    case "totalcount" -> totalCount = Boolean.parseBoolean(value.trim());
                    default -> {
                        // Other parameters are ignored, as on a collection GET.
                    }
                }
            }
            return new Window(min, max, offset, limit, totalCount);
        }
    }
}
