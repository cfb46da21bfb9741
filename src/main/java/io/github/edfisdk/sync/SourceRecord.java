package io.github.edfisdk.sync;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * One record the source system wants in the ODS.
 *
 * @param sourceKey the source system's own key of the record (the identity map's key), e.g. "programparticipation:1234"
 * @param payload   the Ed-Fi body to POST
 * @param origin    where the record comes from, for messages (e.g. "source.jsonl:12"), or null
 */
public record SourceRecord(String sourceKey, JsonObject payload, String origin) {
    public SourceRecord {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(payload, "payload");
    }

    public SourceRecord(String sourceKey, JsonObject payload) {
        this(sourceKey, payload, null);
    }
}
