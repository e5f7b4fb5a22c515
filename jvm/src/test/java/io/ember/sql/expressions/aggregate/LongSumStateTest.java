package io.ember.sql.expressions.aggregate;

import static io.ember.sql.expressions.Exprs.vec;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ANSI bigint sum: the same sums as the wrapping state while in range, Spark's error when not. */
class LongSumStateTest {
    private static Object[] results(AggregateState s, int groups) {
        ColumnVector r = s.result(groups);
        Object[] out = new Object[groups];
        for (int i = 0; i < groups; i++) out[i] = r.get(i);
        return out;
    }

    @Test
    void equalsTheWrappingSumOnRandomInRangeDataWithNulls() {
        Random rnd = new Random(7);
        int n = 2000;
        int[] g = new int[n];
        Object[] ints = new Object[n];
        Object[] longs = new Object[n];
        for (int i = 0; i < n; i++) {
            g[i] = rnd.nextInt(5);
            ints[i] = rnd.nextInt(10) == 0 ? null : rnd.nextInt();
            longs[i] = rnd.nextInt(10) == 0 ? null : rnd.nextLong() >> 16;
        }
        for (ColumnVector v : new ColumnVector[] {vec(DataTypes.IntegerType, ints), vec(DataTypes.LongType, longs)}) {
            AggregateState checked = LongSumState.checked();
            AggregateState wrapping = LongSumState.wrapping();
            checked.update(g, n, new ColumnVector[] {v});
            wrapping.update(g, n, new ColumnVector[] {v});
            // a sixth group that sees no value stays null in both
            assertArrayEquals(results(wrapping, 6), results(checked, 6));
            assertNull(results(checked, 6)[5]);
        }
    }

    @Test
    void emptyBatchGivesNullGroups() {
        AggregateState s = LongSumState.checked();
        s.update(new int[0], 0, new ColumnVector[] {vec(DataTypes.LongType)});
        assertArrayEquals(new Object[] {null, null}, results(s, 2));
    }

    @Test
    void overflowInAnUpdateFailsWithSparksError() {
        AggregateState s = LongSumState.checked();
        ColumnVector v = vec(DataTypes.LongType, Long.MAX_VALUE, null, 1L);
        ExpressionEvalException e = assertThrows(ExpressionEvalException.class,
                () -> s.update(new int[] {0, 0, 0}, 3, new ColumnVector[] {v}));
        assertEquals("ARITHMETIC_OVERFLOW", e.getErrorClass());
        assertEquals("[ARITHMETIC_OVERFLOW] overflow. Use 'try_add' to tolerate overflow and return NULL instead. "
                + "If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.", e.getMessage());
    }

    @Test
    void edgeValuesThatFitDoNotFailAndOverflowInAMergeDoes() {
        AggregateState a = LongSumState.checked();
        a.update(new int[] {0, 0}, 2, new ColumnVector[] {vec(DataTypes.LongType, Long.MIN_VALUE, Long.MAX_VALUE)});
        assertArrayEquals(new Object[] {-1L}, results(a, 1));
        AggregateState b = LongSumState.checked();
        b.update(new int[] {0}, 1, new ColumnVector[] {vec(DataTypes.LongType, Long.MIN_VALUE)});
        AggregateState fin = LongSumState.checked();
        fin.merge(new int[] {0}, 1, a.partials(1));
        assertThrows(ExpressionEvalException.class, () -> fin.merge(new int[] {0}, 1, b.partials(1)));
    }
}
