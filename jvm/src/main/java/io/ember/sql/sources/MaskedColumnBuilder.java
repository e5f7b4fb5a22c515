package io.ember.sql.sources;

import io.ember.sql.types.DataType;
import java.util.Arrays;

/** A builder of a primitive column: its values in the subclass's array, its nulls in a mask kept here. */
abstract class MaskedColumnBuilder extends ColumnBuilder {
    protected boolean[] nulls;

    protected MaskedColumnBuilder(DataType type, int capacity) {
        super(type, capacity);
        nulls = new boolean[capacity];
    }

    @Override
    final void setNull(int row) {
        nulls[row] = true;
    }

    /** The null mask of rows {@code [0, n)} (null when none is null), and a fresh mask for the next batch. */
    protected final boolean[] takeNulls(int n) {
        boolean[] taken = null;
        for (int i = 0; i < n; i++) {
            if (nulls[i]) {
                taken = Arrays.copyOf(nulls, n);
                break;
            }
        }
        nulls = new boolean[capacity];
        return taken;
    }
}
