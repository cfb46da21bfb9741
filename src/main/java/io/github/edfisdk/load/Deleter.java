package io.github.edfisdk.load;

import io.github.edfisdk.client.DocumentClient;
import io.github.edfisdk.client.EdFiApiException;
import io.github.edfisdk.client.EdFiException;
import io.github.edfisdk.model.Dependency;
import io.github.edfisdk.model.DataStandardModel;
import io.github.edfisdk.model.NaturalKey;
import io.github.edfisdk.model.ResourceModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * Deletes the records of input files from an API by natural key, dependents first (the reverse of the dependency
 * order, one level at a time, {@code concurrency} requests in flight). A record the API does not have is counted
 * as absent, not failed; one the API refuses to delete (409: still referenced) goes to the errors file.
 */
public final class Deleter {
    private final DocumentClient documents;
    private final DataStandardModel model;
    private final List<Dependency> dependencies;
    private final int concurrency;
    private final Path csvMapping;

    public Deleter(DocumentClient documents, DataStandardModel model, List<Dependency> dependencies, int concurrency, Path csvMapping) {
        this.documents = documents;
        this.model = model;
        this.dependencies = dependencies;
        this.concurrency = concurrency;
        this.csvMapping = csvMapping;
    }

    /** Outcome of a delete run. */
    public record DeleteReport(Map<String, long[]> counts, long failed) {
        public int exitCode() {
            return failed == 0 ? 0 : 1;
        }

        /** Per resource: deleted, absent, failed. */
        public String format() {
            StringBuilder b = new StringBuilder(String.format("%-52s %10s %10s %10s%n", "resource", "deleted", "absent", "failed"));
            counts.forEach((r, c) -> b.append(String.format("%-52s %10d %10d %10d%n", r, c[0], c[1], c[2])));
            return b.toString();
        }
    }

    public DeleteReport delete(List<Path> paths, ErrorLog errors) throws IOException {
        List<InputFile> files = Inputs.open(paths, model, csvMapping);
        Map<ResourceModel, Integer> order = new HashMap<>();
        for (Dependency d : dependencies) {
            model.resource(d.path()).ifPresent(r -> order.putIfAbsent(r, d.order()));
        }
        TreeMap<Integer, Set<ResourceModel>> levels = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (InputFile f : files) {
            for (ResourceModel r : f.resources()) {
                levels.computeIfAbsent(order.getOrDefault(r, Integer.MAX_VALUE), k -> new LinkedHashSet<>()).add(r);
            }
        }
        Map<String, LongAdder[]> counts = new TreeMap<>();
        for (Set<ResourceModel> rs : levels.values()) {
            for (ResourceModel r : rs) {
                counts.put(r.name(), new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
            }
        }
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        Semaphore inFlight = new Semaphore(concurrency);
        try {
            for (Set<ResourceModel> level : levels.values()) {
                for (InputFile f : files) {
                    f.read(level::contains, false, rec -> {
                        if (!rec.readable()) {
                            return; // loading reports unreadable records; there is nothing to delete for them
                        }
                        inFlight.acquireUninterruptibly();
                        workers.execute(() -> {
                            try {
                                deleteOne(rec, counts.get(rec.resource().name()), errors);
                            } finally {
                                inFlight.release();
                            }
                        });
                    });
                }
                inFlight.acquireUninterruptibly(concurrency);
                inFlight.release(concurrency);
            }
        } finally {
            workers.shutdownNow();
        }
        Map<String, long[]> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, new long[] {v[0].sum(), v[1].sum(), v[2].sum()}));
        return new DeleteReport(out, errors.count());
    }

    private void deleteOne(InputRecord rec, LongAdder[] c, ErrorLog errors) {
        ResourceModel r = rec.resource();
        NaturalKey key = r.naturalKey(rec.document());
        try {
            if (!key.isComplete()) {
                throw new IllegalArgumentException("the record lacks identity fields " + key.missing());
            }
            Optional<com.google.gson.JsonObject> found = documents.findByNaturalKey(r.path(), rec.document());
            if (found.isEmpty() || !found.get().has("id")) {
                c[1].increment();
                return;
            }
            documents.delete(r.path(), found.get().get("id").getAsString());
            c[0].increment();
        } catch (EdFiApiException e) {
            c[2].increment();
            String message = e.problem().detail() != null ? e.problem().detail() : e.getMessage();
            errors.add(new RecordFailure(rec.source(), rec.line(), r.name(), key.values(), e.status(), e.problem().type(),
                    message, e.problem().validationErrors()));
        } catch (EdFiException | IllegalArgumentException e) {
            c[2].increment();
            errors.add(new RecordFailure(rec.source(), rec.line(), r.name(), key.values(), 0,
                    e instanceof EdFiException ? RecordFailure.CONNECTION : RecordFailure.MALFORMED, e.getMessage(), Map.of()));
        }
    }
}
