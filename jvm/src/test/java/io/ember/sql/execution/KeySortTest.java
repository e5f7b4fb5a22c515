package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeySortTest {
    private static int[] byComparator(ColumnVector[] keys, KeyComparator order, int n) {
        int[] idx = VectorOps.identity(n);
        IntSort.sort(idx, n, (a, b) -> order.compare(keys, a, keys, b));
        return idx;
    }

    private static boolean[] nulls(Random r, int n) {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextInt(10) == 0;
        }
        return out;
    }

    @Test
    void packedSortsGiveTheComparatorsStableOrder() {
        Random r = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = r.nextInt(300);
            long spread = switch (round % 4) {
                case 0 -> 5;                     // many ties: the second key decides
                case 1 -> 1_000_000;
                case 2 -> Long.MAX_VALUE / 2;    // too wide to pack: the comparator path
                default -> 1L << 40;
            };
            long[] longs = new long[n];
            int[] ints = new int[n];
            long[] unscaled = new long[n];
            String[] strings = new String[n];
            for (int i = 0; i < n; i++) {
                longs[i] = r.nextLong() % spread;
                ints[i] = r.nextInt(7) - 3;
                unscaled[i] = r.nextInt(2000) - 1000;
                strings[i] = "s" + r.nextInt(4);
            }
            ColumnVector[][] keySets = {
                {new LongVector(DataTypes.LongType, longs, r.nextBoolean() ? nulls(r, n) : null),
                    new IntVector(DataTypes.IntegerType, ints, nulls(r, n))},
                {new IntVector(DataTypes.IntegerType, ints, nulls(r, n)), new StringVector(DataTypes.StringType, strings)},
                {new DecimalVector(new DecimalType(12, 2), unscaled, nulls(r, n))},
            };
            for (ColumnVector[] keys : keySets) {
                boolean[] asc = new boolean[keys.length];
                boolean[] nf = new boolean[keys.length];
                for (int k = 0; k < keys.length; k++) {
                    asc[k] = r.nextBoolean();
                    nf[k] = r.nextBoolean();
                }
                KeyComparator order = new KeyComparator(asc, nf);
                assertArrayEquals(byComparator(keys, order, n), KeySort.sort(keys, order, n),
                        "round " + round + " keys " + keys.length);
            }
        }
    }

    @Test
    void extremeLongsStillSort() {
        long[] v = {Long.MAX_VALUE, Long.MIN_VALUE, 0, -1, Long.MAX_VALUE};
        ColumnVector[] keys = {new LongVector(DataTypes.LongType, v, null)};
        KeyComparator order = KeyComparator.natural(1);
        assertArrayEquals(new int[] {1, 3, 2, 0, 4}, KeySort.sort(keys, order, v.length));
    }
}
