package io.github.edfisdk.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when something sleeps on it: retry timing tested without the wall clock. */
final class FakeTime extends Clock implements RetryPolicy.Sleeper {
    private final AtomicLong millis;
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    FakeTime(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    FakeTime() {
        this(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Override
    public void sleep(Duration d) {
        waits.add(d);
        millis.addAndGet(d.toMillis());
    }

    /** Total time slept. */
    Duration slept() {
        synchronized (waits) {
            return waits.stream().reduce(Duration.ZERO, Duration::plus);
        }
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** A policy that sleeps and tells time on this clock. */
    RetryPolicy.Builder policy(RetryPolicy base) {
        return base.toBuilder().clock(this).sleeper(this);
    }
}
