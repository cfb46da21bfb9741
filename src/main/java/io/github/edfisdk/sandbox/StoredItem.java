package io.github.edfisdk.sandbox;

import com.google.gson.JsonObject;
import io.github.edfisdk.model.ResourceModel;
import java.time.Instant;
import java.util.List;

/**
 * One stored item. Immutable: an update stores a new instance.
 *
 * @param key           the natural key's canonical text
 * @param doc           the cleaned document, without id, _etag, _lastModifiedDate and links; never mutated
 * @param referencedKeys canonical keys of the items it depends on: its references' targets and its descriptor values
 *                       (for DELETE's dependent-item check)
 * @param changeVersion  the change version of its last write ({@link ChangeTracker})
 */
record StoredItem(ResourceModel resource, String id, String key, JsonObject doc, long etag, Instant lastModified,
                  List<String> referencedKeys, long changeVersion) {
    String etagHeader() {
        return "\"" + etag + "\"";
    }
}
