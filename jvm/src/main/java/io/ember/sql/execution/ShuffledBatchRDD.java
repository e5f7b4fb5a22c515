package io.ember.sql.execution;

import io.ember.core.Partition;
import io.ember.core.Tuple2;
import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.TaskContext;
import io.ember.shuffle.ShuffleReader;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The reduce side of an exchange: partition i reads the reduce partitions of spec i (a
 * contiguous range, so that adaptive execution can merge small neighbours into one task; read
 * map output by map output, as Spark's batched fetch of contiguous blocks does), and decodes
 * small consecutive blocks together into batches of about {@link ColumnBatch#DEFAULT_ROWS} rows
 * ({@link BatchConcatDecoder}: one copy of each value, not a decode and a concatenation).
 */
public final class ShuffledBatchRDD extends RDD<ColumnBatch> {
    /**
     * Reduce partitions {@code [start, end)} read by one task, from map outputs
     * {@code [startMap, endMap)} (all of them unless a skewed partition is split).
     */
    public record Spec(int start, int end, int startMap, int endMap) implements Serializable {
        public Spec(int start, int end) {
            this(start, end, 0, Integer.MAX_VALUE);
        }
    }

    record SpecPartition(int index, Spec spec) implements Partition {}

    private final List<Spec> specs;
    private final List<DataType> types;

    public ShuffledBatchRDD(ShuffleDependency<Integer, byte[], byte[]> dep, List<Spec> specs, List<DataType> types) {
        super(dep.rdd().context(), List.of(dep));
        this.specs = List.copyOf(specs);
        this.types = List.copyOf(types);
    }

    /** One spec per reduce partition: no merging. */
    public static List<Spec> identity(int n) {
        List<Spec> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Spec(i, i + 1));
        }
        return out;
    }

    @Override
    protected Partition[] computePartitions() {
        Partition[] parts = new Partition[specs.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new SpecPartition(i, specs.get(i));
        }
        return parts;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterator<ColumnBatch> compute(Partition split, TaskContext ctx) {
        ShuffleDependency<Integer, byte[], byte[]> dep = (ShuffleDependency<Integer, byte[], byte[]>) dependencies().get(0);
        Spec spec = ((SpecPartition) split).spec();
        return new BatchIterator() {
            Iterator<Tuple2<Object, Object>> records;
            byte[] held;

            private byte[] nextEncoded() {
                if (records == null) {
                    // the spec's reduce partitions at once: one segment per map output
                    records = ShuffleReader.read(ctx.shuffleEnv(), dep.handle(), spec.start(), spec.end(),
                            spec.startMap(), spec.endMap());
                }
                return records.hasNext() ? (byte[]) records.next()._2() : null;
            }

            @Override
            protected ColumnBatch advance() {
                List<byte[]> group = new ArrayList<>();
                int rows = 0;
                if (held != null) {
                    group.add(held);
                    rows = BatchCodec.rows(held);
                    held = null;
                }
                while (rows < ColumnBatch.DEFAULT_ROWS) {
                    byte[] b = nextEncoded();
                    if (b == null) {
                        break;
                    }
                    int n = BatchCodec.rows(b);
                    if (rows > 0 && rows + n > 2 * ColumnBatch.DEFAULT_ROWS) {
                        held = b;
                        break;
                    }
                    group.add(b);
                    rows += n;
                }
                return group.isEmpty() ? null : BatchConcatDecoder.decode(group, types);
            }
        };
    }
}
