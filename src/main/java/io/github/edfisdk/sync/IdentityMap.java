package io.github.edfisdk.sync;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which ODS resource each source record became: source key to Ed-Fi resource id and natural key. Kept on disk as one
 * JSON object so a later run (or a resync) knows what it sent. Not thread-safe; one synchronizer owns one map.
 */
public final class IdentityMap {
    /** One mapping: the ODS resource id and the natural key it was sent with. */
    public record Entry(String id, String naturalKey) {
    }

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private final Map<String, Entry> entries = new TreeMap<>();

    public static IdentityMap empty() {
        return new IdentityMap();
    }

    /** Reads a map written by {@link #save}; a missing file is an empty map. */
    public static IdentityMap load(Path file) throws IOException {
        IdentityMap map = new IdentityMap();
        if (!Files.exists(file)) {
            return map;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(r);
            if (!root.isJsonObject()) {
                throw new IOException(file + ": an identity map is a JSON object of source key to {id, naturalKey}");
            }
            for (var e : root.getAsJsonObject().entrySet()) {
                if (!e.getValue().isJsonObject() || !e.getValue().getAsJsonObject().has("id")
                        || !e.getValue().getAsJsonObject().has("naturalKey")) {
                    throw new IOException(file + ": entry '" + e.getKey() + "' needs \"id\" and \"naturalKey\"");
                }
                JsonObject o = e.getValue().getAsJsonObject();
                map.put(e.getKey(), o.get("id").getAsString(), o.get("naturalKey").getAsString());
            }
        } catch (JsonParseException e) {
            throw new IOException(file + ": not a JSON identity map: " + e.getMessage(), e);
        }
        return map;
    }

    /** Writes the map atomically (a crash leaves the old file or the new one, never half of one). */
    public void save(Path file) throws IOException {
        JsonObject root = new JsonObject();
        entries.forEach((key, entry) -> {
            JsonObject o = new JsonObject();
            o.addProperty("id", entry.id());
            o.addProperty("naturalKey", entry.naturalKey());
            root.add(key, o);
        });
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, GSON.toJson(root), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Records the outcome of one executed operation: FORGET_MAPPING and DELETE drop the source key's entry (a DELETE
     * only when the entry points at the deleted item), MAP and POST record it.
     *
     * @param resultingId for POST, the id of the resource the ODS created or updated (from the Location header);
     *                    ignored otherwise
     */
    public void apply(SyncOperation op, String resultingId) {
        switch (op.kind()) {
            case FORGET_MAPPING -> remove(op.sourceKey());
            case DELETE -> {
                if (op.sourceKey() != null && get(op.sourceKey()).map(e -> e.id().equals(op.odsId())).orElse(false)) {
                    remove(op.sourceKey());
                }
            }
            case MAP -> put(op.sourceKey(), op.odsId(), op.naturalKey());
            case POST -> {
                if (resultingId == null || resultingId.isBlank()) {
                    throw new IllegalArgumentException("A POST of '" + op.sourceKey() + "' needs the resulting id");
                }
                put(op.sourceKey(), resultingId, op.naturalKey());
            }
            default -> throw new IllegalStateException("Unknown operation " + op.kind());
        }
    }

    public void put(String sourceKey, String id, String naturalKey) {
        entries.put(sourceKey, new Entry(id, naturalKey));
    }

    public void remove(String sourceKey) {
        entries.remove(sourceKey);
    }

    public Optional<Entry> get(String sourceKey) {
        return Optional.ofNullable(entries.get(sourceKey));
    }

    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    public int size() {
        return entries.size();
    }
}
