package io.ember.shuffle;

import io.ember.core.Tuple2;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Sorts key-value pairs by key, spilling sorted runs to disk when the buffer outgrows its
 * memory grant and merging them on iteration. Not thread-safe; one per task.
 */
public final class ExternalSorter extends Spillable {
    private final Comparator<Tuple2<Object, Object>> order;
    private final SizeTracker sizeTracker = new SizeTracker();
    private final List<SpillRun> runs = new ArrayList<>();
    private ArrayList<Tuple2<Object, Object>> buffer = new ArrayList<>();

    public ExternalSorter(ShuffleEnv env, Comparator<Object> keyOrdering) {
        super(env);
        this.order = (a, b) -> keyOrdering.compare(a._1(), b._1());
    }

    public void insertAll(Iterator<? extends Tuple2<?, ?>> records) {
        while (records.hasNext()) {
            @SuppressWarnings("unchecked")
            Tuple2<Object, Object> t = (Tuple2<Object, Object>) records.next();
            buffer.add(t);
            sizeTracker.onInsert(t._1(), t._2());
            maybeSpill(sizeTracker.estimate(buffer.size()));
        }
    }

    @Override
    protected long spill() {
        buffer.sort(order);
        SpillRun run = SpillRun.write(env, buffer.iterator());
        runs.add(run);
        buffer = new ArrayList<>();
        sizeTracker.reset();
        return run.bytes();
    }

    public Iterator<Tuple2<Object, Object>> sortedIterator() {
        buffer.sort(order);
        if (runs.isEmpty()) {
            Iterator<Tuple2<Object, Object>> it = buffer.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    if (it.hasNext()) {
                        return true;
                    }
                    releaseMemory();
                    return false;
                }

                @Override
                public Tuple2<Object, Object> next() {
                    return it.next();
                }
            };
        }
        List<Iterator<Tuple2<Object, Object>>> sources = new ArrayList<>();
        for (SpillRun r : runs) {
            sources.add(r.read(env));
        }
        sources.add(buffer.iterator());
        return merge(sources);
    }

    private Iterator<Tuple2<Object, Object>> merge(List<Iterator<Tuple2<Object, Object>>> sources) {
        record Head(Tuple2<Object, Object> pair, Iterator<Tuple2<Object, Object>> rest) {}
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> order.compare(a.pair, b.pair));
        for (Iterator<Tuple2<Object, Object>> s : sources) {
            if (s.hasNext()) {
                heads.add(new Head(s.next(), s));
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (heads.isEmpty()) {
                    releaseMemory();
                    return false;
                }
                return true;
            }

            @Override
            public Tuple2<Object, Object> next() {
                if (heads.isEmpty()) {
                    throw new NoSuchElementException();
                }
                Head h = heads.poll();
                if (h.rest.hasNext()) {
                    heads.add(new Head(h.rest.next(), h.rest));
                }
                return h.pair;
            }
        };
    }
}
