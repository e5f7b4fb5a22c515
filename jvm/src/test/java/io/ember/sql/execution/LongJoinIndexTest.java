package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LongJoinIndex} (dense and hashed) against the general {@link GroupedJoinIndex} on the same build rows. */
class LongJoinIndexTest {
    private static LongVector longs(long[] v, boolean[] nulls) {
        return new LongVector(DataTypes.LongType, v, nulls);
    }

    /** first rows and chains of both indexes for the same probe, compared. */
    private static void check(ColumnVector build, int n, ColumnVector probe, int m, DataType type, String what) {
        int[] next = new int[n];
        LongJoinIndex fast = LongJoinIndex.build(build, n, next);
        GroupKeyTable table = GroupKeyTable.create(List.of(type));
        int[] ids = new int[n];
        table.findOrInsert(new ColumnVector[] {build}, n, ids);
        int[] head = new int[table.numGroups()];
        Arrays.fill(head, -1);
        int[] refNext = new int[n];
        for (int r = n - 1; r >= 0; r--) {
            if (build.isNull(r)) {
                refNext[r] = -1;
            } else {
                refNext[r] = head[ids[r]];
                head[ids[r]] = r;
            }
        }
        int[] got = new int[m];
        int[] want = new int[m];
        fast.firstRows(new ColumnVector[] {probe}, m, got);
        new GroupedJoinIndex(table, head).firstRows(new ColumnVector[] {probe}, m, want);
        assertArrayEquals(want, got, what + ": first rows");
        assertArrayEquals(refNext, next, what + ": chains");
    }

    private static void randomCase(Random rnd, int n, long base, double spread, boolean withNulls, String what) {
        long[] b = new long[n];
        boolean[] bn = withNulls ? new boolean[n] : null;
        for (int i = 0; i < n; i++) {
            b[i] = base + (long) (rnd.nextDouble() * spread);
            if (withNulls) {
                bn[i] = rnd.nextInt(10) == 0;
            }
        }
        int m = 3000;
        long[] p = new long[m];
        boolean[] pn = withNulls ? new boolean[m] : null;
        for (int i = 0; i < m; i++) {
            p[i] = base - 5 + (long) (rnd.nextDouble() * (spread + 10));
            if (withNulls) {
                pn[i] = rnd.nextInt(10) == 0;
            }
        }
        check(longs(b, bn), n, longs(p, pn), m, DataTypes.LongType, what);
    }

    @Test
    void denseAndHashedAgreeWithTheGeneralIndex() {
        Random rnd = new Random(11);
        for (boolean nulls : new boolean[] {false, true}) {
            randomCase(rnd, 2000, 1, 1500, nulls, "dense, duplicates");
            randomCase(rnd, 2000, -700, 9000, nulls, "dense, sparse");
            randomCase(rnd, 2000, 1_000_000, 1e12, nulls, "hashed");
            randomCase(rnd, 2000, Long.MIN_VALUE / 2, 1.8e19, nulls, "hashed, whole range");
            randomCase(rnd, 1, 42, 1, nulls, "one row");
        }
    }

    @Test
    void hashedWithManyDuplicatesGrowsByDistinctKeys() {
        Random rnd = new Random(13);
        long[] b = new long[5000];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextInt(300) * 1_000_000_007L;
        }
        long[] p = new long[2000];
        for (int i = 0; i < p.length; i++) {
            p[i] = rnd.nextInt(400) * 1_000_000_007L + (rnd.nextInt(4) == 0 ? 1 : 0);
        }
        check(longs(b, null), b.length, longs(p, null), p.length, DataTypes.LongType, "hashed, duplicates");
        assertEquals(8L * 2 * 4096, LongJoinIndex.build(longs(b, null), b.length, new int[b.length]).sizeInBytes(),
                "5000 rows: 4096 slots to start, enough for 300 keys");
        long[] distinct = new long[1000];
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] = i * 1_000_000_007L;
        }
        LongJoinIndex grown = LongJoinIndex.build(longs(distinct, null), distinct.length, new int[distinct.length]);
        assertEquals(8L * 2 * 2048, grown.sizeInBytes(), "1000 keys: from 512 slots to 2048 (load at most 1/2)");
        check(longs(distinct, null), distinct.length, longs(p, null), p.length, DataTypes.LongType, "hashed, grown");
    }

    @Test
    void emptyAllNullAndExtremeKeys() {
        check(longs(new long[0], null), 0, longs(new long[] {1, 2}, null), 2, DataTypes.LongType, "empty build");
        check(longs(new long[] {5, 6}, new boolean[] {true, true}), 2, longs(new long[] {5, 6}, null), 2,
                DataTypes.LongType, "all-null build");
        long[] ext = {Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        long[] probe = {Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, Long.MAX_VALUE - 1, -1, 0};
        check(longs(ext, null), 3, longs(probe, null), probe.length, DataTypes.LongType, "dense near MAX");
        long[] wide = {Long.MIN_VALUE, Long.MAX_VALUE, 0, Long.MIN_VALUE};
        check(longs(wide, null), 4, longs(probe, null), probe.length, DataTypes.LongType, "hashed MIN..MAX");
        long[] zero = {0, 0, 0};
        check(longs(zero, null), 3, longs(new long[] {0, 0}, null), 2, DataTypes.LongType, "key 0 (the empty marker's value)");
    }

    @Test
    void intKeysProbeLikeLongs() {
        Random rnd = new Random(12);
        int n = 1000;
        int[] b = new int[n];
        boolean[] bn = new boolean[n];
        for (int i = 0; i < n; i++) {
            b[i] = rnd.nextInt(800) - 400;
            bn[i] = rnd.nextInt(20) == 0;
        }
        int[] p = new int[2000];
        for (int i = 0; i < p.length; i++) {
            p[i] = rnd.nextBoolean() ? rnd.nextInt(1000) - 500 : Integer.MIN_VALUE + rnd.nextInt(3);
        }
        IntVector build = new IntVector(DataTypes.IntegerType, b, bn);
        check(build, n, new IntVector(DataTypes.IntegerType, p, null), p.length, DataTypes.IntegerType, "ints");
        int[] sparse = {Integer.MIN_VALUE, Integer.MAX_VALUE, 7};
        check(new IntVector(DataTypes.IntegerType, sparse, null), 3, new IntVector(DataTypes.IntegerType, p, null),
                p.length, DataTypes.IntegerType, "ints, hashed");
    }

    @Test
    void denseOnlyWhenTheRangeIsNarrow() {
        int[] next = new int[3];
        long[] narrow = {10, 12, 11};
        long[] wide = {10, 1_000_000, 11};
        assertEquals(4 * 3, LongJoinIndex.build(longs(narrow, null), 3, next).sizeInBytes(), "dense: 3 slots");
        assertEquals(8 * 2 * 16, LongJoinIndex.build(longs(wide, null), 3, next).sizeInBytes(), "hashed: 16 slots to start");
    }
}
