package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
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
}
