package io.ember.sql.execution;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Numbers distinct non-null strings 0, 1, 2, ... in order of first arrival: the batch codec's
 * string dictionaries, and a key table's string key columns (so that it stores, hashes and
 * compares a string key as an int). Open addressing over primitive arrays with the strings'
 * own hashes, which {@link String} caches, so strings shared by many rows (a decoded
 * dictionary's) hash once.
 *
 * <p>Threading: {@link #code} with {@code insert} is for the one owner; once numbering is done,
 * lookups without insertion only read and may run on several threads at once (a broadcast
 * join's key table is shared by an executor's tasks).
 */
final class StringCodes implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No code: a string not numbered, looked up without insertion. */
    static final int NONE = -1;

    private String[] values = new String[64];
    private int[] slotCodes;
    private int[] slotHashes;
    private int mask;
    private int size;
    private long stringBytes;

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
        stringBytes += 40 + 2L * s.length();
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

    /** Bytes of the string objects themselves, which growth never copies. */
    long stringBytes() {
        return stringBytes;
    }

    /** Bytes of the arrays, which growth copies. */
    long arrayBytes() {
        return 8L * slotCodes.length + 8L * values.length;
    }
}
