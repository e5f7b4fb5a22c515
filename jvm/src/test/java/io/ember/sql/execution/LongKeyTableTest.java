package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LongKeyTable} against the boxed {@link GenericKeyTable}: group numbering, lookups, keys, growth. */
class LongKeyTableTest {
    private static void same(DataType type, List<ColumnVector> batches, List<ColumnVector> probes) {
        LongKeyTable fast = new LongKeyTable(type);
        GenericKeyTable ref = new GenericKeyTable(List.of(type));
        for (ColumnVector b : batches) {
            int n = b.size();
            int[] got = new int[n];
            int[] want = new int[n];
            fast.findOrInsert(new ColumnVector[] {b}, n, got);
            ref.findOrInsert(new ColumnVector[] {b}, n, want);
            assertArrayEquals(want, got, "group ids");
        }
        assertEquals(ref.numGroups(), fast.numGroups());
        int g = fast.numGroups();
        for (int i = 0; i < g; i++) {
            assertEquals(ref.keys(i, i + 1)[0].get(0), fast.keys(i, i + 1)[0].get(0), "key of group " + i);
        }
        for (ColumnVector p : probes) {
            int n = p.size();
            int[] got = new int[n];
            int[] want = new int[n];
            fast.lookup(new ColumnVector[] {p}, n, got);
            ref.lookup(new ColumnVector[] {p}, n, want);
            assertArrayEquals(want, got, "lookups");
        }
    }

    private static LongVector longs(Random rnd, int n, long bound, boolean nulls) {
        long[] v = new long[n];
        boolean[] isNull = nulls ? new boolean[n] : null;
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextInt(4) == 0 ? rnd.nextLong() : (rnd.nextLong() % bound);
            if (nulls) {
                isNull[i] = rnd.nextInt(25) == 0;
            }
        }
        return new LongVector(DataTypes.LongType, v, isNull);
    }

    @Test
    void longKeysGrowPastTheFirstTableAndMatchTheBoxedTable() {
        Random rnd = new Random(21);
        same(DataTypes.LongType, List.of(longs(rnd, 3000, 5000, true), longs(rnd, 6000, 20000, false),
                longs(rnd, 0, 10, false)), List.of(longs(rnd, 4000, 20000, true)));
        long[] edge = {0, Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, Long.MIN_VALUE};
        same(DataTypes.LongType, List.of(new LongVector(DataTypes.LongType, edge, null)),
                List.of(new LongVector(DataTypes.LongType, new long[] {0, 1, -1, Long.MAX_VALUE}, null)));
    }

    @Test
    void intKeysWithNulls() {
        Random rnd = new Random(22);
        int[] v = new int[5000];
        boolean[] nulls = new boolean[5000];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextInt(3000) - 1500;
            nulls[i] = rnd.nextInt(30) == 0;
        }
        int[] p = new int[2000];
        for (int i = 0; i < p.length; i++) {
            p[i] = rnd.nextInt(4000) - 2000;
        }
        same(DataTypes.IntegerType, List.of(new IntVector(DataTypes.IntegerType, v, nulls)),
                List.of(new IntVector(DataTypes.IntegerType, p, null)));
    }

    @Test
    void runsOfEqualKeysWithNullsBetweenThemMatchTheBoxedTable() {
        Random rnd = new Random(23);
        int n = 6000;
        long[] v = new long[n];
        boolean[] nulls = new boolean[n];
        int[] iv = new int[n];
        long key = 0;
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(4) == 0) {
                key = rnd.nextInt(3) == 0 ? key + 1 : rnd.nextInt(50) - 25;   // a new run: next key or a repeat of an old one
            }
            v[i] = key;
            iv[i] = (int) key;
            nulls[i] = rnd.nextInt(15) == 0;   // a null row's value (the run's key) must not join the run
        }
        same(DataTypes.LongType, List.of(new LongVector(DataTypes.LongType, v, nulls),
                new LongVector(DataTypes.LongType, v, null)), List.of(new LongVector(DataTypes.LongType, v, null)));
        same(DataTypes.IntegerType, List.of(new IntVector(DataTypes.IntegerType, iv, nulls)),
                List.of(new IntVector(DataTypes.IntegerType, iv, null)));
        long[] zeros = {0, 0, 0, 7, 7, 0};   // the first row's key is 0, the value the run starts from
        same(DataTypes.LongType, List.of(new LongVector(DataTypes.LongType, zeros, new boolean[] {true, false, false,
            false, true, false})), List.of());
    }
}
