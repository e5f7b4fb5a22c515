package io.ember.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.scheduler.ListenerEvent;
import io.ember.storage.StorageLevel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RDDs that are not persisted never touch the block manager inside tasks. A task works on a
 * deserialized copy of its RDDs, whose storage level is an equal record, not the {@code NONE}
 * constant: compared by identity, every RDD of every task was looked up, "stored" and reported
 * as a block update (a listener event each; in cluster mode a fetch attempt too).
 */
class UncachedTaskTest {
    private static EmberContext ec;

    @BeforeAll
    static void start() {
        ec = JavaApiAsserts.localContext("UncachedTaskTest");
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    @Test
    void uncachedChainsReportNoBlockUpdatesAndCachedOnesStillDo() throws Exception {
        AtomicInteger updates = new AtomicInteger();
        ec.addListener(e -> {
            if (e instanceof ListenerEvent.BlockUpdated) {
                updates.incrementAndGet();
            }
        });
        List<Integer> data = IntStream.range(0, 100).boxed().toList();
        JavaRDD<Integer> chain = ec.parallelize(data, 4).map(x -> x + 1).filter(x -> x % 2 == 0).map(x -> x * 3);
        assertEquals(50, chain.count());
        ec.listenerBus().waitUntilEmpty(10_000);
        assertEquals(0, updates.get(), "no block of an uncached RDD is stored or reported");

        JavaRDD<Integer> cached = ec.parallelize(data, 4).map(x -> x + 1).persist(StorageLevel.MEMORY_ONLY);
        assertEquals(100, cached.count());
        ec.listenerBus().waitUntilEmpty(10_000);
        assertEquals(4, updates.get(), "one stored block per partition of the cached RDD");
        assertEquals(100, cached.count());   // read back from the cache
        ec.listenerBus().waitUntilEmpty(10_000);
        assertEquals(4, updates.get());
        cached.unpersist();
    }
}
