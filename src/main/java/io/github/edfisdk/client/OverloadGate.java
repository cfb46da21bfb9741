package io.github.edfisdk.client;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Slows every request of a client down when the server says it is overloaded, for bulk work such as a load: a
 * {@code 429} or {@code 503} with {@code Retry-After} pauses all requests (not only the one answered) until that
 * time, and the number of requests in flight follows AIMD, as TCP does: halved on a 429/503 (at most once per
 * window of that many answers, so one burst counts once), one more after each window of successful answers, up to
 * {@code maxConcurrency}. Other answers and connection failures leave the limit alone.
 *
 * <p>Give one gate to {@link EdFiClient.Builder#overloadGate}; its {@link RetryInterceptor} passes each attempt
 * through it. A client without a gate sends as its callers do. Thread-safe.
 */
public final class OverloadGate {
    private final int maxConcurrency;
    private final Clock clock;
    private final RetryPolicy.Sleeper sleeper;
    private volatile long pausedUntilMillis;
    private int limit;
    private int inFlight;
    private int answersSinceDecrease;
    private int successesSinceIncrease;
    private long decreases;
    private long pauses;

    /** A gate of up to {@code maxConcurrency} requests in flight, on the system clock. */
    public OverloadGate(int maxConcurrency) {
        this(maxConcurrency, Clock.systemUTC(), RetryPolicy.Sleeper.SYSTEM);
    }

    /** A gate on a given clock and sleeper (tests move time themselves). */
    public OverloadGate(int maxConcurrency, Clock clock, RetryPolicy.Sleeper sleeper) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        }
        this.maxConcurrency = maxConcurrency;
        this.limit = maxConcurrency;
        this.answersSinceDecrease = maxConcurrency;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Waits out a pause and for a free place under the limit, then takes it. Pair with {@link #exit}. */
    void enter() throws InterruptedIOException {
        try {
            while (true) {
                long wait = pausedUntilMillis - clock.millis();
                if (wait > 0) {
                    sleeper.sleep(Duration.ofMillis(wait));
                    continue;
                }
                synchronized (this) {
                    if (inFlight < limit && pausedUntilMillis <= clock.millis()) {
                        inFlight++;
                        return;
                    }
                    if (inFlight >= limit) {
                        wait(); // woken by exit(); then the pause is looked at again
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("Interrupted while the server was overloaded");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    /**
     * Gives the place back with what the attempt got.
     *
     * @param status     the answer's status, 0 when no answer came
     * @param retryAfter the answer's {@code Retry-After}, or null
     */
    void exit(int status, Duration retryAfter) {
        boolean overloaded = status == 429 || status == 503;
        if (overloaded && retryAfter != null && !retryAfter.isZero()) {
            long until = clock.millis() + retryAfter.toMillis();
            synchronized (this) {
                if (until > pausedUntilMillis) {
                    pausedUntilMillis = until;
                    pauses++;
                }
            }
        }
        synchronized (this) {
            inFlight--;
            answersSinceDecrease++;
            if (overloaded) {
                if (answersSinceDecrease >= limit) {
                    limit = Math.max(1, limit / 2);
                    answersSinceDecrease = 0;
                    successesSinceIncrease = 0;
                    decreases++;
                }
            } else if (status > 0 && status < 500) {
                if (++successesSinceIncrease >= limit && limit < maxConcurrency) {
                    limit++;
                    successesSinceIncrease = 0;
                }
            }
            notifyAll();
        }
    }

    /** The requests allowed in flight now. */
    public synchronized int limit() {
        return limit;
    }

    /** How often the limit was halved. */
    public synchronized long decreases() {
        return decreases;
    }

    /** How often a {@code Retry-After} paused (or extended a pause of) every request. */
    public synchronized long pauses() {
        return pauses;
    }

    @Override
    public synchronized String toString() {
        return "OverloadGate[limit=" + limit + " of " + maxConcurrency + ", inFlight=" + inFlight + ", decreases="
                + decreases + ", pauses=" + pauses + "]";
    }
}
