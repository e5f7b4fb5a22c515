package io.ember.sql.execution;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Numbers the distinct non-null strings of one grouping-key column 0, 1, 2, ... in order of
 * first arrival, so that a key table stores, hashes and compares a string key as an int:
 * open addressing over primitive arrays keyed by the strings' own hashes (which a
 * {@link String} caches, so a dictionary's strings hash once however many rows share them).
 *
 * <p>Threading: {@link #idOf(String, boolean)} with {@code insert} is for the table's one
 * owner; once the table is built, lookups without insertion only read and may run on several
 * threads at once (a broadcast join's table is shared by an executor's tasks).
 */
final class KeyStringIds implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No id: a string not numbered, looked up without insertion. */
    static final int NONE = -1;

    private String[] values = new String[64];
    private int[] slotIds;
    private int[] slotHashes;
    private int mask;
    private int size;
    private long stringBytes;

    KeyStringIds() {
        allocate(256);
    }

    private void allocate(int capacity) {
        slotIds = new int[capacity];
        slotHashes = new int[capacity];
        Arrays.fill(slotIds, NONE);
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    /** The string numbered {@code id}. */
    String value(int id) {
        return values[id];
    }

    /** The id of non-null {@code s}, numbering it if new (or {@link #NONE} if new and not {@code insert}). */
    int idOf(String s, boolean insert) {
        int h = s.hashCode();
        int slot = RowHasher.fmix(h) & mask;
        while (true) {
            int id = slotIds[slot];
            if (id == NONE) {
                return insert ? add(slot, h, s) : NONE;
            }
            if (slotHashes[slot] == h && s.equals(values[id])) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(int slot, int h, String s) {
        int id = size++;
        if (id == values.length) {
            values = Arrays.copyOf(values, id * 2);
        }
        values[id] = s;
        stringBytes += 40 + 2L * s.length();
        slotIds[slot] = id;
        slotHashes[slot] = h;
        if (2 * size > slotIds.length) {
            grow();
        }
        return id;
    }

    private void grow() {
        int[] oldIds = slotIds;
        int[] oldHashes = slotHashes;
        allocate(oldIds.length * 2);
        for (int s = 0; s < oldIds.length; s++) {
            if (oldIds[s] != NONE) {
                int slot = RowHasher.fmix(oldHashes[s]) & mask;
                while (slotIds[slot] != NONE) {
                    slot = (slot + 1) & mask;
                }
                slotIds[slot] = oldIds[s];
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
        return 8L * slotIds.length + 8L * values.length;
    }
}
