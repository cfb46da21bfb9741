package io.github.edfisdk.sync;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a synchronization will do, in execution order (identity map bookkeeping, deletes, posts), plus the source
 * records left as they are and those that cannot be sent. Every source record appears exactly once across
 * {@code operations} (POST), {@code unchanged} and {@code rejected}.
 *
 * @param scopeSize    the ODS items in scope the plan was made against
 * @param outsideScope ODS items the query returned that are outside the scope (left alone: the server ignored a
 *                     filter, or an item changed between query and plan)
 */
public record SyncPlan(List<SyncOperation> operations, List<String> unchanged, List<Rejected> rejected, int scopeSize,
                       int outsideScope) {
    /** A source record the plan cannot send, and why. */
    public record Rejected(String sourceKey, String reason) {
    }

    public SyncPlan {
        operations = List.copyOf(operations);
        unchanged = List.copyOf(unchanged);
        rejected = List.copyOf(rejected);
    }

    public SyncPlan(List<SyncOperation> operations, List<String> unchanged, List<Rejected> rejected) {
        this(operations, unchanged, rejected, 0, 0);
    }

    public List<SyncOperation> of(SyncOperation.Kind kind) {
        return operations.stream().filter(o -> o.kind() == kind).toList();
    }

    /**
     * The DELETEs that remove an item for good: not the first half of a natural key change (whose record is POSTed
     * again under its new key). These are what a truncated source would cause, so the delete guard counts them.
     */
    public List<SyncOperation> removals() {
        Set<String> posted = new HashSet<>();
        of(SyncOperation.Kind.POST).forEach(p -> posted.add(p.sourceKey()));
        return of(SyncOperation.Kind.DELETE).stream()
                .filter(d -> d.sourceKey() == null || !posted.contains(d.sourceKey())).toList();
    }
}
