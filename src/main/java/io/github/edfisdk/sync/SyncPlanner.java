package io.github.edfisdk.sync;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The pure core of a source-to-ODS synchronizer (the behaviour Infinite Campus documents for its Ed-Fi sync): given
 * the records the source wants, the items the ODS holds and the identity map of earlier runs, it computes the
 * operations that make the ODS match the source. It performs no I/O.
 *
 * <ul>
 *   <li>A new source record, or one whose ODS item differs, is POSTed (the ODS upserts by natural key).</li>
 *   <li>A source record whose natural key changed since it was sent: the old ODS item is DELETEd, then the record is
 *       POSTed.</li>
 *   <li>An identity map entry whose ODS item is gone is forgotten (resync).</li>
 *   <li>An ODS item in scope that no source record matches (by identity map or natural key) is DELETEd: the source
 *       record was deleted or no longer overlaps the configured year (resync).</li>
 *   <li>When the resource is toggled off, nothing is sent and nothing is deleted: data already sent stays.</li>
 * </ul>
 * Safety rules: two source records with the same source key are refused before anything is planned (each run would
 * otherwise delete one and post the other, forever); a source record outside the scope is rejected and its ODS item
 * kept (it would be re-posted on every run and never deleted); an ODS item outside the scope is never deleted.
 */
public final class SyncPlanner {
    private final DocumentKey naturalKey;
    private final Predicate<JsonObject> scope;

    /**
     * @param naturalKey the resource's natural key
     * @param scope      which ODS items this source owns (e.g. the program's name): items outside it are never
     *                   deleted or matched
     */
    public SyncPlanner(DocumentKey naturalKey, Predicate<JsonObject> scope) {
        this.naturalKey = Objects.requireNonNull(naturalKey, "naturalKey");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** A planner whose scope is every ODS item given. */
    public SyncPlanner(DocumentKey naturalKey) {
        this(naturalKey, item -> true);
    }

    /** The plan of a resource that is toggled OFF: nothing new is sent, sent data remains. */
    public SyncPlan planDisabled(List<SourceRecord> source) {
        List<SyncPlan.Rejected> rejected = source.stream().map(s -> new SyncPlan.Rejected(s.sourceKey(),
                "The resource is toggled OFF: no new data is sent (data already sent remains in the ODS).")).toList();
        return new SyncPlan(List.of(), List.of(), rejected);
    }

    /**
     * @throws IllegalArgumentException two source records have the same source key (both named)
     */
    public SyncPlan plan(List<SourceRecord> source, List<JsonObject> odsItems, IdentityMap identityMap) {
        requireUniqueSourceKeys(source);
        Map<String, JsonObject> odsById = new LinkedHashMap<>();
        Map<String, JsonObject> odsByKey = new HashMap<>();
        int inScope = 0;
        int outsideScope = 0;
        for (JsonObject item : odsItems) {
            if (!scope.test(item)) {
                outsideScope++; // never matched, never deleted: this source does not own it
                continue;
            }
            inScope++;
            String id = idOf(item);
            if (id != null) {
                odsById.put(id, item);
            }
            odsByKey.put(naturalKey.of(item), item);
        }

        List<SyncOperation> forget = new ArrayList<>();
        List<SyncOperation> deletes = new ArrayList<>();
        List<SyncOperation> posts = new ArrayList<>();
        List<SyncOperation> maps = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<SyncPlan.Rejected> rejected = new ArrayList<>();
        Set<String> claimedIds = new HashSet<>();
        Map<String, String> sourceByKey = new HashMap<>();

        // Resync: mappings whose ODS item is gone are forgotten, so the record is posted again if still wanted.
        Map<String, IdentityMap.Entry> liveMappings = new HashMap<>();
        identityMap.entries().forEach((sourceKey, entry) -> {
            if (odsById.containsKey(entry.id())) {
                liveMappings.put(sourceKey, entry);
            } else {
                forget.add(new SyncOperation(SyncOperation.Kind.FORGET_MAPPING, sourceKey, entry.id(),
                        entry.naturalKey(), null, "The record is in the identity map but not in the ODS."));
            }
        });

        for (SourceRecord record : source) {
            String key = naturalKey.of(record.payload());
            String shown = naturalKey.display(record.payload());
            if (!scope.test(record.payload())) {
                // Keep what it stands for in the ODS: the source still has the record, only its scope is wrong.
                IdentityMap.Entry was = liveMappings.get(record.sourceKey());
                claim(was != null ? odsById.get(was.id()) : odsByKey.get(key), claimedIds);
                rejected.add(new SyncPlan.Rejected(record.sourceKey(), "Outside the scope" + describeScope()
                        + ": not sent (it would be posted again on every run and never deleted). Fix the record or"
                        + " the scope." + (record.origin() == null ? "" : " At " + record.origin() + ".")));
                continue;
            }
            String earlier = sourceByKey.putIfAbsent(key, record.sourceKey());
            if (earlier != null) {
                rejected.add(new SyncPlan.Rejected(record.sourceKey(), "Same natural key as source record '" + earlier
                        + "' (" + key + "): only one of them can exist in the ODS."));
                continue;
            }
            IdentityMap.Entry mapped = liveMappings.get(record.sourceKey());
            JsonObject target = odsByKey.get(key);
            if (mapped != null && !mapped.naturalKey().equals(key)) {
                claimedIds.add(mapped.id());
                JsonObject old = odsById.get(mapped.id());
                String oldShown = old != null ? naturalKey.display(old) : DocumentKey.readable(mapped.naturalKey());
                deletes.add(new SyncOperation(SyncOperation.Kind.DELETE, record.sourceKey(), mapped.id(),
                        mapped.naturalKey(), null, "The natural key changed (" + oldShown + " -> " + shown
                        + "): delete, then post.", oldShown));
                claim(target, claimedIds);
                posts.add(new SyncOperation(SyncOperation.Kind.POST, record.sourceKey(), idOf(target), key,
                        record.payload(), "The natural key changed: posted under the new key.", shown));
                continue;
            }
            if (mapped != null) {
                target = odsById.get(mapped.id());
            }
            claim(target, claimedIds);
            if (target == null) {
                posts.add(new SyncOperation(SyncOperation.Kind.POST, record.sourceKey(), null, key, record.payload(),
                        "New record: not in the ODS.", shown));
            } else if (!ResourceContent.same(record.payload(), target)) {
                posts.add(new SyncOperation(SyncOperation.Kind.POST, record.sourceKey(), idOf(target), key,
                        record.payload(), "Changed: the ODS item differs from the source record.", shown));
            } else {
                unchanged.add(record.sourceKey());
                if (mapped == null) {
                    maps.add(new SyncOperation(SyncOperation.Kind.MAP, record.sourceKey(), idOf(target), key, null,
                            "Already in the ODS with the same content: mapped without sending.", shown));
                }
            }
        }

        Map<String, String> sourceKeyById = new HashMap<>();
        liveMappings.forEach((sourceKey, entry) -> sourceKeyById.put(entry.id(), sourceKey));
        Set<String> wanted = new HashSet<>();
        source.forEach(s -> wanted.add(s.sourceKey()));
        for (Map.Entry<String, JsonObject> item : odsById.entrySet()) {
            if (claimedIds.contains(item.getKey())) {
                String owner = sourceKeyById.get(item.getKey());
                if (owner != null && !wanted.contains(owner)) {
                    forget.add(new SyncOperation(SyncOperation.Kind.FORGET_MAPPING, owner, item.getKey(),
                            naturalKey.of(item.getValue()), null, "The source record '" + owner + "' is gone; its"
                            + " ODS item now matches another source record by natural key.",
                            naturalKey.display(item.getValue())));
                }
                continue;
            }
            String owner = sourceKeyById.get(item.getKey());
            String reason = owner != null && !wanted.contains(owner)
                    ? "The source record '" + owner + "' was deleted or no longer overlaps the configured year."
                    : "The ODS item has no matching record in the source nor in the identity map.";
            deletes.add(new SyncOperation(SyncOperation.Kind.DELETE, owner, item.getKey(),
                    naturalKey.of(item.getValue()), null, reason, naturalKey.display(item.getValue())));
        }

        List<SyncOperation> operations = new ArrayList<>(forget);
        operations.addAll(maps);
        operations.addAll(deletes);
        operations.addAll(posts);
        return new SyncPlan(operations, unchanged, rejected, inScope, outsideScope);
    }

    /** Same source key twice: refused before planning, naming both records (where they come from when known). */
    static void requireUniqueSourceKeys(List<SourceRecord> source) {
        Map<String, Integer> first = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            Integer earlier = first.putIfAbsent(source.get(i).sourceKey(), i);
            if (earlier != null) {
                problems.add("source key '" + source.get(i).sourceKey() + "' is given twice: " + where(source, earlier)
                        + " and " + where(source, i));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems) + ". A source key names one record of your"
                    + " system; nothing was planned (a sync would delete one and post the other on every run).");
        }
    }

    private static String where(List<SourceRecord> source, int index) {
        String origin = source.get(index).origin();
        return origin != null ? origin : "record #" + (index + 1);
    }

    private String describeScope() {
        return scope instanceof SyncScope s ? " (" + s + ")" : "";
    }

    private static void claim(JsonObject item, Set<String> claimedIds) {
        String id = idOf(item);
        if (id != null) {
            claimedIds.add(id);
        }
    }

    private static String idOf(JsonObject item) {
        if (item == null) {
            return null;
        }
        JsonElement id = item.get("id");
        return id == null || id.isJsonNull() ? null : id.getAsString();
    }
}
