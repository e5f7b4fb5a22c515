package io.ember.shuffle;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;

/**
 * An open-addressing hash map for combining values by key: keys and values sit side by side
 * in one array and cached hashes in another, so a lookup touches fewer cache lines than a
 * chained HashMap. Null keys are allowed. Not thread-safe.
 */
final class CombineMap {
    private static final Object NULL_KEY = new Object();
    private Object[] data = new Object[2 * 64];
    private int[] hashes = new int[64];
    private int mask = 63;
    private int size;

    int size() {
        return size;
    }

    /**
     * Sets the key's value to {@code update.apply(old, input)}, where old is null when the key
     * is absent; returns the new value.
     */
    <I> Object update(Object key, I input, BiFunction<Object, I, Object> update) {
        Object k = key == null ? NULL_KEY : key;
        int h = spread(k.hashCode());
        int pos = h & mask;
        int step = 1;
        while (true) {
            Object cur = data[2 * pos];
            if (cur == null) {
                Object v = update.apply(null, input);
                data[2 * pos] = k;
                data[2 * pos + 1] = v;
                hashes[pos] = h;
                if (++size > (mask + 1) * 0.7) {
                    grow();
                }
                return v;
            }
            if (hashes[pos] == h && (cur == k || cur.equals(k))) {
                Object v = update.apply(data[2 * pos + 1], input);
                data[2 * pos + 1] = v;
                return v;
            }
            pos = (pos + step++) & mask;
        }
    }

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void grow() {
        Object[] oldData = data;
        int[] oldHashes = hashes;
        int capacity = (mask + 1) * 2;
        data = new Object[2 * capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            Object k = oldData[2 * i];
            if (k != null) {
                int pos = oldHashes[i] & mask;
                int step = 1;
                while (data[2 * pos] != null) {
                    pos = (pos + step++) & mask;
                }
                data[2 * pos] = k;
                data[2 * pos + 1] = oldData[2 * i + 1];
                hashes[pos] = oldHashes[i];
            }
        }
    }

    /** Visits every entry (null keys restored). */
    void forEach(java.util.function.BiConsumer<Object, Object> action) {
        for (int i = 0; i < hashes.length; i++) {
            Object k = data[2 * i];
            if (k != null) {
                action.accept(k == NULL_KEY ? null : k, data[2 * i + 1]);
            }
        }
    }

    /** Empties the map and releases its arrays. */
    void clear() {
        data = new Object[2 * 64];
        hashes = new int[64];
        mask = 63;
        size = 0;
    }


    Iterator<Object[]> entries() {
        return new Iterator<>() {
            private int i = advance(0);

            private int advance(int from) {
                int j = from;
                while (j < hashes.length && data[2 * j] == null) {
                    j++;
                }
                return j;
            }

            @Override
            public boolean hasNext() {
                return i < hashes.length;
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object k = data[2 * i];
                Object[] e = {k == NULL_KEY ? null : k, data[2 * i + 1]};
                i = advance(i + 1);
                return e;
            }
        };
    }
}
