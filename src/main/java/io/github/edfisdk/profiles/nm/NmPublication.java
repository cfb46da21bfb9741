package io.github.edfisdk.profiles.nm;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * The result of publishing a batch of source records: the payloads to send, and for every source record (in input
 * order) whether it was published and why not.
 */
public record NmPublication<T>(List<JsonObject> payloads, List<NmSelection<T>> decisions) {
    public NmPublication {
        payloads = List.copyOf(payloads);
        decisions = List.copyOf(decisions);
    }

    public List<NmSelection<T>> excluded() {
        return decisions.stream().filter(d -> !d.included()).toList();
    }
}
