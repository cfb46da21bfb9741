package io.github.edfisdk.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how often a request is sent again: on the statuses in {@link #retryableStatuses()} (default 429, 500,
 * 502, 503, 504) and on connection failures, with exponential backoff and jitter
 * ({@code delay(n) = random in [½, 1] × min(maxDelay, baseDelay × 2^(n-1))}), honouring the server's
 * {@code Retry-After}, and bounded both by {@link #maxAttempts()} and by {@link #maxElapsed()} (a retry whose wait
 * would end past that budget is not made). Immutable; build with {@link #builder()}.
 *
 * <p>Every Ed-Fi method may be retried, POST included: POST is an upsert by natural key, so sending it twice
 * stores the same document. Turn retries off per request with {@link RequestOptions.Builder#retry(boolean)}. A
 * request whose body can be written only once ({@code RequestBody.isOneShot()}) is never sent again.
 *
 * <p>Time comes from {@link #clock()} and waits go through {@link #sleeper()} (the system's by default), so a test
 * can run the policy on a clock it moves itself.
 */
public final class RetryPolicy {
    /** Waits between attempts. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits {@code d}; a thread interrupt ends the wait with {@link InterruptedException}. */
        void sleep(Duration d) throws InterruptedException;

        /** {@link Thread#sleep}. */
        Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    }

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxElapsed;
    private final Set<Integer> retryableStatuses;
    private final boolean retryConnectionFailures;
    private final boolean honorRetryAfter;
    private final Clock clock;
    private final Sleeper sleeper;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.maxElapsed = b.maxElapsed;
        this.retryableStatuses = Set.copyOf(b.retryableStatuses);
        this.retryConnectionFailures = b.retryConnectionFailures;
        this.honorRetryAfter = b.honorRetryAfter;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
    }

    /** 4 attempts, 250 ms base delay, 20 s max delay, 60 s total, statuses 429/500/502/503/504, connection failures. */
    public static RetryPolicy defaults() { return DEFAULTS; }

    /** One attempt, never retried. */
    public static RetryPolicy none() { return NONE; }

    /** A builder starting from the defaults. */
    public static Builder builder() { return new Builder(); }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).baseDelay(baseDelay).maxDelay(maxDelay).maxElapsed(maxElapsed)
                .retryableStatuses(retryableStatuses).retryConnectionFailures(retryConnectionFailures)
                .honorRetryAfter(honorRetryAfter).clock(clock).sleeper(sleeper);
    }

    /** Attempts in total, the first one included (1 = no retry). */
    public int maxAttempts() { return maxAttempts; }

    /** Delay before the first retry, before jitter. */
    public Duration baseDelay() { return baseDelay; }

    /** Upper bound of one computed backoff delay. */
    public Duration maxDelay() { return maxDelay; }

    /** Time budget of all attempts and waits of one request; no retry is started that would end past it. */
    public Duration maxElapsed() { return maxElapsed; }

    /** HTTP statuses answered by a retry. */
    public Set<Integer> retryableStatuses() { return retryableStatuses; }

    /** Whether connection failures and timeouts are retried. */
    public boolean retryConnectionFailures() { return retryConnectionFailures; }

    /** Whether the server's {@code Retry-After} sets the wait (when longer than the backoff). */
    public boolean honorRetryAfter() { return honorRetryAfter; }

    /** The clock of the time budget and of {@code Retry-After} dates. */
    public Clock clock() { return clock; }

    /** What waits between attempts. */
    public Sleeper sleeper() { return sleeper; }

    /** Whether {@code status} is retried. */
    public boolean isRetryable(int status) { return retryableStatuses.contains(status); }

    /**
     * The backoff before retry number {@code retry} (1 for the first retry), jitter included.
     *
     * @param retry 1-based retry number
     */
    public Duration backoff(int retry) {
        long base = baseDelay.toNanos();
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long exponential = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
        long capped = Math.min(exponential, maxDelay.toNanos());
        // "Equal jitter": at least half the delay, so retries still back off, spread enough to avoid herds.
        long jittered = capped / 2 + (capped / 2 == 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 2 + 1));
        return Duration.ofNanos(jittered);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", maxElapsed=" + maxElapsed + ", statuses=" + retryableStatuses + ", connectionFailures="
                + retryConnectionFailures + ", honorRetryAfter=" + honorRetryAfter + "]";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration baseDelay = Duration.ofMillis(250);
        private Duration maxDelay = Duration.ofSeconds(20);
        private Duration maxElapsed = Duration.ofSeconds(60);
        private Set<Integer> retryableStatuses = Set.of(429, 500, 502, 503, 504);
        private boolean retryConnectionFailures = true;
        private boolean honorRetryAfter = true;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder() {
        }

        /** The clock of the time budget and of {@code Retry-After} dates (default: the system's). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** What waits between attempts (default: {@link Sleeper#SYSTEM}); a test records or fakes the waits. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Attempts in total including the first; at least 1. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Delay before the first retry (doubled for each further retry). */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = nonNegative(baseDelay, "baseDelay");
            return this;
        }

        /** Cap of one backoff delay. */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = nonNegative(maxDelay, "maxDelay");
            return this;
        }

        /** Total time budget of one request including its retries. */
        public Builder maxElapsed(Duration maxElapsed) {
            this.maxElapsed = nonNegative(maxElapsed, "maxElapsed");
            return this;
        }

        /** The statuses to retry (replaces the default set). */
        public Builder retryableStatuses(Set<Integer> statuses) {
            this.retryableStatuses = Set.copyOf(statuses);
            return this;
        }

        /** Whether connection failures and timeouts are retried (default true). */
        public Builder retryConnectionFailures(boolean retry) {
            this.retryConnectionFailures = retry;
            return this;
        }

        /** Whether {@code Retry-After} is honoured (default true). */
        public Builder honorRetryAfter(boolean honor) {
            this.honorRetryAfter = honor;
            return this;
        }

        /** The immutable policy. */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + d);
            }
            return d;
        }
    }
}
