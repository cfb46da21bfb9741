package io.github.edfisdk.sandbox;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.ChangeKeyValues;
import io.github.edfisdk.model.DescriptorUri;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.NaturalKey;
import io.github.edfisdk.model.ResourceModel;
import io.github.edfisdk.model.ValidationError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * The sandbox's items: by resource and id (in insertion order) and by natural key, with the reverse reference index
 * that DELETE's dependent-item check needs.
 *
 * <p>Every write runs under one write lock: the natural-key lookup and the insert are one step (two concurrent POSTs
 * of one key never create two items), reference checks see a consistent store, and journal lines are written in the
 * order the writes happened. Validation and JSON work happen before the lock; the locked part is a few map operations
 * and one journal write, so one lock sustains well over the required throughput (see SandboxBenchmark).
 */
final class DocumentStore implements AutoCloseable {
    record Upserted(StoredItem item, boolean created) {
    }

    record Page(List<StoredItem> items, int total) {
    }

    private final DataStandardModel model;
    private final ReferenceResolver resolver;
    private final Journal journal;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, LinkedHashMap<String, StoredItem>> byResource = new HashMap<>();
    private final Map<String, StoredItem> byKey = new HashMap<>();
    /** target key -> ids of the items that refer to it (or use it, for descriptors) -> their resource. */
    private final Map<String, Map<String, ResourceModel>> referrers = new HashMap<>();
    /** Seed items (id -> etag, id -> resource): what the journal need not repeat. */
    private final Map<String, Long> seededEtags = new HashMap<>();
    private final Map<String, String> seededResources = new HashMap<>();
    private final AtomicLong etagClock = new AtomicLong(System.currentTimeMillis() * 1000);
    /** Change versions, deletes and key changes, for the change queries (guarded by {@link #lock}). */
    private final ChangeTracker changes = new ChangeTracker();

    DocumentStore(DataStandardModel model, Journal journal) {
        this.model = model;
        this.resolver = new ReferenceResolver(model);
        this.journal = journal;
    }

    /** Replays the journal (after seeding); returns the number of entries applied. */
    int replayJournal() {
        if (journal == null) {
            return 0;
        }
        int replayed = journal.replay(entry -> {
            ResourceModel r = model.require(entry.get("resource").getAsString());
            String id = entry.get("id").getAsString();
            lock.writeLock().lock();
            try {
                // Entries written before change versions existed carry none: they get the next one.
                long changeVersion = entry.has("changeVersion") ? entry.get("changeVersion").getAsLong() : changes.next();
                changes.observe(changeVersion);
                replayKeyChanges(r, id, entry);
                if (entry.get("op").getAsString().equals("delete")) {
                    StoredItem old = table(r).get(id);
                    if (old != null) {
                        remove(old);
                        changes.deleted(new ChangeTracker.Delete(r.name(), id, changeVersion,
                                ChangeKeyValues.of(r, old.doc()), old.key()));
                    } else if (entry.has("keyValues")) {
                        changes.deleted(new ChangeTracker.Delete(r.name(), id, changeVersion,
                                entry.getAsJsonObject("keyValues"), entry.get("key").getAsString()));
                    }
                } else {
                    long etag = entry.get("etag").getAsLong();
                    etagClock.accumulateAndGet(etag, Math::max);
                    JsonObject doc = entry.getAsJsonObject("doc");
                    NaturalKey key = r.naturalKey(doc);
                    StoredItem old = table(r).get(id);
                    if (old == null) {
                        old = byKey.get(key.canonical());
                    }
                    List<String> refs = dependencies(r, doc, false);
                    StoredItem item = new StoredItem(r, id, key.canonical(), doc, etag,
                            Instant.parse(entry.get("lastModified").getAsString()), refs, changeVersion);
                    if (old != null && old.id().equals(id) && !old.key().equals(item.key())
                            && !entry.has("keyChanges")) {
                        // A key change: like a live PUT, it took the version after the item's.
                        changes.keyChanged(new ChangeTracker.KeyChange(r.name(), id, changes.next(),
                                ChangeKeyValues.of(r, old.doc()), ChangeKeyValues.of(r, doc)));
                    }
                    if (old != null) {
                        remove(old);
                    }
                    put(item);
                }
            } finally {
                lock.writeLock().unlock();
            }
        });
        // Every update appends a line; when most lines are superseded, start the next run from a compact journal.
        List<JsonObject> live = liveEntries();
        if (replayed > 1000 && replayed > 2 * live.size()) {
            journal.compact(live);
        }
        return replayed;
    }

    /**
     * The journal entries that rebuild the current state on top of the seed: a put for every item that is not an
     * unchanged seed item, a delete for every seed item that is gone.
     */
    private List<JsonObject> liveEntries() {
        lock.readLock().lock();
        try {
            List<JsonObject> out = new ArrayList<>();
            java.util.Set<String> present = new java.util.HashSet<>();
            java.util.Set<String> tracked = new java.util.HashSet<>();
            for (LinkedHashMap<String, StoredItem> t : byResource.values()) {
                for (StoredItem item : t.values()) {
                    present.add(item.id());
                    Long seedEtag = seededEtags.get(item.id());
                    if (seedEtag == null || seedEtag != item.etag()) {
                        out.add(withKeyChanges(putEntry(item), item.resource().name(), item.id()));
                    }
                }
            }
            // The change queries still report deleted items: every tracked delete stays, with its key values.
            for (ChangeTracker.Delete d : changes.allDeletes()) {
                tracked.add(d.id());
                out.add(withKeyChanges(deleteEntry(d), d.resource(), d.id()));
            }
            seededEtags.forEach((id, etag) -> {
                if (!present.contains(id) && !tracked.contains(id)) {
                    JsonObject del = new JsonObject();
                    del.addProperty("op", "delete");
                    del.addProperty("resource", seededResources.get(id));
                    del.addProperty("id", id);
                    out.add(del);
                }
            });
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Stores seed data: not journaled (seeding is repeated on every start), ids derived from the key so they are stable. */
    void seed(ResourceModel r, JsonObject doc) {
        JsonObject clean = DocumentCleaner.clean(r.body(), doc);
        lock.writeLock().lock();
        try {
            NaturalKey key = r.naturalKey(clean);
            StoredItem old = byKey.get(key.canonical());
            String id = old != null ? old.id() : stableId(key.canonical());
            List<String> refs = dependencies(r, clean, true);
            if (old != null) {
                remove(old);
            }
            StoredItem item = new StoredItem(r, id, key.canonical(), clean, etagClock.incrementAndGet(), now(), refs,
                    changes.next());
            put(item);
            seededEtags.put(id, item.etag());
            seededResources.put(id, r.name());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** POST: creates or replaces the item with the document's natural key. */
    Upserted upsert(ResourceModel r, JsonObject clean, String ifMatch) {
        NaturalKey key = r.naturalKey(clean);
        lock.writeLock().lock();
        try {
            List<String> refs = dependencies(r, clean, true);
            StoredItem old = byKey.get(key.canonical());
            if (ifMatch != null && (old == null || !etagMatches(ifMatch, old))) {
                throw ApiProblem.optimisticLock();
            }
            String id = old != null ? old.id() : newId();
            if (old != null) {
                keepIdentitySpelling(r, old.doc(), clean);
            }
            StoredItem item = new StoredItem(r, id, key.canonical(), clean, etagClock.incrementAndGet(), now(), refs,
                    changes.next());
            write(item);
            if (old != null) {
                remove(old);
            }
            put(item);
            return new Upserted(item, old == null);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** PUT: replaces the item with this id; the natural key may change only where the model allows it. */
    StoredItem update(ResourceModel r, String id, JsonObject clean, String ifMatch) {
        NaturalKey key = r.naturalKey(clean);
        lock.writeLock().lock();
        try {
            StoredItem old = table(r).get(id);
            if (old == null) {
                throw ApiProblem.notFound("Resource to update was not found.");
            }
            if (ifMatch != null && !etagMatches(ifMatch, old)) {
                throw ApiProblem.optimisticLock();
            }
            boolean keyChanged = !old.key().equals(key.canonical());
            if (keyChanged) {
                if (!r.keyUpdatable() && !r.uniqueIdUpdatable()) {
                    throw ApiProblem.keyChangeNotSupported(r.name());
                }
                if (byKey.containsKey(key.canonical())) {
                    throw ApiProblem.nonUniqueIdentity(r.name());
                }
            }
            List<String> refs = dependencies(r, clean, true);
            StoredItem item = new StoredItem(r, id, key.canonical(), clean, etagClock.incrementAndGet(), now(), refs,
                    changes.next());
            write(item);
            remove(old);
            put(item);
            if (keyChanged) {
                trackKeyChange(old, item);
                cascade(old.key(), item);
            }
            return item;
        } finally {
            lock.writeLock().unlock();
        }
    }

    void delete(ResourceModel r, String id, String ifMatch) {
        lock.writeLock().lock();
        try {
            StoredItem old = table(r).get(id);
            if (old == null) {
                throw ApiProblem.notFound("Resource to delete was not found.");
            }
            if (ifMatch != null && !etagMatches(ifMatch, old)) {
                throw ApiProblem.optimisticLock();
            }
            Map<String, ResourceModel> referring = referrers.get(old.key());
            if (referring != null && !referring.isEmpty()) {
                throw ApiProblem.dependentItem(referring.values().iterator().next().name());
            }
            ChangeTracker.Delete tracked = new ChangeTracker.Delete(r.name(), id, changes.next(),
                    ChangeKeyValues.of(r, old.doc()), old.key());
            if (journal != null) {
                journal.append(deleteEntry(tracked));
            }
            remove(old);
            changes.deleted(tracked);
        } finally {
            lock.writeLock().unlock();
        }
    }

    StoredItem get(ResourceModel r, String id) {
        lock.readLock().lock();
        try {
            LinkedHashMap<String, StoredItem> t = byResource.get(r.name());
            return t == null ? null : t.get(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    StoredItem byKey(String canonicalKey) {
        lock.readLock().lock();
        try {
            return byKey.get(canonicalKey);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The items matching the filter in insertion order, from offset, at most limit of them, and the total matched. */
    Page query(ResourceModel r, Predicate<StoredItem> filter, int offset, int limit) {
        lock.readLock().lock();
        try {
            LinkedHashMap<String, StoredItem> t = byResource.get(r.name());
            List<StoredItem> out = new ArrayList<>();
            int total = 0;
            if (t != null) {
                for (StoredItem item : t.values()) {
                    if (filter.test(item)) {
                        if (total >= offset && out.size() < limit) {
                            out.add(item);
                        }
                        total++;
                    }
                }
            }
            return new Page(out, total);
        } finally {
            lock.readLock().unlock();
        }
    }

    int count(ResourceModel r) {
        lock.readLock().lock();
        try {
            LinkedHashMap<String, StoredItem> t = byResource.get(r.name());
            return t == null ? 0 : t.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The newest change version handed out (availableChangeVersions). */
    long newestChangeVersion() {
        lock.readLock().lock();
        try {
            return changes.newest();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The tracked deletes of a resource in the change-version window, paged (items re-added since left out). */
    ChangeTracker.Page<ChangeTracker.Delete> deletes(ResourceModel r, long min, long max, int offset, int limit) {
        lock.readLock().lock();
        try {
            return changes.deletes(r.name(), min, max, offset, limit, d -> !byKey.containsKey(d.key()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The key changes of a resource in the change-version window, one row per item, paged. */
    ChangeTracker.Page<ChangeTracker.KeyChange> keyChanges(ResourceModel r, long min, long max, int offset, int limit) {
        lock.readLock().lock();
        try {
            return changes.keyChanges(r.name(), min, max, offset, limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The id of the item a reference points to (for {@code link}), or null. */
    StoredItem referenced(io.github.edfisdk.model.Property reference, JsonObject value) {
        lock.readLock().lock();
        try {
            String key = resolver.resolve(reference, value, byKey::containsKey);
            return key == null ? null : byKey.get(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    // --- under the write lock ---

    /**
     * The keys of the items the document depends on: its descriptor values and the targets of its references (so a
     * DELETE of any of them is refused while the document exists). When {@code strict}, an unknown descriptor value
     * is a 400 and a missing reference target a 409, as the API answers; replayed journal entries are not strict.
     */
    private List<String> dependencies(ResourceModel r, JsonObject doc, boolean strict) {
        List<String> keys = new ArrayList<>(4);
        List<ValidationError> errors = new ArrayList<>();
        ModelWalker.descriptors(r.body(), doc, "$", (p, value, path) -> {
            String key = descriptorKey(p.descriptorName(), value);
            if (key != null && byKey.containsKey(key)) {
                keys.add(key);
            } else {
                errors.add(new ValidationError(path, p.descriptorName() + " value '" + value + "' does not exist."));
            }
        });
        if (strict && !errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        keys.addAll(resolveReferences(r, doc, strict));
        return keys;
    }

    /** The natural key a descriptor value has as an item of its descriptor resource, or null when it cannot have one. */
    private String descriptorKey(String descriptorName, String uri) {
        ResourceModel d = model.resource(descriptorName).orElse(null);
        if (d == null || !DescriptorUri.isWellFormed(uri)) {
            return null;
        }
        DescriptorUri u = DescriptorUri.parse(uri);
        JsonObject doc = new JsonObject();
        doc.addProperty("namespace", u.descriptorNamespace());
        doc.addProperty("codeValue", u.codeValue());
        return d.naturalKey(doc).canonical();
    }

    /** The keys the document's references resolve to; a missing target is a 409 when {@code strict}. */
    private List<String> resolveReferences(ResourceModel r, JsonObject doc, boolean strict) {
        List<String> keys = new ArrayList<>(2);
        ModelWalker.references(r.body(), doc, "$", (p, value, path) -> {
            String key = resolver.resolve(p, value, byKey::containsKey);
            if (key != null) {
                keys.add(key);
            } else if (strict) {
                throw ApiProblem.unresolvedReference(resolver.targetName(p));
            }
        });
        return keys;
    }

    /**
     * An upsert matched the stored item ignoring case; like the ODS (which does not rewrite key columns) the item keeps
     * the spelling of its identifying values.
     */
    private static void keepIdentitySpelling(ResourceModel r, JsonObject stored, JsonObject incoming) {
        for (io.github.edfisdk.model.PropertyPath p : r.identity()) {
            com.google.gson.JsonElement old = p.get(stored).orElse(null);
            JsonObject parent = incoming;
            List<String> segs = p.segments();
            for (int i = 0; i < segs.size() - 1 && parent != null; i++) {
                com.google.gson.JsonElement next = parent.get(segs.get(i));
                parent = next != null && next.isJsonObject() ? next.getAsJsonObject() : null;
            }
            if (old != null && parent != null) {
                parent.add(p.leaf(), old);
            }
        }
    }

    private void write(StoredItem item) {
        if (journal != null) {
            journal.append(putEntry(item));
        }
    }

    private static JsonObject putEntry(StoredItem item) {
        JsonObject entry = new JsonObject();
        entry.addProperty("op", "put");
        entry.addProperty("resource", item.resource().name());
        entry.addProperty("id", item.id());
        entry.addProperty("etag", item.etag());
        entry.addProperty("lastModified", item.lastModified().toString());
        entry.add("doc", item.doc());
        entry.addProperty("changeVersion", item.changeVersion());
        return entry;
    }

    /** A delete line: besides op/resource/id, the change version and the key (so /deletes survives compaction). */
    private static JsonObject deleteEntry(ChangeTracker.Delete d) {
        JsonObject entry = new JsonObject();
        entry.addProperty("op", "delete");
        entry.addProperty("resource", d.resource());
        entry.addProperty("id", d.id());
        entry.addProperty("changeVersion", d.changeVersion());
        entry.add("keyValues", d.keyValues());
        entry.addProperty("key", d.key());
        return entry;
    }

    /** A compacted line carries its item's key-change history (live lines let replay derive it). */
    private JsonObject withKeyChanges(JsonObject entry, String resource, String id) {
        com.google.gson.JsonArray history = new com.google.gson.JsonArray();
        for (ChangeTracker.KeyChange k : changes.keyChangesOf(resource, id)) {
            JsonObject o = new JsonObject();
            o.addProperty("changeVersion", k.changeVersion());
            o.add("oldKeyValues", k.oldKeyValues());
            o.add("newKeyValues", k.newKeyValues());
            history.add(o);
        }
        entry.add("keyChanges", history);
        return entry;
    }

    /** Restores the key-change history a compacted line carries. */
    private void replayKeyChanges(ResourceModel r, String id, JsonObject entry) {
        if (entry.has("keyChanges")) {
            for (com.google.gson.JsonElement e : entry.getAsJsonArray("keyChanges")) {
                JsonObject k = e.getAsJsonObject();
                changes.keyChanged(new ChangeTracker.KeyChange(r.name(), id, k.get("changeVersion").getAsLong(),
                        k.getAsJsonObject("oldKeyValues"), k.getAsJsonObject("newKeyValues")));
            }
        }
    }

    /** A natural-key change takes its own change version, after the item's (as the ODS's key-change trigger). */
    private void trackKeyChange(StoredItem before, StoredItem after) {
        changes.keyChanged(new ChangeTracker.KeyChange(after.resource().name(), after.id(), changes.next(),
                ChangeKeyValues.of(before.resource(), before.doc()), ChangeKeyValues.of(after.resource(), after.doc())));
    }

    /**
     * A key change of an updatable resource (Session, Section...) carries over to the items that refer to it, as the
     * ODS's cascading updates do; an item whose own key changes with it passes the change on.
     */
    private void cascade(String oldKey, StoredItem target) {
        Map<String, ResourceModel> referring = referrers.get(oldKey);
        if (referring == null) {
            return;
        }
        for (Map.Entry<String, ResourceModel> e : new ArrayList<>(referring.entrySet())) {
            StoredItem ref = table(e.getValue()).get(e.getKey());
            if (ref == null) {
                continue;
            }
            JsonObject doc = ref.doc().deepCopy();
            ModelWalker.references(ref.resource().body(), doc, "$", (p, value, path) -> {
                if (oldKey.equals(resolver.keyFor(p, value, target.resource()))) {
                    resolver.copyKeyFields(p, value, target.resource(), target.doc());
                }
            });
            List<String> keys = new ArrayList<>(ref.referencedKeys());
            keys.replaceAll(k -> k.equals(oldKey) ? target.key() : k);
            StoredItem updated = new StoredItem(ref.resource(), ref.id(), ref.resource().naturalKey(doc).canonical(), doc,
                    etagClock.incrementAndGet(), now(), keys, changes.next());
            write(updated);
            remove(ref);
            put(updated);
            if (!updated.key().equals(ref.key())) {
                trackKeyChange(ref, updated);
                cascade(ref.key(), updated);
            }
        }
    }

    private void put(StoredItem item) {
        table(item.resource()).put(item.id(), item);
        byKey.put(item.key(), item);
        for (String target : item.referencedKeys()) {
            referrers.computeIfAbsent(target, k -> new LinkedHashMap<>()).put(item.id(), item.resource());
        }
    }

    private void remove(StoredItem item) {
        table(item.resource()).remove(item.id());
        byKey.remove(item.key());
        for (String target : item.referencedKeys()) {
            Map<String, ResourceModel> m = referrers.get(target);
            if (m != null) {
                m.remove(item.id());
                if (m.isEmpty()) {
                    referrers.remove(target);
                }
            }
        }
    }

    private LinkedHashMap<String, StoredItem> table(ResourceModel r) {
        return byResource.computeIfAbsent(r.name(), k -> new LinkedHashMap<>());
    }

    private static boolean etagMatches(String header, StoredItem item) {
        String h = header.trim();
        if (h.equals("*")) {
            return true;
        }
        if (h.startsWith("W/")) {
            h = h.substring(2);
        }
        if (h.length() >= 2 && h.startsWith("\"") && h.endsWith("\"")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals(Long.toString(item.etag()));
    }

    static boolean etagMatchesHeader(String header, StoredItem item) {
        return etagMatches(header, item);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static String newId() {
        UUID u = UUID.randomUUID();
        return hex(u);
    }

    private static String stableId(String key) {
        return hex(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hex(UUID u) {
        return String.format("%016x%016x", u.getMostSignificantBits(), u.getLeastSignificantBits());
    }

    @Override
    public void close() {
        if (journal != null) {
            journal.close();
        }
    }
}
