package io.github.edfisdk.sync;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * One record the source system wants in the ODS.
 *
 * @param sourceKey the source system's own key of the record (the identity map's key), e.g. "programparticipation:1234"
 * @param payload   the Ed-Fi body to POST
 */
public record SourceRecord(String sourceKey, JsonObject payload) {
    public SourceRecord {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(payload, "payload");
    }
}
