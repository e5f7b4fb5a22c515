package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link JoinKeySet} (bitset and hashed) against a {@code HashSet} of the same build keys, on all rows and on a selection. */
class JoinKeySetTest {
    private static final long[] EDGES = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE - 1, Long.MAX_VALUE};

    private static void check(ColumnVector build, int n, ColumnVector probe, int m, String what) {
        Set<Long> want = new HashSet<>();
        for (int r = 0; r < n; r++) {
            if (!build.isNull(r)) {
                want.add(((Number) build.get(r)).longValue());
            }
        }
        JoinKeySet set = JoinKeySet.of(build, n);
        boolean[] expected = new boolean[m];
        for (int i = 0; i < m; i++) {
            expected[i] = !probe.isNull(i) && want.contains(((Number) probe.get(i)).longValue());
        }
        assertArrayEquals(expected, set.containsEach(probe, m), what + ": all rows");
        // on a selection (every third row), written over itself
        int[] into = new int[m];
        int kept = 0;
        for (int i = 0; i < m; i += 3) {
            into[kept++] = i;
        }
        int got = set.keep(probe, m, into, kept);
        int[] wantRows = java.util.stream.IntStream.range(0, m).filter(i -> i % 3 == 0 && expected[i]).toArray();
        assertArrayEquals(wantRows, Arrays.copyOf(into, got), what + ": selection");
        JoinKeyFilter f = JoinKeyFilter.of(new io.ember.sql.expressions.BoundReference(0, build.dataType(), true), build, n);
        assertArrayEquals(expected, ((io.ember.sql.vector.BooleanVector) f.eval(
                new io.ember.sql.vector.ColumnBatch(new ColumnVector[] {probe}, m))).values, what + ": eval");
    }

    private static void randomLongs(Random rnd, int n, long base, long spread, boolean nulls, String what) {
        long[] b = new long[n];
        boolean[] bn = nulls ? new boolean[n] : null;
        for (int i = 0; i < n; i++) {
            b[i] = base + (long) (rnd.nextDouble() * spread);
            if (nulls) {
                bn[i] = rnd.nextInt(8) == 0;
            }
        }
        int m = 5000;
        long[] p = new long[m];
        boolean[] pn = nulls ? new boolean[m] : null;
        for (int i = 0; i < m; i++) {
            p[i] = rnd.nextBoolean() ? b[rnd.nextInt(n)] : base - 10 + (long) (rnd.nextDouble() * (spread + 20));
            if (nulls) {
                pn[i] = rnd.nextInt(8) == 0;
            }
        }
        check(new LongVector(DataTypes.LongType, b, bn), n, new LongVector(DataTypes.LongType, p, pn), m, what);
    }

    @Test
    void denseAndSparseKeysWithAndWithoutNulls() {
        Random rnd = new Random(3);
        for (boolean nulls : new boolean[] {false, true}) {
            randomLongs(rnd, 2000, 1, 3000, nulls, "dense");                  // bitset
            randomLongs(rnd, 100, 1_000_000, 6_000_000, nulls, "wide, few");    // bitset: small enough whatever the count
            randomLongs(rnd, 3000, -5_000_000_000L, 10_000_000_000L, nulls, "sparse"); // hashed
            randomLongs(rnd, 1, 42, 1, nulls, "one key");
        }
    }

    @Test
    void edgeValuesAndEmptyBuilds() {
        long[] b = EDGES.clone();
        long[] p = {Long.MIN_VALUE, Long.MIN_VALUE + 2, -2, -1, 0, 2, Long.MAX_VALUE, Long.MAX_VALUE - 2, 7};
        check(new LongVector(DataTypes.LongType, b, null), b.length, new LongVector(DataTypes.LongType, p, null),
                p.length, "edges (hashed, the empty marker a key)");
        check(new LongVector(DataTypes.LongType, new long[] {Long.MAX_VALUE - 3, Long.MAX_VALUE}, null), 2,
                new LongVector(DataTypes.LongType, p, null), p.length, "near the top (bitset)");
        check(new LongVector(DataTypes.LongType, new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 5}, null), 2,
                new LongVector(DataTypes.LongType, p, null), p.length, "near the bottom (bitset)");
        check(new LongVector(DataTypes.LongType, new long[] {5, 6}, new boolean[] {true, true}), 2,
                new LongVector(DataTypes.LongType, new long[] {5, 6, 0}, null), 3, "only nulls");
        check(new LongVector(DataTypes.LongType, new long[0], null), 0,
                new LongVector(DataTypes.LongType, new long[] {0, 1}, null), 2, "no rows");
        check(new LongVector(DataTypes.LongType, new long[] {1}, null), 1,
                new LongVector(DataTypes.LongType, new long[0], null), 0, "empty probe");
        assertEquals(0, JoinKeySet.of(new LongVector(DataTypes.LongType, new long[] {3}, null), 1)
                .keep(new LongVector(DataTypes.LongType, new long[] {3}, null), 1, new int[1], 0), "empty selection");
    }

    @Test
    void contiguousOnlyWhenEveryValueOfTheRangeIsAKey() {
        LongVector whole = new LongVector(DataTypes.LongType, new long[] {3, 5, 4, 4, 6}, new boolean[] {false, false, false, false, false});
        assertEquals(true, JoinKeySet.of(whole, 5).contiguous());
        assertEquals(false, JoinKeySet.of(new LongVector(DataTypes.LongType, new long[] {3, 5, 6}, null), 3).contiguous());
        assertEquals(false, JoinKeySet.of(new LongVector(DataTypes.LongType, new long[0], null), 0).contiguous());
        assertEquals(false, JoinKeySet.of(new LongVector(DataTypes.LongType, EDGES.clone(), null), EDGES.length).contiguous());
    }

    @Test
    void intBackedKeys() {
        Random rnd = new Random(4);
        int n = 500;
        int[] b = new int[n];
        boolean[] bn = new boolean[n];
        for (int i = 0; i < n; i++) {
            b[i] = rnd.nextInt(2000) - 1000;
            bn[i] = rnd.nextInt(10) == 0;
        }
        int[] p = new int[3000];
        boolean[] pn = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = i % 5 == 0 ? Integer.MIN_VALUE : rnd.nextInt(2200) - 1100;
            pn[i] = rnd.nextInt(10) == 0;
        }
        check(new IntVector(DataTypes.DateType, b, bn), n, new IntVector(DataTypes.DateType, p, pn), p.length, "dates");
        int[] sparse = {Integer.MIN_VALUE, -7, Integer.MAX_VALUE};
        check(new IntVector(DataTypes.IntegerType, sparse, null), 3, new IntVector(DataTypes.IntegerType, p, pn),
                p.length, "ints spread over the whole range (hashed)");
    }
}
