package io.github.edfisdk.sync;

import com.google.gson.JsonObject;
import io.github.edfisdk.client.DocumentClient;
import io.github.edfisdk.client.EdFiException;
import io.github.edfisdk.client.NotFoundException;
import io.github.edfisdk.client.WriteResult;
import io.github.edfisdk.model.ResourceModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes the ODS match a source set for one resource and scope, as SIS integrations do (seed 002): new and changed
 * records are POSTed, items no longer in the source are DELETEd, a natural key change is a DELETE then a POST, and an
 * identity map from source keys to ODS ids is kept on disk. Planning is {@link SyncPlanner}'s; this class fetches the
 * ODS items in scope, executes the plan over HTTP and saves the identity map after every step, so a crash loses at most
 * the step under way (the next run repairs it: the planner resyncs both sides).
 *
 * <p>Safety: the scope's names must be query parameters of the resource (the ODS ignores unknown ones and would
 * answer the whole resource); items the query returns outside the scope are left alone; a plan that would delete
 * more than {@link #maxDeleteShare} of the items in scope (an empty or truncated source) is refused unless
 * {@link #allowMassDelete}; {@link #plan} is a dry run. A resource {@link #toggledOff} sends nothing and deletes
 * nothing (seed 002: "all sent data will remain in the ODS but no new data will send").
 */
public final class Synchronizer {
    private final DocumentClient documents;
    private final ResourceModel resource;
    private final SyncScope scope;
    private final Path identityMapFile;
    private final SyncPlanner planner;
    private double maxDeleteShare = DEFAULT_MAX_DELETE_SHARE;
    private boolean allowMassDelete;
    private boolean toggledOff;

    /** The share of the items in scope a run may delete unless mass deletes are allowed. */
    public static final double DEFAULT_MAX_DELETE_SHARE = 0.5;

    /**
     * @param scopeQuery      GET query that selects the ODS items this source owns (e.g. {@code programName=...});
     *                        items in it are deleted when no source record matches them
     * @param identityMapFile where the source-key to ODS-id map lives (created when missing)
     * @throws IllegalArgumentException a scope name that is not a GET query parameter of the resource
     */
    public Synchronizer(DocumentClient documents, ResourceModel resource, Map<String, String> scopeQuery,
                        Path identityMapFile) {
        this.documents = Objects.requireNonNull(documents, "documents");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.scope = new SyncScope(resource, scopeQuery);
        this.identityMapFile = Objects.requireNonNull(identityMapFile, "identityMapFile");
        this.planner = new SyncPlanner(DocumentKey.of(resource), scope);
    }

    /**
     * The largest share (0..1) of the items in scope one run may delete for good; a plan deleting more is refused
     * with {@link SyncRefusedException} before anything is sent. Default {@value #DEFAULT_MAX_DELETE_SHARE}.
     */
    public Synchronizer maxDeleteShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("The delete share is between 0 and 1, got " + share);
        }
        this.maxDeleteShare = share;
        return this;
    }

    /** Lets a run delete any share of the scope (the source really shrank). */
    public Synchronizer allowMassDelete(boolean allow) {
        this.allowMassDelete = allow;
        return this;
    }

    /** Toggled OFF: a run sends nothing and deletes nothing; data already sent stays in the ODS. */
    public Synchronizer toggledOff(boolean off) {
        this.toggledOff = off;
        return this;
    }

    public SyncScope scope() {
        return scope;
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

    /**
     * The dry run: the plan against the ODS as it is now, without sending, deleting or writing the identity map.
     *
     * @throws IllegalArgumentException two source records with the same source key
     */
    public SyncPlan plan(List<SourceRecord> source) {
        return plan(source, loadMap());
    }

    private SyncPlan plan(List<SourceRecord> source, IdentityMap map) {
        if (toggledOff) {
            SyncPlanner.requireUniqueSourceKeys(source);
            return planner.planDisabled(source);
        }
        List<JsonObject> items = documents.query(resource.path(), scope.query()).stream().toList();
        return planner.plan(source, items, map);
    }

    /** Why the delete guard refuses this plan, or empty when it may run. */
    public Optional<String> refusal(SyncPlan plan) {
        int removals = plan.removals().size();
        if (allowMassDelete || removals == 0 || removals <= maxDeleteShare * plan.scopeSize()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "The plan deletes %d of the %d items in scope (%s), more than"
                + " the allowed share %s: nothing was sent. An empty or truncated source looks like this; check it (a"
                + " dry run shows the plan), or allow mass deletes if the source really shrank.", removals,
                plan.scopeSize(), scope, BigDecimal.valueOf(maxDeleteShare).stripTrailingZeros().toPlainString()));
    }

    /**
     * Plans against the ODS as it is now, executes, and saves the identity map. A failed step does not stop the run.
     *
     * @throws SyncRefusedException     the delete guard refused the plan (nothing was done)
     * @throws IllegalArgumentException two source records with the same source key (nothing was done)
     */
    public Result sync(List<SourceRecord> source) {
        IdentityMap map = loadMap();
        SyncPlan plan = plan(source, map);
        if (toggledOff) {
            return new Result(plan, List.of());
        }
        Optional<String> refused = refusal(plan);
        if (refused.isPresent()) {
            throw new SyncRefusedException(refused.get(), plan);
        }
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
