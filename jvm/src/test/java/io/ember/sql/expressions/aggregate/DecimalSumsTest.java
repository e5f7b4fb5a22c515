package io.ember.sql.expressions.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.expressions.Decimals;
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
        DecimalSums sums = new DecimalSums(type, checkEachStep);
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
}
