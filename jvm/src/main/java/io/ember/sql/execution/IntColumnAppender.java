package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import java.util.Arrays;

/** Appends an int-backed column ({@link IntVector}: ints, dates, ...) of an exchange's partition. Single-threaded. */
final class IntColumnAppender implements ColumnAppender {
    private final DataType type;
    private int[] values = new int[0];
    private boolean[] nulls;
    private boolean anyNull;

    IntColumnAppender(DataType type) {
        this.type = type;
    }

    @Override
    public boolean accepts(ColumnVector v) {
        return v instanceof IntVector;
    }

    @Override
    public void append(ColumnVector v, int[] rows, int from, int to, int held) {
        IntVector src = (IntVector) v;
        int need = held + to - from;
        if (need > values.length) {
            values = Arrays.copyOf(values, ColumnAppender.grow(values.length, need));
            if (nulls != null) {
                nulls = Arrays.copyOf(nulls, values.length);
            }
        }
        int[] s = src.values;
        int[] dst = values;
        int at = held;
        for (int i = from; i < to; i++) {
            dst[at++] = s[rows[i]];
        }
        if (src.nulls != null) {
            if (nulls == null) {
                nulls = new boolean[values.length];
            }
            boolean any = false;
            at = held;
            for (int i = from; i < to; i++) {
                boolean isNull = src.nulls[rows[i]];
                nulls[at++] = isNull;
                any |= isNull;
            }
            anyNull |= any;
        }
    }

    @Override
    public ColumnVector toVector(int held) {
        return new IntVector(type, Arrays.copyOf(values, held), anyNull ? Arrays.copyOf(nulls, held) : null);
    }

    @Override
    public void write(ByteSink out, int held) {
        BatchCodec.writeInts(out, values, anyNull ? nulls : null, held);
        if (anyNull) {
            Arrays.fill(nulls, 0, held, false);
            anyNull = false;
        }
    }
}
