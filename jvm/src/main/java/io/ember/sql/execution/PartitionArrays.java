package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import java.util.Arrays;

/**
 * What the typed {@link ColumnScatter}s share: one value array per target partition, sized from
 * a capacity array (so that sizing does not touch every partition's array), and null flags
 * allocated for a partition only once a null reaches it. A subclass holds the value arrays and
 * copies rows into them in its own typed loop. Single-threaded (one map task).
 */
abstract class PartitionArrays implements ColumnScatter {
    final DataType type;
    /** {@code values[p].length} of the subclass's arrays. */
    private final int[] capacity;
    private final boolean[][] nulls;
    private final boolean[] anyNull;

    PartitionArrays(DataType type, int partitions) {
        this.type = type;
        this.capacity = new int[partitions];
        this.nulls = new boolean[partitions][];
        this.anyNull = new boolean[partitions];
    }

    /** Resizes partition {@code p}'s value array to {@code capacity} values, keeping its rows. */
    abstract void resize(int p, int capacity);

    /** Makes room for {@code counts[p]} rows after the {@code held[p]} of every partition p. */
    final void ensure(int[] held, int[] counts) {
        int[] cap = capacity;
        for (int p = 0; p < cap.length; p++) {
            int need = held[p] + counts[p];
            if (need > cap[p]) {
                cap[p] = ColumnScatter.grow(cap[p], need);
                resize(p, cap[p]);
                if (nulls[p] != null) {
                    nulls[p] = Arrays.copyOf(nulls[p], cap[p]);
                }
            }
        }
    }

    /** Flags row {@code k} of partition {@code p} null. */
    final void markNull(int p, int k) {
        if (nulls[p] == null) {
            nulls[p] = new boolean[capacity[p]];
        }
        nulls[p][k] = true;
        anyNull[p] = true;
    }

    /** Partition {@code p}'s null flags (longer than its rows), or null when it has no null. */
    final boolean[] nulls(int p) {
        return anyNull[p] ? nulls[p] : null;
    }

    /** An exact-size copy of partition {@code p}'s null flags, or null when it has no null. */
    final boolean[] nullsCopy(int p, int held) {
        return anyNull[p] ? Arrays.copyOf(nulls[p], held) : null;
    }

    /** Forgets partition {@code p}'s null flags once its {@code held} rows are written (the array is kept). */
    final void clearNulls(int p, int held) {
        if (anyNull[p]) {
            Arrays.fill(nulls[p], 0, held, false);
            anyNull[p] = false;
        }
    }
}
