package io.github.edfisdk.sandbox;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The change versions of the sandbox, as the ODS/API keeps them: one global, monotonically increasing counter (the
 * ODS's {@code changes.ChangeVersionSequence}); every write of an item takes the next value, and so does every delete
 * and every natural-key change, which are kept here as tracked changes (the ODS's {@code tracked_changes_*} tables).
 * Not thread-safe: {@link DocumentStore} calls it under its lock.
 */
final class ChangeTracker {
    /** A deleted item: its id, the change version of the delete, its key values and its canonical natural key. */
    record Delete(String resource, String id, long changeVersion, JsonObject keyValues, String key) {
    }

    /** A natural-key change of an item (PUT of an updatable key, or a cascade). */
    record KeyChange(String resource, String id, long changeVersion, JsonObject oldKeyValues, JsonObject newKeyValues) {
    }

    /** One page of tracked changes and the number of them in the window. */
    record Page<T>(List<T> items, int total) {
    }

    private long newest;
    private final Map<String, List<Delete>> deletes = new HashMap<>();
    private final Map<String, List<KeyChange>> keyChanges = new HashMap<>();

    /** The next change version. */
    long next() {
        return ++newest;
    }

    /** A change version read back from the journal: later versions continue above it. */
    void observe(long changeVersion) {
        newest = Math.max(newest, changeVersion);
    }

    /** The newest change version handed out (0 before the first write). */
    long newest() {
        return newest;
    }

    void deleted(Delete d) {
        observe(d.changeVersion());
        addSorted(deletes.computeIfAbsent(d.resource(), k -> new ArrayList<>()), d, Delete::changeVersion);
    }

    void keyChanged(KeyChange k) {
        observe(k.changeVersion());
        addSorted(keyChanges.computeIfAbsent(k.resource(), k2 -> new ArrayList<>()), k, KeyChange::changeVersion);
    }

    /**
     * The deletes of a resource in the window, in change-version order, paged. A delete whose natural key exists
     * again ({@code stillGone} false) is left out, as the ODS/API 7.x deletes query does (it joins the live table to
     * exclude items re-added since).
     */
    Page<Delete> deletes(String resource, long min, long max, int offset, int limit, Predicate<Delete> stillGone) {
        List<Delete> in = new ArrayList<>();
        for (Delete d : deletes.getOrDefault(resource, List.of())) {
            if (d.changeVersion() >= min && d.changeVersion() <= max && stillGone.test(d)) {
                in.add(d);
            }
        }
        return page(in, offset, limit);
    }

    /**
     * The key changes of a resource in the window: one row per item, with the oldest old key, the newest new key and
     * the newest change version of its changes in the window (as the ODS/API's keyChanges query groups by id), in
     * change-version order, paged.
     */
    Page<KeyChange> keyChanges(String resource, long min, long max, int offset, int limit) {
        Map<String, KeyChange> byId = new LinkedHashMap<>();
        for (KeyChange k : keyChanges.getOrDefault(resource, List.of())) {
            if (k.changeVersion() < min || k.changeVersion() > max) {
                continue;
            }
            KeyChange first = byId.get(k.id());
            byId.put(k.id(), first == null ? k
                    : new KeyChange(resource, k.id(), k.changeVersion(), first.oldKeyValues(), k.newKeyValues()));
        }
        List<KeyChange> rows = new ArrayList<>(byId.values());
        rows.sort(Comparator.comparingLong(KeyChange::changeVersion));
        return page(rows, offset, limit);
    }

    /** Every tracked delete (for compacting the journal). */
    List<Delete> allDeletes() {
        List<Delete> all = new ArrayList<>();
        deletes.values().forEach(all::addAll);
        return all;
    }

    /** The key changes of one item, oldest first (for compacting the journal). */
    List<KeyChange> keyChangesOf(String resource, String id) {
        List<KeyChange> out = new ArrayList<>();
        for (KeyChange k : keyChanges.getOrDefault(resource, List.of())) {
            if (k.id().equals(id)) {
                out.add(k);
            }
        }
        return out;
    }

    /** Resource names with key changes (for compacting the journal). */
    java.util.Set<String> resourcesWithKeyChanges() {
        return keyChanges.keySet();
    }

    private static <T> Page<T> page(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new Page<>(List.copyOf(all.subList(from, to)), all.size());
    }

    /** Appends, or inserts in order when a replayed (compacted) journal gives versions out of order. */
    private static <T> void addSorted(List<T> list, T item, java.util.function.ToLongFunction<T> version) {
        long v = version.applyAsLong(item);
        int i = list.size();
        while (i > 0 && version.applyAsLong(list.get(i - 1)) > v) {
            i--;
        }
        list.add(i, item);
    }
}
