package io.github.edfisdk.client;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * The ODS/API change queries ({@code client.changes()}): which change versions exist, and the items changed, deleted
 * or re-keyed in a window of change versions, each fetched page by page like {@link DocumentClient#query}.
 *
 * <pre>{@code
 * ChangeQueries changes = client.changes();
 * long mark = changes.available().newest();             // after the initial full load
 * ...
 * ChangeQueries.SyncResult r = changes.since(mark, List.of("/ed-fi/students", "/ed-fi/studentSchoolAssociations"),
 *         new ChangeQueries.ChangeListener() {
 *             public void changed(String resource, JsonObject item) { upsert(resource, item); }
 *             public void deleted(String resource, ChangeQueries.DeletedItem d) { remove(resource, d.keyValues()); }
 *         });
 * mark = r.highWaterMark();                              // keep it for the next run
 * }</pre>
 *
 * Windows are inclusive at both ends, as the API's {@code minChangeVersion}/{@code maxChangeVersion}.
 */
public final class ChangeQueries {
    /** {@code GET /changeQueries/v1/availableChangeVersions}. */
    public record AvailableChangeVersions(long oldest, long newest) {
    }

    /** An item of {@code /deletes}: its id, the change version of the delete, its natural key (flat names). */
    public record DeletedItem(String id, long changeVersion, JsonObject keyValues) {
    }

    /** An item of {@code /keyChanges}: the item's id, the change version, its key before and after. */
    public record KeyChange(String id, long changeVersion, JsonObject oldKeyValues, JsonObject newKeyValues) {
    }

    /** Receives the changes of one {@link #since} pass; each method defaults to doing nothing. */
    public interface ChangeListener {
        /** An item changed (created or updated) in the window: its current state, as a GET returns it. */
        default void changed(String resourcePath, JsonObject item) {
        }

        /** An item's natural key changed in the window (reported before the item's changed state). */
        default void keyChanged(String resourcePath, KeyChange change) {
        }

        /** An item was deleted in the window (reported after every resource's changes, dependants first). */
        default void deleted(String resourcePath, DeletedItem item) {
        }
    }

    /**
     * What one {@link #since} pass saw.
     *
     * @param fromVersion   the first change version of the window (the previous mark + 1)
     * @param highWaterMark the last change version of the window: pass it to the next {@code since}
     */
    public record SyncResult(long fromVersion, long highWaterMark, long changed, long keyChanges, long deletes) {
    }

    private final DocumentClient documents;
    private final Supplier<HttpUrl> dataUrl;

    /**
     * @param documents the JSON client the pages are read with
     * @param dataUrl   the data API URL ({@code …/data/v3/}); the change queries are its sibling
     *                  {@code …/changeQueries/v1/}, as the root document's {@code urls.changeQueries} names them
     */
    public ChangeQueries(DocumentClient documents, Supplier<HttpUrl> dataUrl) {
        this.documents = Objects.requireNonNull(documents);
        this.dataUrl = Objects.requireNonNull(dataUrl);
    }

    /** The oldest and newest change versions the server has. */
    public AvailableChangeVersions available() {
        // …/data/v3/ -> …/changeQueries/v1/ (a prefix such as a school year or tenant segment is kept)
        HttpUrl url = dataUrl.get().resolve("../../changeQueries/v1/availableChangeVersions");
        JsonObject o = documents.getObject(url);
        return new AvailableChangeVersions(o.get("oldestChangeVersion").getAsLong(),
                o.get("newestChangeVersion").getAsLong());
    }

    /** The items of a resource whose last write is in {@code [min, max]}, in their current state, all pages. */
    public Paginator<JsonObject> changed(String resourcePath, long min, long max) {
        return documents.query(resourcePath, window(min, max));
    }

    /** {@link #changed(String, long, long)} as generated models, e.g. {@code EdFiStudent.class}. */
    public <T> Paginator<T> changed(String resourcePath, long min, long max, Class<T> modelType) {
        com.google.gson.Gson gson = GeneratedPackage.of(modelType).gson();
        return changed(resourcePath, min, max).map(json -> gson.fromJson(json, modelType));
    }

    /** The items of a resource deleted in {@code [min, max]}, all pages. */
    public Paginator<DeletedItem> deletes(String resourcePath, long min, long max) {
        return documents.query(tracked(resourcePath, "deletes"), window(min, max)).map(o -> new DeletedItem(
                o.get("id").getAsString(), o.get("changeVersion").getAsLong(), object(o, "keyValues")));
    }

    /** The items of a resource whose natural key changed in {@code [min, max]} (one row per item), all pages. */
    public Paginator<KeyChange> keyChanges(String resourcePath, long min, long max) {
        return documents.query(tracked(resourcePath, "keyChanges"), window(min, max)).map(o -> new KeyChange(
                o.get("id").getAsString(), o.get("changeVersion").getAsLong(), object(o, "oldKeyValues"),
                object(o, "newKeyValues")));
    }

    /**
     * One incremental synchronisation pass, as Ed-Fi's client guide describes it: reads the newest change version,
     * then for the window {@code (lastVersion, newest]} reports, resource by resource in the order given (give the
     * dependency order), the key changes and then the changed items; then the deletes, resources in reverse order
     * (dependants first). Nothing is reported when nothing changed since {@code lastVersion}.
     *
     * @param lastVersion the high-water mark of the previous pass (the {@code newest} read after an initial full
     *                    load; 0 reads everything)
     * @return the counts and the new high-water mark to keep for the next pass
     */
    public SyncResult since(long lastVersion, List<String> resourcePaths, ChangeListener listener) {
        long newest = available().newest();
        long from = lastVersion + 1;
        if (newest < from) {
            return new SyncResult(from, lastVersion, 0, 0, 0);
        }
        long changed = 0;
        long keyChanges = 0;
        long deletes = 0;
        for (String resource : resourcePaths) {
            for (KeyChange k : keyChanges(resource, from, newest)) {
                listener.keyChanged(resource, k);
                keyChanges++;
            }
            for (JsonObject item : changed(resource, from, newest)) {
                listener.changed(resource, item);
                changed++;
            }
        }
        List<String> reversed = new ArrayList<>(resourcePaths);
        java.util.Collections.reverse(reversed);
        for (String resource : reversed) {
            for (DeletedItem d : deletes(resource, from, newest)) {
                listener.deleted(resource, d);
                deletes++;
            }
        }
        return new SyncResult(from, newest, changed, keyChanges, deletes);
    }

    private static Map<String, String> window(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("the window's minimum " + min + " is above its maximum " + max);
        }
        Map<String, String> q = new LinkedHashMap<>();
        q.put("minChangeVersion", Long.toString(min));
        q.put("maxChangeVersion", Long.toString(max));
        return q;
    }

    /** {@code students} -> {@code ed-fi/students/deletes}; {@code /tpdm/candidates} -> {@code tpdm/candidates/deletes}. */
    private static String tracked(String resourcePath, String feed) {
        String path = resourcePath.strip();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!path.contains("/")) {
            path = "ed-fi/" + path;
        }
        return path + "/" + feed;
    }

    private static JsonObject object(JsonObject o, String name) {
        return o.has(name) && o.get(name).isJsonObject() ? o.getAsJsonObject(name) : new JsonObject();
    }
}
