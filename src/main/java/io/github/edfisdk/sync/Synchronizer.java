package io.github.edfisdk.sync;

import com.google.gson.JsonObject;
import io.github.edfisdk.client.DocumentClient;
import io.github.edfisdk.client.EdFiException;
import io.github.edfisdk.client.NotFoundException;
import io.github.edfisdk.client.WriteResult;
import io.github.edfisdk.model.ResourceModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Makes the ODS match a source set for one resource and scope, as SIS integrations do (seed 002): new and changed
 * records are POSTed, items no longer in the source are DELETEd, a natural key change is a DELETE then a POST, and an
 * identity map from source keys to ODS ids is kept on disk. Planning is {@link SyncPlanner}'s; this class fetches the
 * ODS items in scope, executes the plan over HTTP and saves the identity map after every step, so a crash loses at most
 * the step under way (the next run repairs it: the planner resyncs both sides).
 */
public final class Synchronizer {
    private final DocumentClient documents;
    private final ResourceModel resource;
    private final Map<String, String> scopeQuery;
    private final Path identityMapFile;
    private final SyncPlanner planner;

    /**
     * @param scopeQuery      GET query that selects the ODS items this source owns (e.g. {@code programName=...});
     *                        items it returns are deleted when no source record matches them
     * @param identityMapFile where the source-key to ODS-id map lives (created when missing)
     */
    public Synchronizer(DocumentClient documents, ResourceModel resource, Map<String, String> scopeQuery,
                        Path identityMapFile) {
        this.documents = Objects.requireNonNull(documents, "documents");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.scopeQuery = Map.copyOf(scopeQuery);
        this.identityMapFile = Objects.requireNonNull(identityMapFile, "identityMapFile");
        Predicate<JsonObject> inScope = item -> true; // the query already selected the scope
        this.planner = new SyncPlanner(DocumentKey.of(resource), inScope);
    }

    /** One executed step, or one that failed with the reason. */
    public record Step(SyncOperation operation, String resultingId, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** What a run did: the plan and every step's outcome. */
    public record Result(SyncPlan plan, List<Step> steps) {
        public long count(SyncOperation.Kind kind) {
            return steps.stream().filter(s -> !s.failed() && s.operation().kind() == kind).count();
        }

        public List<Step> failures() {
            return steps.stream().filter(Step::failed).toList();
        }

        /** True when nothing had to be sent or deleted. */
        public boolean unchanged() {
            return steps.stream().noneMatch(s -> s.operation().kind() == SyncOperation.Kind.POST
                    || s.operation().kind() == SyncOperation.Kind.DELETE);
        }
    }

    /** Plans against the ODS as it is now, executes, and saves the identity map. A failed step does not stop the run. */
    public Result sync(List<SourceRecord> source) {
        IdentityMap map = loadMap();
        List<JsonObject> items = documents.query(resource.path(), scopeQuery).stream().toList();
        SyncPlan plan = planner.plan(source, items, map);
        List<Step> steps = new ArrayList<>();
        for (SyncOperation op : plan.operations()) {
            try {
                String id = execute(op);
                map.apply(op, id);
                steps.add(new Step(op, id, null));
            } catch (EdFiException e) {
                steps.add(new Step(op, null, e.getMessage()));
            }
            saveMap(map);
        }
        saveMap(map);
        return new Result(plan, steps);
    }

    private String execute(SyncOperation op) {
        switch (op.kind()) {
            case POST -> {
                WriteResult w = documents.post(resource.path(), op.body());
                return w.id();
            }
            case DELETE -> {
                try {
                    documents.delete(resource.path(), op.odsId());
                } catch (NotFoundException alreadyGone) {
                    // Someone else deleted it: the goal of the step holds.
                }
                return op.odsId();
            }
            default -> {
                return op.odsId();
            }
        }
    }

    private IdentityMap loadMap() {
        try {
            return IdentityMap.load(identityMapFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void saveMap(IdentityMap map) {
        try {
            map.save(identityMapFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the identity map " + identityMapFile, e);
        }
    }
}
