package io.github.edfisdk.sync;

/**
 * A synchronization that was planned but not executed because its plan fails a safety check (the delete guard):
 * nothing was sent, nothing deleted, the identity map is unchanged. The plan is kept for the report.
 */
public final class SyncRefusedException extends RuntimeException {
    private final transient SyncPlan plan;

    public SyncRefusedException(String message, SyncPlan plan) {
        super(message);
        this.plan = plan;
    }

    public SyncPlan plan() {
        return plan;
    }
}
