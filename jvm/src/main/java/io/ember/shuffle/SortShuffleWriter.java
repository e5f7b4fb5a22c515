package io.ember.shuffle;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import io.ember.core.Partitioner;
import io.ember.core.TaskMetric;
import io.ember.core.Tuple2;
import io.ember.core.function.Functions;
import io.ember.storage.BlockId;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Writes one map task's output as a single data file (records grouped by reduce partition)
 * plus an index file of partition offsets. Records are serialized into per-partition memory
 * buffers (after map-side combining when the shuffle allows it); when the buffers outgrow the
 * task's memory grant they spill to a file, and the final file concatenates, per partition,
 * the spilled segments and what is left in memory. Not thread-safe; one per map task.
 */
public final class SortShuffleWriter extends Spillable {
    private final ShuffleHandle handle;
    private final int mapId;
    private final Partitioner partitioner;
    private final Kryo kryo;
    private final Output[] buffers;
    private final List<long[]> spillOffsets = new ArrayList<>();
    private final List<File> spillFiles = new ArrayList<>();
    private final CombineMap combined;
    private final SizeTracker sizeTracker = new SizeTracker();
    private long bufferedBytes;

    public SortShuffleWriter(ShuffleEnv env, ShuffleHandle handle, int mapId) {
        super(env);
        this.handle = handle;
        this.mapId = mapId;
        this.partitioner = handle.partitioner();
        this.kryo = env.serializer().borrow();
        this.buffers = new Output[partitioner.numPartitions()];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new Output(1024, -1);
        }
        this.combined = handle.aggregator() != null && handle.mapSideCombine() ? new CombineMap() : null;
    }

    /** Consumes all records and commits the map output; returns its status. */
    public MapStatus write(Iterator<? extends Tuple2<?, ?>> records, String executorId) {
        CountingIterator counted = new CountingIterator(records);
        records = counted;
        try {
            if (combined != null) {
                combine(records);
                drainCombined();
            } else {
                while (records.hasNext()) {
                    Tuple2<?, ?> t = records.next();
                    append(t._1(), t._2());
                    maybeSpill(bufferedBytes);
                }
            }
            long started = System.nanoTime();
            long[] sizes = commit();
            long bytes = 0;
            for (long size : sizes) {
                bytes += size;
            }
            env.metrics().add(TaskMetric.SHUFFLE_WRITE_TIME, System.nanoTime() - started);
            env.metrics().add(TaskMetric.SHUFFLE_BYTES_WRITTEN, bytes);
            env.metrics().add(TaskMetric.SHUFFLE_RECORDS_WRITTEN, counted.count);
            return new MapStatus(executorId, env.transport().host(), env.transport().port(), mapId, sizes);
        } finally {
            env.serializer().release(kryo);
            releaseMemory();
            for (File f : spillFiles) {
                f.delete();
            }
        }
    }

    private void combine(Iterator<? extends Tuple2<?, ?>> records) {
        Aggregator<Object, Object> agg = handle.aggregator();
        BiFunction<Object, Object, Object> update = (old, v) -> old == null
                ? Functions.apply(agg.createCombiner(), v)
                : Functions.apply(agg.mergeValue(), old, v);
        while (records.hasNext()) {
            Tuple2<?, ?> t = records.next();
            Object c = combined.update(t._1(), t._2(), update);
            sizeTracker.onInsert(t._1(), c);
            maybeSpill(sizeTracker.estimate(combined.size()));
        }
    }

    private void drainCombined() {
        combined.forEach(this::append);
        combined.clear();
    }

    private void append(Object key, Object value) {
        Output out = buffers[partitioner.getPartition(key)];
        int before = out.position();
        kryo.writeClassAndObject(out, key);
        kryo.writeClassAndObject(out, value);
        bufferedBytes += out.position() - before;
    }

    @Override
    protected long spill() {
        if (combined != null) {
            drainCombined();
            sizeTracker.reset();
        }
        File f = env.dirs().file(env.dirs().newSpillBlock());
        long[] offsets = writePartitions(f, false);
        spillFiles.add(f);
        spillOffsets.add(offsets);
        return offsets[offsets.length - 1];
    }

    /** Writes the final data file and index; returns each partition's byte length. */
    private long[] commit() {
        BlockId.ShuffleData dataId = new BlockId.ShuffleData(handle.shuffleId(), mapId);
        File data = env.dirs().file(dataId);
        File index = env.dirs().file(new BlockId.ShuffleIndex(handle.shuffleId(), mapId));
        File tmpData = new File(data.getPath() + ".tmp." + env.taskAttemptId());
        File tmpIndex = new File(index.getPath() + ".tmp." + env.taskAttemptId());
        long[] offsets = writePartitions(tmpData, true);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(tmpIndex)))) {
            for (long o : offsets) {
                out.writeLong(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write shuffle index " + tmpIndex, e);
        }
        if (!tmpData.renameTo(data) || !tmpIndex.renameTo(index)) {
            throw new UncheckedIOException(new IOException("Cannot commit shuffle output " + data));
        }
        long[] sizes = new long[buffers.length];
        for (int p = 0; p < sizes.length; p++) {
            sizes[p] = offsets[p + 1] - offsets[p];
        }
        return sizes;
    }

    /** Writes, per partition, earlier spill segments (when merging) then the memory buffer. */
    private long[] writePartitions(File target, boolean mergeSpills) {
        long[] offsets = new long[buffers.length + 1];
        List<FileChannel> spills = new ArrayList<>();
        try (FileOutputStream fos = new FileOutputStream(target)) {
            FileChannel out = fos.getChannel();
            if (mergeSpills) {
                for (File f : spillFiles) {
                    spills.add(new FileInputStream(f).getChannel());
                }
            }
            long pos = 0;
            for (int p = 0; p < buffers.length; p++) {
                offsets[p] = pos;
                for (int s = 0; s < spills.size(); s++) {
                    long start = spillOffsets.get(s)[p];
                    long len = spillOffsets.get(s)[p + 1] - start;
                    long done = 0;
                    while (done < len) {
                        done += spills.get(s).transferTo(start + done, len - done, out);
                    }
                    pos += len;
                }
                Output buf = buffers[p];
                if (buf.position() > 0) {
                    fos.write(buf.getBuffer(), 0, buf.position());
                    pos += buf.position();
                    buf.setBuffer(new byte[1024], -1);
                }
            }
            offsets[buffers.length] = pos;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write shuffle file " + target, e);
        } finally {
            for (FileChannel c : spills) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // closing a read channel cannot lose data
                }
            }
        }
        bufferedBytes = 0;
        return offsets;
    }

    /** Counts the records a map task hands to the writer (Spark's shuffle records written). */
    private static final class CountingIterator implements Iterator<Tuple2<?, ?>> {
        private final Iterator<? extends Tuple2<?, ?>> in;
        long count;

        CountingIterator(Iterator<? extends Tuple2<?, ?>> in) {
            this.in = in;
        }

        @Override
        public boolean hasNext() {
            return in.hasNext();
        }

        @Override
        public Tuple2<?, ?> next() {
            count++;
            return in.next();
        }
    }
}
