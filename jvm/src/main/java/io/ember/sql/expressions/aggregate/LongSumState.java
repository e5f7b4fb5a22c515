package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Per-group sums held as longs (partials are bigint); a group with no value is null. Three
 * modes: {@link #wrapping()} bigint sums (overflow wraps, as Spark outside ANSI), {@link
 * #checked()} bigint sums (under ANSI a sum out of range, in an update or a merge, fails with
 * {@code ARITHMETIC_OVERFLOW}), and {@link #interval} sums (checked, with Spark's interval
 * error, and fitted to the interval type's range when the result is made). The wrapping mode has
 * a loop of its own, so it carries no check. Not thread-safe: one task owns a state.
 */
final class LongSumState extends GroupedState {
    private final DataType type;
    /** The error a sum out of range raises; null: sums wrap. */
    private final Supplier<ExpressionEvalException> overflow;
    private long[] sums = new long[0];
    private boolean[] seen = new boolean[0];

    private LongSumState(DataType type, Supplier<ExpressionEvalException> overflow) {
        this.type = type;
        this.overflow = overflow;
    }

    static LongSumState wrapping() {
        return new LongSumState(DataTypes.LongType, null);
    }

    static LongSumState checked() {
        return new LongSumState(DataTypes.LongType, () -> ExpressionEvalException.arithmeticOverflow("try_add"));
    }

    /** Sums of an interval type's values (microseconds or months). */
    static LongSumState interval(DataType type) {
        return new LongSumState(type, LongSumState::intervalOverflow);
    }

    static ExpressionEvalException intervalOverflow() {
        return new ExpressionEvalException("INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION",
                "Integer overflow while operating with intervals. Use `try_add` to tolerate overflow and return NULL "
                        + "instead.", Map.of("functionName", "`try_add`"));
    }

    @Override
    protected void resize(int c) {
        sums = Arrays.copyOf(sums, c);
        seen = Arrays.copyOf(seen, c);
    }

    @Override
    public void update(int[] g, int n, ColumnVector[] inputs) {
        ensure(g, n);
        ColumnVector in = inputs[0];
        if (overflow == null && in instanceof IntVector iv) {
            int[] v = iv.values;
            boolean[] nulls = iv.nulls;
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    sums[g[i]] += v[i];
                    seen[g[i]] = true;
                }
            }
        } else {
            add(g, n, Vectors.longs(in));
        }
    }

    private void add(int[] g, int n, LongVector lv) {
        long[] v = lv.values;
        boolean[] nulls = lv.nulls;
        if (overflow != null) {
            addExact(g, n, v, nulls);
            return;
        }
        for (int i = 0; i < n; i++) {
            if (nulls == null || !nulls[i]) {
                sums[g[i]] += v[i];
                seen[g[i]] = true;
            }
        }
    }

    private void addExact(int[] g, int n, long[] v, boolean[] nulls) {
        try {
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    sums[g[i]] = Math.addExact(sums[g[i]], v[i]);
                    seen[g[i]] = true;
                }
            }
        } catch (ArithmeticException e) {
            throw overflow.get();
        }
    }

    @Override
    public void merge(int[] g, int n, ColumnVector[] partials) {
        ensure(g, n);
        add(g, n, Vectors.longs(partials[0]));
    }

    @Override
    public ColumnVector[] partials(int numGroups) {
        ensure(numGroups);
        return new ColumnVector[] {new LongVector(DataTypes.LongType, Arrays.copyOf(sums, numGroups), nulls(numGroups))};
    }

    @Override
    public ColumnVector result(int numGroups) {
        ensure(numGroups);
        boolean[] nulls = nulls(numGroups);
        if (DataTypes.isLongBacked(type)) {
            return new LongVector(type, Arrays.copyOf(sums, numGroups), nulls);
        }
        int[] months = new int[numGroups];   // a year-month interval
        for (int i = 0; i < numGroups; i++) {
            if (sums[i] != (int) sums[i]) {
                throw overflow.get();
            }
            months[i] = (int) sums[i];
        }
        return new IntVector(type, months, nulls);
    }

    private boolean[] nulls(int numGroups) {
        boolean[] nulls = null;
        for (int i = 0; i < numGroups; i++) {
            if (!seen[i]) {
                if (nulls == null) nulls = new boolean[numGroups];
                nulls[i] = true;
            }
        }
        return nulls;
    }

    @Override
    public long sizeInBytes() {
        return 9L * capacity;
    }
}
