package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.expressions.BoundReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NthValue;
import io.ember.sql.expressions.WindowFrame;
import io.ember.sql.expressions.aggregate.FirstLast;
import io.ember.sql.expressions.aggregate.Sum;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Frame aggregation of one sorted window partition (no cluster needed): RANGE frames with value
 * offsets, nth_value and first/last with ignoreNulls, each against a brute-force loop over the
 * rows in plain Java.
 */
class WindowFramesTest {
    private static final Random RND = new Random(5);

    /** Sorted keys (nulls first or last, ascending or descending) and values, as one batch. */
    private record Part(Object[] keys, Long[] values, ColumnBatch batch) {}

    private static Part partition(DataType keyType, boolean ascending, boolean nullsFirst, int n) {
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = RND.nextInt(40) - 10;
            keys.add(RND.nextInt(8) == 0 ? null : keyType == DataTypes.DoubleType ? (Object) (k / 4.0)
                    : keyType == DataTypes.LongType ? (Object) (long) k : (Object) k);
        }
        Comparator<Object> cmp = (a, b) -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        if (!ascending) cmp = cmp.reversed();
        keys.sort(nullsFirst ? Comparator.nullsFirst(cmp) : Comparator.nullsLast(cmp));
        Long[] values = new Long[n];
        ColumnVector kv = ColumnVectors.allocate(keyType, n);
        ColumnVector vv = ColumnVectors.allocate(DataTypes.LongType, n);
        for (int i = 0; i < n; i++) {
            values[i] = RND.nextInt(5) == 0 ? null : (long) RND.nextInt(100);
            ColumnVectors.set(kv, i, keys.get(i));
            ColumnVectors.set(vv, i, values[i]);
        }
        return new Part(keys.toArray(), values, new ColumnBatch(new ColumnVector[] {kv, vv}, n));
    }

    private static int[] peers(Object[] keys) {
        int[] peer = new int[keys.length];
        for (int i = 1; i < keys.length; i++) {
            peer[i] = peer[i - 1] + (java.util.Objects.equals(keys[i - 1], keys[i]) ? 0 : 1);
        }
        return peer;
    }

    private static boolean inRange(Object row, Object current, long lower, long upper, boolean ascending) {
        if (current == null || row == null) {
            return current == null && row == null;
        }
        double d = (((Number) row).doubleValue() - ((Number) current).doubleValue()) * (ascending ? 1 : -1);
        return (lower == WindowFrame.UNBOUNDED_PRECEDING || d >= lower) && (upper == WindowFrame.UNBOUNDED_FOLLOWING || d <= upper);
    }

    @Test
    void rangeFramesWithValueOffsetsMatchABruteForceSum() {
        long[][] frames = {{-3, 2}, {-1, 0}, {0, 4}, {2, 5}, {-5, -2}, {WindowFrame.UNBOUNDED_PRECEDING, 1},
            {-2, WindowFrame.UNBOUNDED_FOLLOWING}};
        for (DataType type : List.of(DataTypes.IntegerType, DataTypes.LongType, DataTypes.DoubleType)) {
            for (boolean asc : new boolean[] {true, false}) {
                for (boolean nullsFirst : new boolean[] {true, false}) {
                    Part p = partition(type, asc, nullsFirst, 120);
                    for (long[] f : frames) {
                        WindowFrame frame = new WindowFrame(false, f[0], f[1]);
                        ColumnVector got = FrameAggregator.evaluate(new Sum(new BoundReference(1, DataTypes.LongType, true)),
                                new Expression[] {new BoundReference(1, DataTypes.LongType, true)}, frame, p.batch(),
                                peers(p.keys()), p.batch().column(0), asc);
                        for (int i = 0; i < p.keys().length; i++) {
                            Long expected = null;
                            for (int j = 0; j < p.keys().length; j++) {
                                boolean unboundedRow = (f[0] == WindowFrame.UNBOUNDED_PRECEDING && j <= i)
                                        || (f[1] == WindowFrame.UNBOUNDED_FOLLOWING && j >= i);
                                if ((unboundedRow || inRange(p.keys()[j], p.keys()[i], f[0], f[1], asc)) && p.values()[j] != null) {
                                    expected = (expected == null ? 0 : expected) + p.values()[j];
                                }
                            }
                            assertEquals(expected, got.get(i), type + " asc=" + asc + " nullsFirst=" + nullsFirst
                                    + " frame=" + frame.sql() + " row " + i + " keys " + Arrays.toString(p.keys()));
                        }
                    }
                }
            }
        }
    }

    @Test
    void nthValueAndFirstLastIgnoringNullsOverRowsFrames() {
        Part p = partition(DataTypes.IntegerType, true, true, 80);
        Expression v = new BoundReference(1, DataTypes.LongType, true);
        long[][] frames = {{-3, 2}, {WindowFrame.UNBOUNDED_PRECEDING, 0}, {0, WindowFrame.UNBOUNDED_FOLLOWING}, {1, 4}};
        for (long[] f : frames) {
            WindowFrame frame = new WindowFrame(true, f[0], f[1]);
            for (boolean ignore : new boolean[] {false, true}) {
                ColumnVector nth = FrameAggregator.evaluate(new NthValue(v, 2, ignore), new Expression[] {v}, frame,
                        p.batch(), peers(p.keys()), p.batch().column(0), true);
                ColumnVector last = FrameAggregator.evaluate(new FirstLast(v, true, ignore), new Expression[] {v}, frame,
                        p.batch(), peers(p.keys()), p.batch().column(0), true);
                int n = p.keys().length;
                for (int i = 0; i < n; i++) {
                    int lo = (int) Math.max(0, f[0] == WindowFrame.UNBOUNDED_PRECEDING ? 0 : i + f[0]);
                    int hi = (int) Math.min(n - 1, f[1] == WindowFrame.UNBOUNDED_FOLLOWING ? n - 1 : i + f[1]);
                    List<Long> seen = new ArrayList<>();
                    for (int j = lo; j <= hi; j++) {
                        if (!ignore || p.values()[j] != null) {
                            seen.add(p.values()[j]);
                        }
                    }
                    assertEquals(seen.size() >= 2 ? seen.get(1) : null, nth.get(i), "nth " + frame.sql() + " row " + i);
                    assertEquals(seen.isEmpty() ? null : seen.get(seen.size() - 1), last.get(i), "last " + frame.sql() + " row " + i);
                }
            }
        }
    }
}
