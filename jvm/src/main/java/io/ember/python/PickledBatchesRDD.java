package io.ember.python;

import io.ember.core.EmberException;
import io.ember.core.Partition;
import io.ember.core.Tuple2;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import net.razorvine.pickle.Pickler;

/**
 * Turns an RDD of JVM objects (Strings, numbers, byte arrays, Tuple2 as Python tuples) into
 * pickled batches a Python worker reads, using Pyrolite.
 */
final class PickledBatchesRDD extends RDD<byte[]> {
    private static final long serialVersionUID = 1L;
    private static final int BATCH = 256;

    PickledBatchesRDD(RDD<?> parent) {
        super(parent);
    }

    @Override
    protected Partition[] computePartitions() {
        return firstParent().partitions();
    }

    @Override
    public Iterator<byte[]> compute(Partition split, TaskContext ctx) {
        Iterator<Object> items = this.<Object>firstParent().iterator(split, ctx);
        Pickler pickler = new Pickler(false);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public byte[] next() {
                if (!items.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Object> batch = new ArrayList<>(BATCH);
                while (items.hasNext() && batch.size() < BATCH) {
                    batch.add(toPython(items.next()));
                }
                try {
                    return pickler.dumps(batch);
                } catch (IOException e) {
                    throw new EmberException("Cannot pickle a batch for Python: " + e, e);
                }
            }
        };
    }

    private static Object toPython(Object o) {
        if (o instanceof Tuple2<?, ?> t) {
            return new Object[] {toPython(t._1()), toPython(t._2())};
        }
        return o;
    }
}
