package io.ember.python;

import io.ember.core.Accumulator;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the ACCUMULATORS frames (pickled lists of (id, update)) of successful Python tasks;
 * the Python driver drains and merges them when it reads an accumulator's value.
 */
public final class PythonAccumulatorUpdates extends Accumulator<byte[], List<byte[]>> {
    private static final long serialVersionUID = 1L;
    private final List<byte[]> frames = new ArrayList<>();

    @Override
    protected PythonAccumulatorUpdates zeroCopy() {
        return new PythonAccumulatorUpdates();
    }

    @Override
    public synchronized void add(byte[] frame) {
        frames.add(frame);
    }

    @Override
    public void merge(Accumulator<byte[], List<byte[]>> other) {
        List<byte[]> theirs = other.value();
        synchronized (this) {
            frames.addAll(theirs);
        }
    }

    @Override
    public synchronized List<byte[]> value() {
        return new ArrayList<>(frames);
    }

    @Override
    public synchronized boolean isZero() {
        return frames.isEmpty();
    }

    /** Returns the collected frames and forgets them. */
    public synchronized List<byte[]> drain() {
        List<byte[]> out = new ArrayList<>(frames);
        frames.clear();
        return out;
    }
}
