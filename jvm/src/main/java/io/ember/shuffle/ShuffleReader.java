package io.ember.shuffle;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import io.ember.core.TaskMetric;
import io.ember.core.Tuple2;
import io.ember.storage.BlockId;
import java.io.DataInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads one reduce partition of a shuffle: the segment for that partition from every map
 * output, then combines by key and/or sorts by key when the shuffle asks for it. Outputs this
 * executor wrote are read from its files; others are fetched, one at a time as the iterator
 * reaches them, through the env's {@link ShuffleTransport}. A missing or unreadable map output
 * is reported as a {@link FetchFailedException} naming that map (and, when fetching from an
 * executor failed, every map output held there).
 */
public final class ShuffleReader {
    private ShuffleReader() {}

    public static Iterator<Tuple2<Object, Object>> read(ShuffleEnv env, ShuffleHandle handle, int reduceId) {
        return read(env, handle, reduceId, 0, Integer.MAX_VALUE);
    }

    /**
     * The reduce partition's records from map outputs {@code [startMap, endMap)} only (adaptive
     * execution splits a skewed partition into tasks that read ranges of map outputs).
     */
    public static Iterator<Tuple2<Object, Object>> read(ShuffleEnv env, ShuffleHandle handle, int reduceId,
                                                        int startMap, int endMap) {
        return read(env, handle, reduceId, reduceId + 1, startMap, endMap);
    }

    /**
     * Reduce partitions {@code [startReduce, endReduce)} read as one (adaptive execution's
     * coalesced partitions): their segments are adjacent in each map output's file, so each
     * map output is opened once and read as one segment, in map order (within a map output,
     * the reduce partitions' records follow each other in reduce partition order).
     */
    public static Iterator<Tuple2<Object, Object>> read(ShuffleEnv env, ShuffleHandle handle, int startReduce,
                                                        int endReduce, int startMap, int endMap) {
        MapStatus[] statuses = env.mapOutputs().statuses(handle.shuffleId(), startReduce);
        Iterator<Tuple2<Object, Object>> records = new FetchIterator(env, handle.shuffleId(), startReduce, endReduce,
                statuses, startMap, Math.min(endMap, statuses.length));
        if (handle.aggregator() != null) {
            ExternalAppendOnlyMap map = new ExternalAppendOnlyMap(env, handle.aggregator(), handle.mapSideCombine());
            map.insertAll(records);
            records = map.iterator();
        }
        if (handle.keyOrdering() != null) {
            ExternalSorter sorter = new ExternalSorter(env, handle.keyOrdering());
            sorter.insertAll(records);
            records = sorter.sortedIterator();
        }
        return records;
    }

    /** Streams the reduce partitions' segment of each map output in map order. */
    private static final class FetchIterator implements Iterator<Tuple2<Object, Object>> {
        private final ShuffleEnv env;
        private final int shuffleId;
        /** The first reduce partition read (named in fetch failures of the whole range). */
        private final int reduceId;
        private final int endReduce;
        private final MapStatus[] statuses;
        private final Kryo kryo;
        private final int endMap;
        private int nextMap;
        private int currentMap = -1;
        private Input input;
        private boolean released;

        FetchIterator(ShuffleEnv env, int shuffleId, int reduceId, int endReduce, MapStatus[] statuses, int startMap,
                      int endMap) {
            this.env = env;
            this.endReduce = endReduce;
            this.nextMap = startMap;
            this.endMap = endMap;
            this.shuffleId = shuffleId;
            this.reduceId = reduceId;
            this.statuses = statuses;
            this.kryo = env.serializer().borrow();
        }

        @Override
        public boolean hasNext() {
            while (input == null || input.end()) {
                if (input != null) {
                    input.close();
                    input = null;
                }
                if (nextMap >= endMap) {
                    if (!released) {
                        released = true;
                        env.serializer().release(kryo);
                    }
                    return false;
                }
                currentMap = nextMap++;
                if (blocks(statuses[currentMap]) > 0) {
                    input = open(currentMap);
                }
            }
            return true;
        }

        @Override
        public Tuple2<Object, Object> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                Object k = kryo.readClassAndObject(input);
                Object v = kryo.readClassAndObject(input);
                env.metrics().add(TaskMetric.SHUFFLE_RECORDS_READ, 1);
                return new Tuple2<>(k, v);
            } catch (KryoException e) {
                throw new FetchFailedException(shuffleId, currentMap, reduceId, "corrupt shuffle data: " + e.getMessage(), e);
            }
        }

        /** The maps (from the failing one on) whose files are gone, so all are recomputed at once. */
        private java.util.List<Integer> lostMaps() {
            java.util.List<Integer> lost = new java.util.ArrayList<>();
            for (int m = currentMap; m < statuses.length; m++) {
                if (statuses[m].isRemoteFrom(env.executorId())) {
                    continue;
                }
                if (!env.dirs().file(new BlockId.ShuffleIndex(shuffleId, m)).exists()
                        || !env.dirs().file(new BlockId.ShuffleData(shuffleId, m)).exists()) {
                    lost.add(m);
                }
            }
            if (lost.isEmpty()) {
                lost.add(currentMap);
            }
            return lost;
        }

        /** The maps whose outputs live on the same executor as map {@code mapId}'s. */
        private java.util.List<Integer> mapsOnSameExecutor(int mapId) {
            java.util.List<Integer> same = new java.util.ArrayList<>();
            for (int m = 0; m < statuses.length; m++) {
                if (statuses[m].executorId().equals(statuses[mapId].executorId())) {
                    same.add(m);
                }
            }
            return same;
        }

        /** How many of the range's reduce partitions have bytes in this map output. */
        private int blocks(MapStatus status) {
            long[] sizes = status.partitionSizes();
            int blocks = 0;
            for (int r = reduceId; r < endReduce; r++) {
                if (sizes[r] > 0) {
                    blocks++;
                }
            }
            return blocks;
        }

        private Input open(int mapId) {
            MapStatus status = statuses[mapId];
            if (status.isRemoteFrom(env.executorId())) {
                return fetch(mapId, status);
            }
            File index = env.dirs().file(new BlockId.ShuffleIndex(shuffleId, mapId));
            File data = env.dirs().file(new BlockId.ShuffleData(shuffleId, mapId));
            try {
                long start;
                long end;
                try (RandomAccessFile idx = new RandomAccessFile(index, "r")) {
                    idx.seek(8L * reduceId);
                    start = idx.readLong();
                    if (endReduce != reduceId + 1) {
                        idx.seek(8L * endReduce);
                    }
                    end = idx.readLong();
                }
                FileInputStream in = new FileInputStream(data);
                in.getChannel().position(start);
                env.metrics().add(TaskMetric.SHUFFLE_LOCAL_BLOCKS_FETCHED, blocks(status));
                env.metrics().add(TaskMetric.SHUFFLE_LOCAL_BYTES_READ, end - start);
                return new Input(new BoundedStream(new DataInputStream(in), end - start), env.fileBufferSize());
            } catch (IOException e) {
                throw new FetchFailedException(shuffleId, mapId, lostMaps(), reduceId, e.toString(), e);
            }
        }

        /** The range's blocks held by another executor, fetched one by one and read as one segment. */
        private Input fetch(int mapId, MapStatus status) {
            if (endReduce == reduceId + 1) {
                return new Input(fetch(mapId, status, reduceId));
            }
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (int r = reduceId; r < endReduce; r++) {
                if (status.partitionSizes()[r] > 0) {
                    all.writeBytes(fetch(mapId, status, r));
                }
            }
            return new Input(all.toByteArray());
        }

        private byte[] fetch(int mapId, MapStatus status, int reducer) {
            String block = new BlockId.ShuffleBlock(shuffleId, mapId, reducer).name();
            byte[] bytes;
            long waitStart = System.nanoTime();
            try {
                bytes = env.transport().fetcher().fetch(status.host(), status.port(), block);
                env.metrics().addNanos(TaskMetric.SHUFFLE_FETCH_WAIT_TIME, System.nanoTime() - waitStart);
                env.metrics().add(TaskMetric.SHUFFLE_REMOTE_BLOCKS_FETCHED, 1);
                env.metrics().add(TaskMetric.SHUFFLE_REMOTE_BYTES_READ, bytes.length);
            } catch (Exception e) {
                if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while fetching " + block, e);
                }
                env.mapOutputs().invalidate(shuffleId);
                throw new FetchFailedException(shuffleId, mapId, mapsOnSameExecutor(mapId), reducer,
                        "cannot fetch " + block + " from executor " + status.executorId() + " at " + status.host()
                                + ":" + status.port() + ": " + e, e);
            }
            return bytes;
        }
    }

    /** Limits a stream to one segment of a data file. */
    private static final class BoundedStream extends java.io.FilterInputStream {
        private long left;

        BoundedStream(java.io.InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

}
