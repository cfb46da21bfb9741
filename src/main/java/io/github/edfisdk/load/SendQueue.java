package io.github.edfisdk.load;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The loader's sending threads and the records waiting for them. Readers {@link #put} sends in; each sender takes
 * the next one and runs it (one request at a time, so at most {@code senders} are in flight). Memory stays bounded: a
 * reader that finds {@code capacity} sends waiting is held back.
 *
 * <p>Why not a thread pool and a semaphore of in-flight records: at steady state the reader is always waiting for a
 * permit, so every answer woke the reader and every record woke a sender, two thread switches per record that showed
 * up as system time on a 2-core machine shared with the server (issue 14). Here a held-back reader is let go only once
 * the queue has fallen to half, and then refills it in one go; a sender waits only when nothing is queued.
 */
final class SendQueue implements AutoCloseable {
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final int capacity;
    private final int resumeAt;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final Condition idle = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private int running;
    private boolean closed;
    private Throwable died;

    /**
     * @param senders  sending threads (requests in flight at most)
     * @param capacity sends waiting at most before {@link #put} blocks
     * @param name     thread name prefix
     */
    SendQueue(int senders, int capacity, String name) {
        this.capacity = Math.max(1, capacity);
        this.resumeAt = this.capacity / 2;
        for (int i = 1; i <= senders; i++) {
            Thread t = new Thread(this::work, name + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /**
     * Queues a send; blocks while the queue is full, until it has fallen to half.
     *
     * @throws RejectedExecutionException the queue was closed, or a sender died of an error
     */
    void put(Runnable send) throws InterruptedException {
        lock.lock();
        try {
            if (queue.size() >= capacity) {
                while (queue.size() > resumeAt && !closed) {
                    notFull.await();
                }
            }
            if (closed) {
                throw new RejectedExecutionException("the load is stopping", died);
            }
            queue.add(send);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every send queued so far has finished. */
    void awaitIdle() throws InterruptedException {
        lock.lock();
        try {
            while ((!queue.isEmpty() || running > 0) && !closed) {
                idle.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        while (true) {
            Runnable send;
            lock.lock();
            try {
                while (queue.isEmpty() && !closed) {
                    notEmpty.await();
                }
                if (closed) {
                    return;
                }
                send = queue.poll();
                running++;
                if (queue.size() == resumeAt) {
                    notFull.signalAll();
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            Throwable error = null;
            try {
                send.run();
            } catch (RuntimeException | Error e) {
                error = e;
            } finally {
                lock.lock();
                try {
                    running--;
                    if (error instanceof Error) {
                        // A sender that died of an error (out of memory): stop rather than wait for it forever.
                        died = error;
                        closeLocked();
                    } else if (running == 0 && queue.isEmpty()) {
                        idle.signalAll();
                    }
                } finally {
                    lock.unlock();
                }
            }
            if (error instanceof Error e) {
                throw e;
            }
        }
    }

    /** Stops the senders; sends still queued are dropped (a load closes the queue only once drained, or when stopping). */
    @Override
    public void close() {
        lock.lock();
        try {
            closeLocked();
        } finally {
            lock.unlock();
        }
        threads.forEach(Thread::interrupt);
    }

    private void closeLocked() {
        closed = true;
        notFull.signalAll();
        notEmpty.signalAll();
        idle.signalAll();
    }
}
