package io.ember.shuffle;

import io.ember.core.Tuple2;
import io.ember.core.function.Functions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Combines values by key in a hash map that spills to disk, sorted by key hash, when it
 * outgrows its memory grant; iteration merges the spilled runs, combining equal keys.
 * Not thread-safe; one per reduce task.
 */
public final class ExternalAppendOnlyMap extends Spillable {
    private static final Comparator<Tuple2<Object, Object>> BY_HASH =
            Comparator.comparingInt(t -> Objects.hashCode(t._1()));

    private final Aggregator<Object, Object> agg;
    private final boolean valuesAreCombiners;
    private final SizeTracker sizeTracker = new SizeTracker();
    private final List<SpillRun> runs = new ArrayList<>();
    private HashMap<Object, Object> map = new HashMap<>();

    public ExternalAppendOnlyMap(ShuffleEnv env, Aggregator<Object, Object> agg, boolean valuesAreCombiners) {
        super(env);
        this.agg = agg;
        this.valuesAreCombiners = valuesAreCombiners;
    }

    public void insertAll(Iterator<? extends Tuple2<?, ?>> records) {
        while (records.hasNext()) {
            Tuple2<?, ?> t = records.next();
            Object k = t._1();
            Object old = map.get(k);
            Object c;
            if (old == null && !map.containsKey(k)) {
                c = valuesAreCombiners ? t._2() : Functions.apply(agg.createCombiner(), t._2());
            } else {
                c = valuesAreCombiners ? Functions.apply(agg.mergeCombiners(), old, t._2())
                        : Functions.apply(agg.mergeValue(), old, t._2());
            }
            map.put(k, c);
            sizeTracker.onInsert(k, c);
            maybeSpill(sizeTracker.estimate(map.size()));
        }
    }

    @Override
    protected long spill() {
        SpillRun run = SpillRun.write(env, sortedByHash().iterator());
        runs.add(run);
        map = new HashMap<>();
        sizeTracker.reset();
        return run.bytes();
    }

    private List<Tuple2<Object, Object>> sortedByHash() {
        List<Tuple2<Object, Object>> list = new ArrayList<>(map.size());
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            list.add(new Tuple2<>(e.getKey(), e.getValue()));
        }
        list.sort(BY_HASH);
        return list;
    }

    public Iterator<Tuple2<Object, Object>> iterator() {
        if (runs.isEmpty()) {
            Iterator<Map.Entry<Object, Object>> it = map.entrySet().iterator();
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
                    Map.Entry<Object, Object> e = it.next();
                    return new Tuple2<>(e.getKey(), e.getValue());
                }
            };
        }
        List<Iterator<Tuple2<Object, Object>>> sources = new ArrayList<>();
        for (SpillRun r : runs) {
            sources.add(r.read(env));
        }
        sources.add(sortedByHash().iterator());
        map = new HashMap<>();
        releaseMemory();
        return new HashMergeIterator(sources);
    }

    /** Merges hash-sorted runs; within one hash value combines records with equal keys. */
    private final class HashMergeIterator implements Iterator<Tuple2<Object, Object>> {
        private final PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingInt(h -> h.hash));
        private final ArrayList<Tuple2<Object, Object>> ready = new ArrayList<>();
        private int readyPos;

        private record Head(int hash, Tuple2<Object, Object> pair, Iterator<Tuple2<Object, Object>> rest) {}

        HashMergeIterator(List<Iterator<Tuple2<Object, Object>>> sources) {
            for (Iterator<Tuple2<Object, Object>> s : sources) {
                advance(s);
            }
        }

        private void advance(Iterator<Tuple2<Object, Object>> s) {
            if (s.hasNext()) {
                Tuple2<Object, Object> t = s.next();
                heads.add(new Head(Objects.hashCode(t._1()), t, s));
            }
        }

        @Override
        public boolean hasNext() {
            if (readyPos < ready.size()) {
                return true;
            }
            ready.clear();
            readyPos = 0;
            if (heads.isEmpty()) {
                return false;
            }
            int hash = heads.peek().hash;
            while (!heads.isEmpty() && heads.peek().hash == hash) {
                Head h = heads.poll();
                mergeInto(h.pair);
                advance(h.rest);
            }
            return true;
        }

        private void mergeInto(Tuple2<Object, Object> t) {
            for (int i = 0; i < ready.size(); i++) {
                Tuple2<Object, Object> r = ready.get(i);
                if (Objects.equals(r._1(), t._1())) {
                    ready.set(i, new Tuple2<>(r._1(), Functions.apply(agg.mergeCombiners(), r._2(), t._2())));
                    return;
                }
            }
            ready.add(t);
        }

        @Override
        public Tuple2<Object, Object> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.get(readyPos++);
        }
    }
}
