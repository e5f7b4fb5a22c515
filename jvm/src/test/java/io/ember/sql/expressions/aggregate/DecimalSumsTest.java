package io.ember.sql.expressions.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ember.sql.expressions.Decimals;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.ObjectVector;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Decimal sums match exact {@link BigDecimal} arithmetic whether batches take the unchecked
 * bounded path or the per-row checked one: small values, values near a long's or the type's
 * limit, nulls, empty batches, and boxed input in between.
 */
class DecimalSumsTest {
    /** Exact per-group sums with Spark's sum semantics: null without values, null once (checkEachStep) or if finally over the precision. */
    private static final class Reference {
        final BigDecimal[] sums;
        final boolean[] over;
        final DecimalType type;
        final boolean checkEachStep;

        Reference(DecimalType type, boolean checkEachStep, int groups) {
            this.type = type;
            this.checkEachStep = checkEachStep;
            sums = new BigDecimal[groups];
            over = new boolean[groups];
        }

        void add(int g, BigDecimal v) {
            if (over[g]) {
                return;
            }
            sums[g] = sums[g] == null ? v : sums[g].add(v);
            if (checkEachStep && Decimals.toPrecision(sums[g], type) == null) {
                over[g] = true;
            }
        }

        BigDecimal get(int g) {
            return sums[g] == null || over[g] ? null : Decimals.toPrecision(sums[g], type);
        }
    }

    private static void check(DecimalType type, boolean checkEachStep, long seed, long magnitude, double boxedShare) {
        Random rnd = new Random(seed);
        int groups = 7;
        DecimalSums sums = new DecimalSums(type, checkEachStep, false);
        sums.resize(groups);
        Reference ref = new Reference(type, checkEachStep, groups);
        for (int b = 0; b < 60; b++) {
            int n = b % 13 == 0 ? 0 : 1 + rnd.nextInt(700);
            int[] g = new int[n];
            long[] v = new long[n];
            boolean[] nulls = rnd.nextBoolean() ? new boolean[n] : null;
            for (int i = 0; i < n; i++) {
                g[i] = rnd.nextInt(groups);
                v[i] = rnd.nextInt(10) == 0 ? (rnd.nextBoolean() ? magnitude : -magnitude) : (long) (rnd.nextGaussian() * magnitude / 4);
                if (nulls != null && rnd.nextInt(5) == 0) {
                    nulls[i] = true;
                    v[i] = rnd.nextLong();   // garbage under a null must not count
                }
            }
            ColumnVector in;
            if (rnd.nextDouble() < boxedShare) {
                Object[] boxed = new Object[n];
                for (int i = 0; i < n; i++) {
                    boxed[i] = nulls != null && nulls[i] ? null : BigDecimal.valueOf(v[i], type.scale());
                }
                in = new ObjectVector(type, boxed);
            } else {
                in = new DecimalVector(type, v, nulls);
            }
            sums.add(g, n, in);
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    ref.add(g[i], BigDecimal.valueOf(v[i], type.scale()));
                }
            }
            for (int k = 0; k < groups; k++) {
                assertEquals(ref.get(k), sums.get(k), "group " + k + " after batch " + b);
            }
        }
        ColumnVector column = sums.column(groups);
        for (int k = 0; k < groups; k++) {
            assertEquals(ref.get(k), column.get(k), "column group " + k);
        }
    }

    @Test
    void smallValuesStayWithinTheBound() {
        check(new DecimalType(25, 2), true, 1, 10_000_000L, 0);
        check(new DecimalType(38, 6), false, 2, 100_000_000_000L, 0);
    }

    @Test
    void valuesNearALongsLimitLeaveTheBoundedPathExactly() {
        check(new DecimalType(38, 2), true, 3, Long.MAX_VALUE / 3, 0);
        check(new DecimalType(38, 2), false, 4, Long.MAX_VALUE / 100, 0);
    }

    @Test
    void aNarrowSumTypeOverflowsItsPrecisionPerStep() {
        check(new DecimalType(12, 2), true, 5, 30_000_000_000L, 0);
        check(new DecimalType(12, 2), false, 6, 30_000_000_000L, 0);
    }

    @Test
    void boxedBatchesInterleaveWithCompactOnes() {
        check(new DecimalType(25, 2), true, 7, 1_000_000L, 0.3);
        check(new DecimalType(20, 0), true, 8, Long.MAX_VALUE / 2, 0.3);
    }

    private static DecimalVector column(DecimalType type, long... unscaled) {
        return new DecimalVector(type, unscaled, null);
    }

    @Test
    void underAnsiAGroupedSumFailsWhenItLeavesItsType() {
        DecimalType type = new DecimalType(12, 2);
        DecimalSums sums = new DecimalSums(type, true, true);
        sums.resize(2);
        sums.add(new int[] {0, 1}, 2, column(type, 600_000_000_000L, 5));
        assertEquals(new BigDecimal("6000000000.00"), sums.get(0));
        ExpressionEvalException e = assertThrows(ExpressionEvalException.class,
                () -> sums.add(new int[] {1, 0}, 2, column(type, 7, 600_000_000_000L)));
        assertEquals("ARITHMETIC_OVERFLOW", e.getErrorClass());
        assertEquals("[ARITHMETIC_OVERFLOW] Overflow in sum of decimals. Use 'try_sum' to tolerate overflow and return NULL instead. If necessary "
                + "set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.", e.getMessage());
    }

    @Test
    void underAnsiAKeylessSumIsExactUntilReadThenFailsWithItsValue() {
        DecimalType type = new DecimalType(12, 2);
        DecimalSums sums = new DecimalSums(type, false, true);
        sums.resize(1);
        sums.add(new int[2], 2, column(type, 600_000_000_000L, 600_000_000_000L));
        ExpressionEvalException e = assertThrows(ExpressionEvalException.class, () -> sums.get(0));
        assertEquals("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", e.getErrorClass());
        assertEquals("12000000000.00", e.getMessageParameters().get("value"));
        assertThrows(ExpressionEvalException.class, () -> sums.column(1));
        sums.add(new int[1], 1, column(type, -700_000_000_000L));   // back within the type
        assertEquals(new BigDecimal("5000000000.00"), sums.get(0));
        assertEquals(new BigDecimal("5000000000.00"), sums.column(1).get(0));
    }

    @Test
    void underAnsiSumsThatFitMatchTheNullingOnes() {
        DecimalType type = new DecimalType(38, 2);
        DecimalSums ansiGrouped = new DecimalSums(type, true, true);
        DecimalSums ansiKeyless = new DecimalSums(type, false, true);
        DecimalSums plain = new DecimalSums(type, true, false);
        Random rnd = new Random(11);
        for (DecimalSums s : new DecimalSums[] {ansiGrouped, ansiKeyless, plain}) {
            s.resize(3);
        }
        for (int b = 0; b < 20; b++) {
            int n = b % 7 == 0 ? 0 : 1 + rnd.nextInt(300);
            int[] g = new int[n];
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                g[i] = rnd.nextInt(3);
                v[i] = rnd.nextLong() / 4;
            }
            for (DecimalSums s : new DecimalSums[] {ansiGrouped, ansiKeyless, plain}) {
                s.add(g, n, column(type, v));
            }
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(plain.get(k), ansiGrouped.get(k));
            assertEquals(plain.get(k), ansiKeyless.get(k));
        }
    }
}
