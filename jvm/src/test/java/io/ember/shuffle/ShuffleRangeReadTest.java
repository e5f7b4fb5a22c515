package io.ember.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.core.HashPartitioner;
import io.ember.core.Tuple2;
import io.ember.rpc.BlockRegion;
import io.ember.serializer.KryoSerializer;
import io.ember.storage.DiskBlockManager;
import io.ember.storage.MemoryManager;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a range of reduce partitions at once (adaptive execution's coalesced partitions):
 * every record of the range, map output by map output, each map's partitions in order, from
 * local files (one segment per map) and from another executor (one fetch per non-empty block).
 */
class ShuffleRangeReadTest {
    private static final KryoSerializer SERIALIZER = new KryoSerializer();
    private static final int REDUCERS = 6;
    private static final ShuffleHandle HANDLE = new ShuffleHandle(4, 3, new HashPartitioner(REDUCERS), null, false, null);

    @TempDir
    Path tmp;

    private ShuffleEnv env(DiskBlockManager dirs, MapOutputSource outputs, String executorId, ShuffleTransport t) {
        return new ShuffleEnv(SERIALIZER, dirs, new MemoryManager(64L << 20, 0.5), outputs, 1, 0, 4096, executorId, t);
    }

    /** Map {@code map}'s records: keys 0..29 except those of partition 2 (left empty), values naming map and key. */
    private static List<Tuple2<Object, Object>> records(int map) {
        List<Tuple2<Object, Object>> out = new ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            if (i % REDUCERS != 2) {
                out.add(new Tuple2<>(i, "m" + map + "-" + i));
            }
        }
        return out;
    }

    @Test
    void readsARangeMapByMap() {
        DiskBlockManager dirsA = new DiskBlockManager(List.of(tmp.resolve("a").toString()));
        DiskBlockManager dirsB = new DiskBlockManager(List.of(tmp.resolve("b").toString()));
        MapOutputTracker tracker = new MapOutputTracker();
        tracker.registerShuffle(HANDLE.shuffleId(), 3);
        ShuffleBlockResolver resolverA = new ShuffleBlockResolver(dirsA);
        AtomicInteger fetches = new AtomicInteger();
        ShuffleTransport transportA = new ShuffleTransport("host-a", 7001, (h, p, b) -> {
            throw new AssertionError("A reads nothing remotely");
        });
        ShuffleTransport transportB = new ShuffleTransport("host-b", 7002, (h, p, block) -> {
            fetches.incrementAndGet();
            BlockRegion r = resolverA.region(block);
            byte[] bytes = new byte[(int) r.length()];
            try (RandomAccessFile f = new RandomAccessFile(r.file(), "r")) {
                f.seek(r.offset());
                f.readFully(bytes);
            }
            return bytes;
        });
        for (int map = 0; map < 3; map++) {
            boolean onA = map == 1;
            ShuffleEnv w = onA ? env(dirsA, tracker, "A", transportA) : env(dirsB, tracker, "B", transportB);
            tracker.registerMapOutput(HANDLE.shuffleId(), map,
                    new SortShuffleWriter(w, HANDLE, map).write(records(map).iterator(), onA ? "A" : "B"));
        }
        for (int[] range : new int[][] {{0, REDUCERS}, {1, 4}, {2, 3}, {5, 6}}) {
            List<Object> want = new ArrayList<>();
            for (int map = 0; map < 3; map++) {
                for (int r = range[0]; r < range[1]; r++) {
                    for (Tuple2<Object, Object> t : records(map)) {
                        if ((Integer) t._1() % REDUCERS == r) {
                            want.add(t._2());
                        }
                    }
                }
            }
            fetches.set(0);
            List<Object> got = new ArrayList<>();
            ShuffleReader.read(env(dirsB, tracker, "B", transportB), HANDLE, range[0], range[1], 0, Integer.MAX_VALUE)
                    .forEachRemaining(t -> got.add(t._2()));
            assertEquals(want, got, "range " + range[0] + ".." + range[1]);
            int nonEmpty = 0;
            for (int r = range[0]; r < range[1]; r++) {
                nonEmpty += r == 2 ? 0 : 1;
            }
            assertEquals(nonEmpty, fetches.get(), "map 1 fetched once per non-empty block of the range");
        }
        List<Object> mapsOneToThree = new ArrayList<>();
        ShuffleReader.read(env(dirsB, tracker, "B", transportB), HANDLE, 0, REDUCERS, 1, 3)
                .forEachRemaining(t -> mapsOneToThree.add(t._2()));
        assertEquals(50, mapsOneToThree.size());
        assertEquals("m1-24", mapsOneToThree.get(0), "map 1 first, its partition 0 first, in write order");
        dirsA.stop();
        dirsB.stop();
    }
}
