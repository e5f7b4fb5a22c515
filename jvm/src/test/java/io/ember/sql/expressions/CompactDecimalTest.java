package io.ember.sql.expressions;

import static io.ember.sql.expressions.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.execution.BatchCodec;
import io.ember.sql.expressions.aggregate.Sum;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.ObjectVector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decimals held as unscaled longs give the same answers as the exact BigDecimal path, and fall back to it when they do not fit. */
class CompactDecimalTest {
    private static final DecimalType D152 = new DecimalType(15, 2);

    private static DecimalVector compact(DecimalType t, Long... unscaled) {
        long[] v = new long[unscaled.length];
        boolean[] nulls = new boolean[unscaled.length];
        for (int i = 0; i < v.length; i++) {
            if (unscaled[i] == null) nulls[i] = true; else v[i] = unscaled[i];
        }
        return new DecimalVector(t, v, nulls);
    }

    /** The same values as a vector of BigDecimals: the form every other producer makes. */
    private static ColumnVector boxed(ColumnVector v) {
        Object[] out = new Object[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = v.get(i);
        return new ObjectVector(v.dataType(), out);
    }

    private static List<Object> values(ColumnVector v) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) out.add(v.get(i));
        return out;
    }

    @Test
    void arithmeticOnCompactDecimalsMatchesTheExactPath() {
        Random rnd = new Random(7);
        Long[] a = new Long[200];
        Long[] b = new Long[200];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 17 == 0 ? null : rnd.nextLong() % 10_000_000_000L;
            b[i] = i % 23 == 0 ? null : rnd.nextLong() % 100L;
        }
        ColumnBatch fast = batch(compact(D152, a), compact(new DecimalType(4, 2), b));
        ColumnBatch slow = batch(boxed(fast.column(0)), boxed(fast.column(1)));
        Expression x = col(0, D152);
        Expression y = col(1, new DecimalType(4, 2));
        for (Expression e : List.of(new Add(x, y), new Subtract(x, y), new Multiply(x, y), new Add(x, lit(new BigDecimal("1.5"), new DecimalType(2, 1))),
                new LessThan(x, new Cast(y, D152)), new EqualTo(x, x))) {
            ColumnVector f = e.eval(fast);
            assertEquals(values(e.eval(slow)), values(f), e.sql());
        }
        assertInstanceOf(DecimalVector.class, new Multiply(x, y).eval(fast));
    }

    @Test
    void overflowingALongFallsBackToExactResults() {
        DecimalType d380 = new DecimalType(38, 0);
        ColumnBatch b = batch(compact(d380, Long.MAX_VALUE - 1, 5L), compact(d380, Long.MAX_VALUE - 1, 6L));
        Expression x = col(0, d380);
        Expression y = col(1, d380);
        BigDecimal big = BigDecimal.valueOf(Long.MAX_VALUE - 1);
        assertEquals(list(big.add(big), BigDecimal.valueOf(11)), eval(new Add(x, y), b));
        assertEquals(list(big.multiply(big), BigDecimal.valueOf(30)), eval(new Multiply(x, y), b));
    }

    @Test
    void unscaledArithmeticNearALongsLimitsMatchesTheExactPath() {
        Random rnd = new Random(11);
        DecimalType d380 = new DecimalType(38, 0);
        DecimalType d182 = new DecimalType(18, 2);
        long[] edges = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE / 2, Long.MIN_VALUE / 2 - 1,
                3_037_000_499L, 3_037_000_500L, -3_037_000_500L, 999_999_999_999_999_999L};
        for (int round = 0; round < 60; round++) {
            int n = round % 10 == 0 ? 0 : 1 + rnd.nextInt(40);
            int bits = 1 + rnd.nextInt(63);
            Long[] a = new Long[n];
            Long[] b = new Long[n];
            for (int i = 0; i < n; i++) {
                a[i] = rnd.nextInt(9) == 0 ? null : rnd.nextInt(5) == 0 ? edges[rnd.nextInt(edges.length)] : rnd.nextLong() >> (64 - bits);
                b[i] = rnd.nextInt(9) == 0 ? null : rnd.nextInt(5) == 0 ? edges[rnd.nextInt(edges.length)] : rnd.nextLong() >> (64 - bits);
            }
            for (DecimalType t : List.of(d380, d182)) {
                ColumnBatch fast = batch(compact(t, a), compact(new DecimalType(t.precision(), 0), b));
                ColumnBatch slow = batch(boxed(fast.column(0)), boxed(fast.column(1)));
                Expression x = col(0, t);
                Expression y = col(1, new DecimalType(t.precision(), 0));
                for (Expression e : List.of(new Add(x, y), new Subtract(x, y), new Multiply(x, y), new Subtract(x, x))) {
                    List<Object> want;
                    try {
                        want = values(e.eval(slow));
                    } catch (RuntimeException outOfRange) {
                        assertThrows(outOfRange.getClass(), () -> e.eval(fast), e.sql());
                        continue;
                    }
                    assertEquals(want, values(e.eval(fast)), e.sql() + " round " + round);
                }
            }
        }
    }

    @Test
    void sumsStayExactPastALongAndNullWhenOverTheirPrecision() {
        DecimalType d180 = new DecimalType(18, 0);
        Sum sum = new Sum(col(0, d180));
        AggregateState s = sum.newState();
        long nines = 999_999_999_999_999_999L;
        s.update(new int[] {0, 0, 0, 1, 1}, 5, new ColumnVector[] {compact(d180, nines, nines, null, 1L, 2L)});
        ColumnVector r = s.result(3);
        assertEquals(list(BigDecimal.valueOf(nines).multiply(BigDecimal.valueOf(2)), BigDecimal.valueOf(3), null), values(r));
        // sum(decimal(18,0)) is decimal(28,0): two partial sums of 28 nines overflow it, and the sum is null
        AggregateState o = sum.newState();
        BigDecimal max28 = new BigDecimal("9".repeat(28));
        o.merge(new int[] {0, 0, 1}, 3, new ColumnVector[] {new ObjectVector(new DecimalType(28, 0), new Object[] {max28, max28, max28})});
        assertEquals(list(null, max28), values(o.result(2)));
    }

    @Test
    void theCodecKeepsCompactDecimals() {
        DecimalVector v = compact(D152, 12345L, null, -1L);
        ColumnBatch back = BatchCodec.decode(BatchCodec.encode(batch(v)), List.of(D152));
        assertInstanceOf(DecimalVector.class, back.column(0));
        assertEquals(values(v), values(back.column(0)));
        assertEquals(list(new BigDecimal("123.45"), null, new BigDecimal("-0.01")), values(back.column(0)));
        assertEquals(new BigDecimal("0.70"), ColumnVectors.constant(D152, new BigDecimal("0.70"), 3).get(2));
    }
}
