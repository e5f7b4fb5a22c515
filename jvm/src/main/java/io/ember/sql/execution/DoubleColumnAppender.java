package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DoubleVector;
import java.util.Arrays;

/** Appends a double column ({@link DoubleVector}) of an exchange's partition. Single-threaded. */
final class DoubleColumnAppender implements ColumnAppender {
    private final DataType type;
    private double[] values = new double[0];
    private boolean[] nulls;
    private boolean anyNull;

    DoubleColumnAppender(DataType type) {
        this.type = type;
    }

    @Override
    public boolean accepts(ColumnVector v) {
        return v instanceof DoubleVector;
    }

    @Override
    public void append(ColumnVector v, int[] rows, int from, int to, int held) {
        DoubleVector src = (DoubleVector) v;
        int need = held + to - from;
        if (need > values.length) {
            values = Arrays.copyOf(values, ColumnAppender.grow(values.length, need));
            if (nulls != null) {
                nulls = Arrays.copyOf(nulls, values.length);
            }
        }
        double[] s = src.values;
        double[] dst = values;
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
        return new DoubleVector(type, Arrays.copyOf(values, held), anyNull ? Arrays.copyOf(nulls, held) : null);
    }

    @Override
    public void write(ByteSink out, int held) {
        BatchCodec.writeDoubles(out, values, anyNull ? nulls : null, held);
        if (anyNull) {
            Arrays.fill(nulls, 0, held, false);
            anyNull = false;
        }
    }
}
