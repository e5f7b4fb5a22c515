package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import io.ember.sql.vector.StringVector;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Row hashes of structured multi-column keys stay distinct, and hash partitions keep the low bits varied. */
class RowHasherTest {
    private static final int SIDE = 100;

    private static int distinct(int[] hashes) {
        Set<Integer> seen = new HashSet<>();
        for (int h : hashes) {
            seen.add(h);
        }
        return seen.size();
    }

    @Test
    void gridsOfIntKeysHashApart() {
        int n = SIDE * SIDE;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i / SIDE + 1;
            b[i] = i % SIDE + 1;
        }
        int[] h = new int[n];
        RowHasher.hash(new ColumnVector[] {new IntVector(DataTypes.IntegerType, a, null),
                new IntVector(DataTypes.IntegerType, b, null)}, n, h);
        // h*31+k combining gave (a+1, b-31) the hash of (a, b): about a third of these collided
        assertTrue(distinct(h) > n - 5, distinct(h) + " distinct of " + n);
    }

    @Test
    void gridsOfStringKeysHashApartAndDictionariesHashAsTheirStrings() {
        int n = SIDE * SIDE;
        String[] a = new String[n];
        String[] b = new String[n];
        int[] codes = new int[n];
        String[] dict = new String[SIDE];
        for (int i = 0; i < SIDE; i++) {
            dict[i] = String.format("id%03d", i + 1);
        }
        for (int i = 0; i < n; i++) {
            a[i] = dict[i / SIDE];
            b[i] = dict[i % SIDE];
            codes[i] = i % SIDE;
        }
        int[] h = new int[n];
        RowHasher.hash(new ColumnVector[] {new StringVector(a), new StringVector(b)}, n, h);
        assertTrue(distinct(h) > n - 5, distinct(h) + " distinct of " + n);
        int[] viaDictionary = new int[n];
        RowHasher.hash(new ColumnVector[] {new StringVector(a), new DictionaryVector(codes, new StringVector(dict))}, n,
                viaDictionary);
        assertEquals(java.util.Arrays.toString(h), java.util.Arrays.toString(viaDictionary));
    }

    @Test
    void intAndLongKeysHashAlikeWithNulls() {
        int[] ints = {1, -7, 0, 42};
        long[] longs = {1, -7, 0, 42};
        boolean[] nulls = {false, false, true, false};
        int[] hi = new int[4];
        int[] hl = new int[4];
        RowHasher.hash(new ColumnVector[] {new IntVector(DataTypes.IntegerType, ints, nulls)}, 4, hi);
        RowHasher.hash(new ColumnVector[] {new LongVector(DataTypes.LongType, longs, nulls)}, 4, hl);
        assertEquals(java.util.Arrays.toString(hi), java.util.Arrays.toString(hl));
    }

    @Test
    void hashPartitionsSpreadOverTheLowBitsTheirTablesIndexBy() {
        int n = 100_000;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = i * 7L;
        }
        ColumnVector[] cols = {new LongVector(DataTypes.LongType, keys, null)};
        int parts = 200;
        int[] pids = new int[n];
        PartitionRouter.hash(new io.ember.sql.expressions.Expression[] {
                new io.ember.sql.expressions.BoundReference(0, DataTypes.LongType, false)}, parts)
                .route(new ColumnBatch(cols, n), pids);
        int[] h = new int[n];
        RowHasher.hash(cols, n, h);
        int[] perPartition = new int[parts];
        Set<Integer> lowBitsOfPartition0 = new HashSet<>();
        for (int i = 0; i < n; i++) {
            assertTrue(pids[i] >= 0 && pids[i] < parts);
            perPartition[pids[i]]++;
            if (pids[i] == 0) {
                lowBitsOfPartition0.add(h[i] & 1023);
            }
        }
        // a hash modulo 200 left partition 0 only hashes divisible by 8
        assertTrue(lowBitsOfPartition0.size() > 300, lowBitsOfPartition0.size() + " of 1024 low-bit patterns");
        for (int p = 0; p < parts; p++) {
            assertTrue(perPartition[p] > n / parts / 2 && perPartition[p] < n / parts * 2, "partition " + p);
        }
    }

    private static int[] partitions(int parts, ColumnVector... keys) {
        int n = keys[0].size();
        int[] out = new int[n];
        RowHasher.partitions(keys, n, parts, out);
        for (int p : out) {
            assertTrue(p >= 0 && p < parts, "partition " + p);
        }
        return out;
    }

    /** Both sides of a join must route equal keys alike, whatever vectors hold them. */
    @Test
    void partitionsAgreeWhateverVectorsHoldTheKeys() {
        java.util.Random rnd = new java.util.Random(11);
        int n = 5000;
        long[] longs = new long[n];
        int[] ints = new int[n];
        boolean[] nulls = new boolean[n];
        Object[] boxed = new Object[n];
        String[] strings = new String[n];
        int[] codes = new int[n];
        String[] dict = {"x", "yy", "zzz", "AIR", "RAIL", "FOB", ""};
        for (int i = 0; i < n; i++) {
            ints[i] = i % 50 == 0 ? (rnd.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE) : rnd.nextInt(2000) - 1000;
            longs[i] = ints[i];
            nulls[i] = i % 17 == 0;
            boxed[i] = nulls[i] ? null : Long.valueOf(longs[i]);
            codes[i] = nulls[i] ? -1 : rnd.nextInt(dict.length);
            strings[i] = nulls[i] ? null : dict[codes[i]];
        }
        for (int parts : new int[] {1, 7, 200}) {
            int[] viaLong = partitions(parts, new LongVector(DataTypes.LongType, longs, nulls));
            assertEquals(Arrays.toString(viaLong), Arrays.toString(partitions(parts, new IntVector(DataTypes.IntegerType, ints, nulls))));
            assertEquals(Arrays.toString(viaLong), Arrays.toString(partitions(parts, new ObjectVector(DataTypes.LongType, boxed))));
            int[] viaStrings = partitions(parts, new StringVector(strings));
            assertEquals(Arrays.toString(viaStrings), Arrays.toString(partitions(parts, new DictionaryVector(codes, new StringVector(dict)))));
            assertEquals(Arrays.toString(viaStrings), Arrays.toString(partitions(parts, new ObjectVector(DataTypes.StringType, strings.clone()))));
            int[] pair = partitions(parts, new LongVector(DataTypes.LongType, longs, nulls), new StringVector(strings));
            assertEquals(Arrays.toString(pair), Arrays.toString(partitions(parts, new ObjectVector(DataTypes.LongType, boxed),
                    new DictionaryVector(codes, new StringVector(dict)))));
        }
    }

    private static double expectedPatterns(int values) {
        return 1024 * (1 - Math.exp(-values / 1024.0));
    }

    /**
     * The rows of one partition spread over every partition and over the low bits of the slots
     * their tables downstream use: the long tables' own mix of the key, and {@link RowHasher#hash}.
     */
    @Test
    void partitionsOfOneAndTwoColumnKeysSpreadAndKeepTheTablesLowBitsVaried() {
        int n = 200_000;
        int parts = 200;
        long[] keys = new long[n];
        long[] second = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (i / 4) * 32L + 1;   // sorted, strided, four rows a key: lineitem's l_orderkey
            second[i] = i % 4;
        }
        ColumnVector[][] shapes = {{new LongVector(DataTypes.LongType, keys, null)},
                {new LongVector(DataTypes.LongType, keys, null), new LongVector(DataTypes.LongType, second, null)}};
        for (ColumnVector[] cols : shapes) {
            int[] pids = partitions(parts, cols);
            int[] h = new int[n];
            RowHasher.hash(cols, n, h);
            int[] perPartition = new int[parts];
            Set<Integer> rowHashLowBits = new HashSet<>();
            Set<Integer> tableLowBits = new HashSet<>();
            Set<Integer> distinctHashes = new HashSet<>();
            Set<Long> distinctKeys = new HashSet<>();
            for (int i = 0; i < n; i++) {
                perPartition[pids[i]]++;
                if (pids[i] == 3) {
                    distinctHashes.add(h[i]);
                    distinctKeys.add(keys[i]);
                    rowHashLowBits.add(h[i] & 1023);
                    long m = keys[i] * 0x9E3779B97F4A7C15L;
                    tableLowBits.add((int) (m ^ (m >>> 29)) & 1023);
                }
            }
            // k random values fill about 1024 (1 - e^(-k/1024)) of 1024 patterns; a partition
            // function tied to the low bits (a hash modulo 200) fills an eighth of them or fewer
            assertTrue(rowHashLowBits.size() > 0.85 * expectedPatterns(distinctHashes.size()),
                    rowHashLowBits.size() + " low-bit patterns of " + distinctHashes.size() + " hashes");
            assertTrue(tableLowBits.size() > 0.85 * expectedPatterns(distinctKeys.size()),
                    tableLowBits.size() + " low-bit patterns of " + distinctKeys.size() + " keys");
            for (int p = 0; p < parts; p++) {
                assertTrue(perPartition[p] > n / parts / 2 && perPartition[p] < n / parts * 2, "partition " + p + ": " + perPartition[p]);
            }
        }
    }
}
