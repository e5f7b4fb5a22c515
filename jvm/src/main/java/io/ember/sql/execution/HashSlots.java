package io.ember.sql.execution;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The open-addressing slots of a group-key table: each slot holds a group number (-1 when
 * empty) and the hash of that group's keys; the key values themselves live in the table that
 * owns the slots. Probing is linear; {@link #grow()} doubles the slots and re-places every group
 * by its stored hash. Owned by one task.
 */
final class HashSlots implements Serializable {
    private static final long serialVersionUID = 1L;

    int[] groups;
    int[] hashes;
    int mask;

    HashSlots(int capacity) {
        allocate(capacity);
    }

    private void allocate(int capacity) {
        groups = new int[capacity];
        hashes = new int[capacity];
        Arrays.fill(groups, -1);
        mask = capacity - 1;
    }

    /** Puts {@code group} with hash {@code h} in the empty slot {@code slot}; grows when half full. */
    void fill(int slot, int group, int h, int numGroups) {
        groups[slot] = group;
        hashes[slot] = h;
        if (numGroups * 2 > groups.length) {
            grow();
        }
    }

    private void grow() {
        int[] oldGroups = groups;
        int[] oldHashes = hashes;
        allocate(oldGroups.length * 2);
        for (int s = 0; s < oldGroups.length; s++) {
            if (oldGroups[s] >= 0) {
                int slot = oldHashes[s] & mask;
                while (groups[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                groups[slot] = oldGroups[s];
                hashes[slot] = oldHashes[s];
            }
        }
    }

    long sizeInBytes() {
        return 8L * groups.length;
    }
}
