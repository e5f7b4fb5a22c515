package io.ember.python;

import io.ember.core.EmberException;
import io.ember.core.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * The records of pickled batches whose records are Python {@code bytes}, one JVM record each.
 *
 * <p>Role: lets the JVM line up opaque Python records one by one (zip) although Python hands
 * them over in batches of varying size. Python pickles each unit it wants paired (a chunk of
 * records) into {@code bytes} first; this RDD unpickles only the batch lists, with Pyrolite.
 */
final class BatchedBytesRDD extends RDD<byte[]> {
    private static final long serialVersionUID = 1L;

    BatchedBytesRDD(RDD<byte[]> batches) {
        super(batches);
    }

    @Override
    protected Partition[] computePartitions() {
        return firstParent().partitions();
    }

    @Override
    public Iterator<byte[]> compute(Partition split, TaskContext ctx) {
        Iterator<byte[]> batches = this.<byte[]>firstParent().iterator(split, ctx);
        Unpickler unpickler = new Unpickler();
        return new Iterator<>() {
            private Iterator<?> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && batches.hasNext()) {
                    current = unpickle(unpickler, batches.next()).iterator();
                }
                return current.hasNext();
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object o = current.next();
                if (!(o instanceof byte[] b)) {
                    throw new EmberException("expected a batch of Python bytes, got a "
                            + (o == null ? "None" : o.getClass().getSimpleName()));
                }
                return b;
            }
        };
    }

    private static List<?> unpickle(Unpickler unpickler, byte[] batch) {
        try {
            Object o = unpickler.loads(batch);
            if (o instanceof List<?> list) {
                return list;
            }
            throw new EmberException("expected a pickled list, got a " + (o == null ? "None" : o.getClass().getSimpleName()));
        } catch (IOException | PickleException e) {
            throw new EmberException("Cannot unpickle a batch of bytes: " + e, e);
        }
    }
}
