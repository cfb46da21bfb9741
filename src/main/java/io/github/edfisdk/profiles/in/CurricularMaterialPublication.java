package io.github.edfisdk.profiles.in;

import com.google.gson.JsonObject;
import java.util.List;

/** The payloads to send and, for every source student in input order, the decision behind them. */
public record CurricularMaterialPublication(List<JsonObject> payloads, List<CurricularMaterialDecision> decisions) {
    public CurricularMaterialPublication {
        payloads = List.copyOf(payloads);
        decisions = List.copyOf(decisions);
    }

    public List<CurricularMaterialDecision> notReported() {
        return decisions.stream().filter(d -> !d.reported()).toList();
    }
}
