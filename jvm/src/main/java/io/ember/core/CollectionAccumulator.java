package io.ember.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects added elements into a list (order across tasks is not defined). */
public class CollectionAccumulator<T> extends Accumulator<T, List<T>> {
    private final List<T> items = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected CollectionAccumulator<T> zeroCopy() {
        return new CollectionAccumulator<>();
    }

    @Override
    public void add(T v) {
        items.add(v);
    }

    @Override
    public void merge(Accumulator<T, List<T>> other) {
        items.addAll(((CollectionAccumulator<T>) other).items);
    }

    @Override
    public List<T> value() {
        synchronized (items) {
            return Collections.unmodifiableList(new ArrayList<>(items));
        }
    }

    @Override
    public boolean isZero() {
        return items.isEmpty();
    }
}
