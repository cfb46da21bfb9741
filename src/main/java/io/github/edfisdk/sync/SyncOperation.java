package io.github.edfisdk.sync;

import com.google.gson.JsonObject;

/**
 * One step of a synchronization plan.
 *
 * @param kind       what to do
 * @param sourceKey  the source record concerned (null for an ODS item no source record owns)
 * @param odsId      the ODS resource id (DELETE, FORGET_MAPPING; for POST the id of the item it updates, if known)
 * @param naturalKey the natural key of the item posted or deleted, canonical (the identity map's form)
 * @param body       the body to POST (null otherwise)
 * @param reason     why, in words a data steward understands
 * @param displayKey the natural key as a person reads it, e.g. {@code {"beginDate":"2024-08-23",...}}
 */
public record SyncOperation(Kind kind, String sourceKey, String odsId, String naturalKey, JsonObject body,
                            String reason, String displayKey) {
    public enum Kind {
        /** Remove an identity map entry whose ODS item no longer exists or is no longer the source's (no HTTP call). */
        FORGET_MAPPING,
        /** Record the identity map entry of an item the ODS already holds unchanged (no HTTP call). */
        MAP,
        /** DELETE /resource/{odsId}; then remove the source key's identity map entry, if any. */
        DELETE,
        /** POST the body (insert or update by natural key); then map the source key to the returned id. */
        POST
    }

    public SyncOperation {
        if (displayKey == null) {
            displayKey = DocumentKey.readable(naturalKey);
        }
    }

    /** An operation whose readable key is derived from the canonical one. */
    public SyncOperation(Kind kind, String sourceKey, String odsId, String naturalKey, JsonObject body, String reason) {
        this(kind, sourceKey, odsId, naturalKey, body, reason, null);
    }

    /** One line for a person: kind, readable natural key, source key and ODS id when known, and the reason. */
    public String describe() {
        return kind + " " + displayKey + (sourceKey == null ? "" : " (source key " + sourceKey + ")")
                + (odsId == null ? "" : " [id " + odsId + "]") + ": " + reason;
    }
}
