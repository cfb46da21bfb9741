package io.github.edfisdk.sync;

import java.util.List;

/**
 * What a synchronization will do, in execution order (identity map bookkeeping, deletes, posts), plus the source
 * records left as they are and those that cannot be sent. Every source record appears exactly once across
 * {@code operations} (POST), {@code unchanged} and {@code rejected}.
 */
public record SyncPlan(List<SyncOperation> operations, List<String> unchanged, List<Rejected> rejected) {
    /** A source record the plan cannot send, and why. */
    public record Rejected(String sourceKey, String reason) {
    }

    public SyncPlan {
        operations = List.copyOf(operations);
        unchanged = List.copyOf(unchanged);
        rejected = List.copyOf(rejected);
    }

    public List<SyncOperation> of(SyncOperation.Kind kind) {
        return operations.stream().filter(o -> o.kind() == kind).toList();
    }
}
