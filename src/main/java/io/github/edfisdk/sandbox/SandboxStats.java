package io.github.edfisdk.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the requests that reached the sandbox, by kind and outcome: the server's side of a load's account (a POST
 * retried after a dropped connection reached the server twice). Kinds: the method of a data request ({@code POST},
 * {@code GET}, {@code PUT}, {@code DELETE}), {@code TOKEN} for {@code /oauth/token}, {@code OTHER} for the rest.
 * Outcomes: the status ({@code 201}), an injected one ({@code 503 injected}), or {@code dropped before commit} /
 * {@code dropped after commit}. Thread-safe.
 */
public final class SandboxStats {
    static final String DROPPED_BEFORE = "dropped before commit";
    static final String DROPPED_AFTER = "dropped after commit";

    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

    void record(String kind, String outcome) {
        counts.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).computeIfAbsent(outcome, o -> new LongAdder())
                .increment();
    }

    /** Requests of this kind that reached the sandbox (answered or not), e.g. {@code received("POST")}. */
    public long received(String kind) {
        Map<String, LongAdder> m = counts.get(kind);
        return m == null ? 0 : m.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The outcomes of one kind with their counts, sorted by outcome. */
    public Map<String, Long> outcomes(String kind) {
        Map<String, Long> out = new TreeMap<>();
        Map<String, LongAdder> m = counts.get(kind);
        if (m != null) {
            m.forEach((k, v) -> out.put(k, v.sum()));
        }
        return out;
    }

    /** Every kind's outcomes. */
    public Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        counts.keySet().forEach(k -> out.put(k, outcomes(k)));
        return out;
    }

    /** One line, e.g. {@code POST 24113 (200: 310, 201: 20000, 429 injected: 1190, ...); TOKEN 3 (200: 3)}. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        snapshot().forEach((kind, outcomes) -> {
            b.append(b.length() == 0 ? "" : "; ").append(kind).append(' ').append(received(kind)).append(" (");
            StringBuilder o = new StringBuilder();
            outcomes.forEach((k, v) -> o.append(o.length() == 0 ? "" : ", ").append(k).append(": ").append(v));
            b.append(o).append(')');
        });
        return b.length() == 0 ? "no requests" : b.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
