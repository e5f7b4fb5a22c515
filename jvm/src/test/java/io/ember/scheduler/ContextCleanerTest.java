package io.ember.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.CleanupTask;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The cleaner's logic, driven without its thread against a recording target. */
class ContextCleanerTest {
    /** Records what the cleaner asked for, in order. */
    private static class RecordingTarget implements CleanupTarget {
        final List<String> calls = new ArrayList<>();

        @Override
        public synchronized void removeRdd(int rddId) {
            calls.add("rdd " + rddId);
        }

        @Override
        public synchronized void removeShuffle(int shuffleId, int numMaps) {
            calls.add("shuffle " + shuffleId + " of " + numMaps);
        }

        @Override
        public synchronized void removeBroadcast(long broadcastId) {
            calls.add("broadcast " + broadcastId);
        }
    }

    private final RecordingTarget target = new RecordingTarget();
    private final ContextCleaner cleaner = new ContextCleaner(target, 60_000, System::gc);

    /** Collects garbage until the cleaner has handed {@code expected} tasks to the target (30 s at most). */
    private int collectAndClean(int expected) throws InterruptedException {
        int cleaned = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (cleaned < expected && System.nanoTime() < deadline) {
            System.gc();
            cleaned += cleaner.cleanCollected(50);
        }
        return cleaned;
    }

    @Test
    void unreferencedOwnersAreCleanedByKind() throws InterruptedException {
        Object rdd = new Object();
        Object shuffle = new Object();
        Object broadcast = new Object();
        cleaner.register(rdd, new CleanupTask.CleanRdd(4));
        cleaner.register(shuffle, new CleanupTask.CleanShuffle(2, 3));
        cleaner.register(broadcast, new CleanupTask.CleanBroadcast(9L));
        assertEquals(3, cleaner.trackedCount());
        assertEquals(0, cleaner.cleanCollected(0), "nothing is cleaned while the owners are referenced");

        shuffle = null;
        assertEquals(1, collectAndClean(1));
        assertEquals(List.of("shuffle 2 of 3"), target.calls);

        rdd = null;
        broadcast = null;
        assertEquals(2, collectAndClean(2));
        assertTrue(target.calls.containsAll(List.of("rdd 4", "broadcast 9")), target.calls.toString());
        assertEquals(0, cleaner.trackedCount(), "cleaned owners are no longer tracked");
    }

    @Test
    void forgottenOwnersAreNotCleanedAgain() throws InterruptedException {
        Object rdd = new Object();
        cleaner.register(rdd, new CleanupTask.CleanRdd(1));
        cleaner.forget(new CleanupTask.CleanRdd(1));
        assertEquals(0, cleaner.trackedCount());
        WeakReference<Object> ref = new WeakReference<>(rdd);
        rdd = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ref.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
        }
        assertEquals(0, cleaner.cleanCollected(100));
        assertEquals(List.of(), target.calls);
    }

    @Test
    void aTaskRegisteredAgainFollowsItsNewestOwner() throws InterruptedException {
        Object first = new Object();
        Object second = new Object();
        cleaner.register(first, new CleanupTask.CleanRdd(7));
        cleaner.register(second, new CleanupTask.CleanRdd(7));
        WeakReference<Object> firstRef = new WeakReference<>(first);
        first = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (firstRef.get() != null && System.nanoTime() < deadline) {
            System.gc();
            cleaner.cleanCollected(10);
        }
        cleaner.cleanCollected(100);
        assertEquals(List.of(), target.calls, "the newer owner is still referenced");
        assertEquals(1, cleaner.trackedCount());

        second = null;
        assertEquals(1, collectAndClean(1));
        assertEquals(List.of("rdd 7"), target.calls);
    }

    @Test
    void aFailingCleanupIsLoggedAndTheNextOneStillRuns() throws InterruptedException {
        List<String> attempts = new ArrayList<>();
        ContextCleaner failing = new ContextCleaner(new RecordingTarget() {
            @Override
            public synchronized void removeRdd(int rddId) {
                attempts.add("rdd " + rddId);
                throw new IllegalStateException("executor gone");
            }
        }, 60_000, System::gc);
        Object a = new Object();
        Object b = new Object();
        failing.register(a, new CleanupTask.CleanRdd(1));
        failing.register(b, new CleanupTask.CleanRdd(2));
        a = null;
        b = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int cleaned = 0;
        while (cleaned < 2 && System.nanoTime() < deadline) {
            System.gc();
            cleaned += failing.cleanCollected(50);
        }
        assertEquals(2, cleaned);
        assertEquals(List.of("rdd 1", "rdd 2"), attempts.stream().sorted().toList());
    }

    @Test
    void theThreadCleansAndThePeriodicCollectionRuns() throws InterruptedException {
        CountDownLatch gcs = new CountDownLatch(2);
        CountDownLatch cleaned = new CountDownLatch(1);
        ContextCleaner threaded = new ContextCleaner(new RecordingTarget() {
            @Override
            public synchronized void removeBroadcast(long broadcastId) {
                cleaned.countDown();
            }
        }, 20, () -> {
            System.gc();
            gcs.countDown();
        });
        threaded.start();
        try {
            threaded.register(new Object(), new CleanupTask.CleanBroadcast(1L));
            assertTrue(gcs.await(30, TimeUnit.SECONDS), "the timer runs collections");
            assertTrue(cleaned.await(30, TimeUnit.SECONDS), "the thread cleans what the collections found");
        } finally {
            threaded.stop();
        }
        threaded.register(new Object(), new CleanupTask.CleanRdd(1));
        assertEquals(0, threaded.trackedCount(), "a stopped cleaner tracks nothing");
    }
}
