package io.ember.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reduce task on executor B reads its own map outputs from files and fetches executor A's
 * through the transport's fetcher (here a double that reads A's files through its
 * ShuffleBlockResolver, as A's block server does); a failed fetch names every map held by A.
 */
class RemoteShuffleReadTest {
    private static final KryoSerializer SERIALIZER = new KryoSerializer();
    private static final ShuffleHandle HANDLE = new ShuffleHandle(3, 3, new HashPartitioner(2), null, false, null);

    @TempDir
    Path tmp;

    private ShuffleEnv env(DiskBlockManager dirs, MapOutputSource outputs, String executorId, ShuffleTransport t) {
        return new ShuffleEnv(SERIALIZER, dirs, new MemoryManager(64L << 20, 0.5), outputs, 1, 0, 4096, executorId, t);
    }

    private static byte[] read(BlockRegion r) throws IOException {
        byte[] bytes = new byte[(int) r.length()];
        try (RandomAccessFile f = new RandomAccessFile(r.file(), "r")) {
            f.seek(r.offset());
            f.readFully(bytes);
        }
        return bytes;
    }

    private static List<Tuple2<Object, Object>> records(int map) {
        List<Tuple2<Object, Object>> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.add(new Tuple2<>(i, "m" + map + "-" + i));
        }
        return out;
    }

    @Test
    void readsLocalFilesAndFetchesRemoteBlocks() {
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
            assertEquals("host-a:7001", h + ":" + p);
            fetches.incrementAndGet();
            BlockRegion r = resolverA.region(block);
            if (r == null) {
                throw new IOException("no block " + block);
            }
            return read(r);
        });
        for (int map = 0; map < 3; map++) {
            boolean onA = map != 1;
            ShuffleEnv w = onA ? env(dirsA, tracker, "A", transportA) : env(dirsB, tracker, "B", transportB);
            MapStatus s = new SortShuffleWriter(w, HANDLE, map).write(records(map).iterator(), onA ? "A" : "B");
            assertEquals(onA ? "host-a" : "host-b", s.host());
            tracker.registerMapOutput(HANDLE.shuffleId(), map, s);
        }
        assertNull(resolverA.region("shuffle_3_1_0"), "map 1 is not on A");
        assertNull(resolverA.region("rdd_1_0"));

        List<Object> values = new ArrayList<>();
        for (int reduce = 0; reduce < 2; reduce++) {
            Iterator<Tuple2<Object, Object>> it = ShuffleReader.read(env(dirsB, tracker, "B", transportB), HANDLE, reduce);
            it.forEachRemaining(t -> values.add(t._2()));
        }
        assertEquals(60, values.size());
        assertTrue(values.contains("m0-5") && values.contains("m1-5") && values.contains("m2-19"), values.toString());
        assertEquals(4, fetches.get(), "maps 0 and 2 fetched once per reduce partition; map 1 read locally");

        ShuffleTransport failing = new ShuffleTransport("host-b", 7002, (h, p, b) -> {
            throw new IOException("connection refused");
        });
        List<Integer> invalidated = new ArrayList<>();
        MapOutputSource source = new MapOutputSource() {
            public MapStatus[] statuses(int shuffleId, int reduceId) {
                return tracker.statuses(shuffleId, reduceId);
            }

            public void invalidate(int shuffleId) {
                invalidated.add(shuffleId);
            }
        };
        FetchFailedException e = assertThrows(FetchFailedException.class, () ->
                ShuffleReader.read(env(dirsB, source, "B", failing), HANDLE, 0).forEachRemaining(t -> { }));
        assertEquals(0, e.mapId());
        assertEquals(List.of(0, 2), e.lostMaps(), "every output held by the unreachable executor");
        assertTrue(e.getMessage().contains("host-a:7001") && e.getMessage().contains("connection refused"), e.getMessage());
        assertEquals(List.of(3), invalidated);
        dirsA.stop();
        dirsB.stop();
    }
}
