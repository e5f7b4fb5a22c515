package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.LongVector;
import java.util.Arrays;

/**
 * Appends a long-backed column ({@link LongVector}) or a compact decimal column ({@link
 * DecimalVector}, one scale) of an exchange's partition: both hold a {@code long[]} and
 * encode as frame-of-reference packed longs. Single-threaded.
 */
final class LongColumnAppender implements ColumnAppender {
    private final DataType type;
    private final boolean decimal;
    private long[] values = new long[0];
    private boolean[] nulls;
    private boolean anyNull;

    /** {@code decimal}: takes {@link DecimalVector}s of {@code type}'s scale, else {@link LongVector}s. */
    LongColumnAppender(DataType type, boolean decimal) {
        this.type = type;
        this.decimal = decimal;
    }

    @Override
    public boolean accepts(ColumnVector v) {
        return decimal ? v instanceof DecimalVector d && d.scale() == ((DecimalType) type).scale() : v instanceof LongVector;
    }

    @Override
    public void append(ColumnVector v, int[] rows, int from, int to, int held) {
        long[] src;
        boolean[] srcNulls;
        if (v instanceof DecimalVector d) {
            src = d.unscaled;
            srcNulls = d.nulls;
        } else {
            LongVector l = (LongVector) v;
            src = l.values;
            srcNulls = l.nulls;
        }
        int need = held + to - from;
        if (need > values.length) {
            values = Arrays.copyOf(values, ColumnAppender.grow(values.length, need));
            if (nulls != null) {
                nulls = Arrays.copyOf(nulls, values.length);
            }
        }
        long[] dst = values;
        int at = held;
        for (int i = from; i < to; i++) {
            dst[at++] = src[rows[i]];
        }
        if (srcNulls != null) {
            copyNulls(srcNulls, rows, from, to, held);
        }
    }

    private void copyNulls(boolean[] srcNulls, int[] rows, int from, int to, int held) {
        if (nulls == null) {
            nulls = new boolean[values.length];
        }
        boolean any = false;
        int at = held;
        for (int i = from; i < to; i++) {
            boolean isNull = srcNulls[rows[i]];
            nulls[at++] = isNull;
            any |= isNull;
        }
        anyNull |= any;
    }

    @Override
    public ColumnVector toVector(int held) {
        long[] v = Arrays.copyOf(values, held);
        boolean[] n = anyNull ? Arrays.copyOf(nulls, held) : null;
        return decimal ? new DecimalVector((DecimalType) type, v, n) : new LongVector(type, v, n);
    }

    @Override
    public void write(ByteSink out, int held) {
        boolean[] n = anyNull ? nulls : null;
        if (decimal) {
            BatchCodec.writeDecimals(out, values, n, held);
        } else {
            BatchCodec.writeLongs(out, values, n, held);
        }
        if (anyNull) {
            Arrays.fill(nulls, 0, held, false);
            anyNull = false;
        }
    }
}
