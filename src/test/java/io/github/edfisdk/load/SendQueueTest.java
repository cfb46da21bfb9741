package io.github.edfisdk.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The loader's hand-off from readers to senders (issue 14): bounded, batched wake-ups, drained before a level ends. */
class SendQueueTest {

    @Test
    void aFullQueueHoldsTheReaderBackUntilItHasFallenToHalf() throws Exception {
        CountDownLatch[] gates = new CountDownLatch[6];
        for (int i = 0; i < gates.length; i++) {
            gates[i] = new CountDownLatch(1);
        }
        List<Integer> ran = new CopyOnWriteArrayList<>();
        try (SendQueue q = new SendQueue(1, 4, "test-sender-")) {
            CountDownLatch firstRunning = new CountDownLatch(1);
            for (int i = 0; i < 5; i++) { // one running (held by its gate) and four waiting: full
                int n = i;
                q.put(() -> {
                    firstRunning.countDown();
                    await(gates[n]);
                    ran.add(n);
                });
                if (i == 0) {
                    assertTrue(firstRunning.await(5, TimeUnit.SECONDS));
                }
            }
            CountDownLatch putDone = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try {
                    q.put(() -> ran.add(5));
                    putDone.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            reader.start();
            assertFalse(putDone.await(100, TimeUnit.MILLISECONDS), "the queue is full: put must wait");
            gates[0].countDown(); // record 1 is taken (and held by its gate): three waiting, still above half
            assertFalse(putDone.await(100, TimeUnit.MILLISECONDS), "a plain bounded queue would let the reader go now");
            gates[1].countDown(); // record 2 is taken: two waiting, half
            assertTrue(putDone.await(5, TimeUnit.SECONDS), "at half the reader goes on");
            for (CountDownLatch g : gates) {
                g.countDown();
            }
            q.awaitIdle();
            assertEquals(List.of(0, 1, 2, 3, 4, 5), ran);
        }
    }

    @Test
    void awaitIdleReturnsOnceEverySendHasFinished() throws Exception {
        AtomicInteger done = new AtomicInteger();
        try (SendQueue q = new SendQueue(8, 16, "test-sender-")) {
            for (int i = 0; i < 1000; i++) {
                q.put(done::incrementAndGet);
            }
            q.awaitIdle();
            assertEquals(1000, done.get());
        }
    }

    @Test
    void aClosedQueueRefusesNewSends() throws Exception {
        SendQueue q = new SendQueue(2, 4, "test-sender-");
        q.close();
        assertThrows(RejectedExecutionException.class, () -> q.put(() -> { }));
    }

    private static void await(CountDownLatch gate) {
        try {
            assertTrue(gate.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
