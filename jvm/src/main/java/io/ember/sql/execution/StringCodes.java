package io.ember.sql.execution;

import java.util.Arrays;

/**
 * Numbers distinct non-null strings 0, 1, 2, ... in order of first arrival (the batch codec's
 * string dictionaries): open addressing over primitive arrays with the strings' own hashes,
 * which {@link String} caches, so strings shared by many rows (a decoded dictionary's) hash
 * once. Owned by one thread.
 */
final class StringCodes {
    /** No code: a string not numbered, looked up without insertion. */
    static final int NONE = -1;

    private String[] values = new String[64];
    private int[] slotCodes;
    private int[] slotHashes;
    private int mask;
    private int size;

    StringCodes(int expected) {
        allocate(Integer.highestOneBit(Math.max(expected, 32)) * 4);
    }

    private void allocate(int capacity) {
        slotCodes = new int[capacity];
        slotHashes = new int[capacity];
        Arrays.fill(slotCodes, NONE);
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    String value(int code) {
        return values[code];
    }

    /** The code of non-null {@code s}, numbering it if new (or {@link #NONE} if new and not {@code insert}). */
    int code(String s, boolean insert) {
        int h = s.hashCode();
        int slot = RowHasher.fmix(h) & mask;
        while (true) {
            int c = slotCodes[slot];
            if (c == NONE) {
                return insert ? add(slot, h, s) : NONE;
            }
            if (slotHashes[slot] == h && s.equals(values[c])) {
                return c;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(int slot, int h, String s) {
        int c = size++;
        if (c == values.length) {
            values = Arrays.copyOf(values, c * 2);
        }
        values[c] = s;
        slotCodes[slot] = c;
        slotHashes[slot] = h;
        if (2 * size > slotCodes.length) {
            grow();
        }
        return c;
    }

    private void grow() {
        int[] oldCodes = slotCodes;
        int[] oldHashes = slotHashes;
        allocate(oldCodes.length * 2);
        for (int s = 0; s < oldCodes.length; s++) {
            if (oldCodes[s] != NONE) {
                int slot = RowHasher.fmix(oldHashes[s]) & mask;
                while (slotCodes[slot] != NONE) {
                    slot = (slot + 1) & mask;
                }
                slotCodes[slot] = oldCodes[s];
                slotHashes[slot] = oldHashes[s];
            }
        }
    }
}
