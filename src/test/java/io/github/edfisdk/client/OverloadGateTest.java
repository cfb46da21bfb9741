package io.github.edfisdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link OverloadGate} on a clock that only moves when the gate waits. */
class OverloadGateTest {
    final FakeTime time = new FakeTime();
    final OverloadGate gate = new OverloadGate(8, time, time);

    private void answer(int status, Duration retryAfter) throws Exception {
        gate.enter();
        gate.exit(status, retryAfter);
    }

    @Test
    void aRetryAfterPausesEveryLaterRequestUntilItsEnd() throws Exception {
        answer(429, Duration.ofSeconds(2));
        assertEquals(List.of(), time.waits, "the answered request itself does not wait here");
        answer(200, null);
        assertEquals(List.of(Duration.ofSeconds(2)), time.waits, "the next request waits out the pause");
        answer(200, null);
        assertEquals(1, time.waits.size(), "the pause is over");
        assertEquals(1, gate.pauses());
    }

    @Test
    void overloadHalvesTheLimitOncePerWindowAndSuccessesRaiseItOneByOne() throws Exception {
        answer(503, null);
        assertEquals(4, gate.limit());
        answer(503, null);
        assertEquals(4, gate.limit(), "a burst of overload answers within one window counts once");
        for (int i = 0; i < 3; i++) {
            answer(500, null);
        }
        answer(503, null);
        assertEquals(2, gate.limit(), "a full window later, halved again");
        answer(200, null);
        answer(201, null);
        assertEquals(3, gate.limit(), "a window of successes adds one");
        for (int i = 0; i < 100; i++) {
            answer(200, null);
        }
        assertEquals(8, gate.limit(), "never above the maximum");
        assertEquals(List.of(), time.waits, "503 without Retry-After does not pause");
    }

    @Test
    void theLimitBoundsRequestsInFlight() throws Exception {
        OverloadGate one = new OverloadGate(2, time, time);
        one.enter();
        one.exit(429, null); // limit 1
        one.enter();
        Thread second = new Thread(() -> {
            try {
                one.enter();
                one.exit(200, null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        second.start();
        second.join(200);
        assertTrue(second.isAlive(), "the second request waits for the first");
        one.exit(200, null);
        second.join(5000);
        assertTrue(!second.isAlive(), "and goes once the first is answered");
    }

    @Test
    void aRequestThatFailsWithARuntimeExceptionGivesItsPlaceBack() throws Exception {
        OverloadGate single = new OverloadGate(1, time, time);
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder()
                .addInterceptor(new RetryInterceptor(RetryPolicy.none(), single))
                .addInterceptor(chain -> {
                    throw new IllegalStateException("a bug further down the chain");
                }).build();
        okhttp3.Request request = new okhttp3.Request.Builder().url("http://127.0.0.1:9/x").build();
        java.util.concurrent.atomic.AtomicInteger thrown = new java.util.concurrent.atomic.AtomicInteger();
        // A daemon thread, so that a leaked place (the second call waiting for ever) fails the test instead of hanging it.
        Thread calls = new Thread(() -> {
            for (int i = 0; i < 2; i++) {
                try {
                    http.newCall(request).execute().close();
                } catch (IllegalStateException | java.io.IOException e) {
                    thrown.incrementAndGet();
                }
            }
        });
        calls.setDaemon(true);
        calls.start();
        calls.join(5000);
        assertFalse(calls.isAlive(), "the second call waited for the place the first one kept");
        assertEquals(2, thrown.get());
    }
}
