package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.ObjectVector;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The columnar key table numbers groups and hands keys back exactly as the boxed generic table does. */
class ColumnarKeyTableTest {
    private static final List<DataType> TYPES = List.of(DataTypes.StringType, DataTypes.IntegerType,
            DataTypes.LongType, DataTypes.DateType, DataTypes.StringType);

    /** Keys with nulls in every column, few distinct values so groups repeat; the last column as a dictionary. */
    private static ColumnVector[] batch(Random rnd, int n) {
        String[] s = new String[n];
        int[] i = new int[n];
        boolean[] iNull = new boolean[n];
        long[] l = new long[n];
        boolean[] lNull = new boolean[n];
        int[] d = new int[n];
        int[] codes = new int[n];
        for (int r = 0; r < n; r++) {
            s[r] = rnd.nextInt(10) == 0 ? null : "id" + rnd.nextInt(20);
            iNull[r] = rnd.nextInt(10) == 0;
            i[r] = iNull[r] ? 0 : rnd.nextInt(5) - 2;
            lNull[r] = rnd.nextInt(10) == 0;
            l[r] = lNull[r] ? 0 : rnd.nextInt(3) * 10_000_000_000L;
            d[r] = rnd.nextInt(2);
            codes[r] = rnd.nextInt(10) == 0 ? -1 : rnd.nextInt(3);
        }
        return new ColumnVector[] {new StringVector(s), new IntVector(DataTypes.IntegerType, i, iNull),
                new LongVector(DataTypes.LongType, l, lNull), new IntVector(DataTypes.DateType, d, null),
                new DictionaryVector(codes, new StringVector(new String[] {"x", "", "yy"}))};
    }

    @Test
    void numbersGroupsAndEmitsKeysAsTheGenericTable() {
        GroupKeyTable columnar = GroupKeyTable.create(TYPES);
        assertInstanceOf(ColumnarKeyTable.class, columnar);
        GroupKeyTable generic = new GenericKeyTable(TYPES);
        Random rnd = new Random(5);
        for (int b = 0; b < 20; b++) {
            ColumnVector[] keys = batch(rnd, 1000);
            int[] want = new int[1000];
            int[] got = new int[1000];
            generic.findOrInsert(keys, 1000, want);
            columnar.findOrInsert(keys, 1000, got);
            assertArrayEquals(want, got, "batch " + b);
        }
        assertEquals(generic.numGroups(), columnar.numGroups());
        assertTrue(columnar.numGroups() > 2000, "groups: " + columnar.numGroups());
        for (int from = 0; from < generic.numGroups(); from += 700) {
            int to = Math.min(generic.numGroups(), from + 700);
            ColumnVector[] want = generic.keys(from, to);
            ColumnVector[] got = columnar.keys(from, to);
            for (int c = 0; c < TYPES.size(); c++) {
                assertEquals(want[c].dataType(), got[c].dataType());
                for (int g = 0; g < to - from; g++) {
                    assertEquals(want[c].get(g), got[c].get(g), "column " + c + " group " + (from + g));
                }
            }
        }
    }

    @Test
    void lookupFindsKnownKeysAndMissesNullsAndNewKeys() {
        GroupKeyTable columnar = GroupKeyTable.create(TYPES);
        GroupKeyTable generic = new GenericKeyTable(TYPES);
        Random rnd = new Random(8);
        ColumnVector[] first = batch(rnd, 500);
        int[] ids = new int[500];
        columnar.findOrInsert(first, 500, ids);
        generic.findOrInsert(first, 500, ids);
        ColumnVector[] probe = batch(rnd, 500);
        int[] want = new int[500];
        int[] got = new int[500];
        generic.lookup(probe, 500, want);
        columnar.lookup(probe, 500, got);
        assertArrayEquals(want, got);
    }

    @Test
    void aBuiltTableIsProbedBySeveralThreadsAtOnce() throws Exception {
        Random rnd = new Random(11);
        for (GroupKeyTable table : List.of(new ColumnarKeyTable(TYPES), new GenericKeyTable(TYPES))) {
            table.findOrInsert(batch(rnd, 4096), 4096, new int[4096]);
            java.util.List<ColumnVector[]> probes = new java.util.ArrayList<>();
            java.util.List<int[]> expected = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = 100 + rnd.nextInt(3000);   // batches of different sizes, as a join's stream gives
                ColumnVector[] p = batch(rnd, n);
                int[] want = new int[n];
                table.lookup(p, n, want);
                probes.add(p);
                expected.add(want);
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    runs.add(pool.submit(() -> {
                        for (int round = 0; round < 20; round++) {
                            for (int i = 0; i < probes.size(); i++) {
                                int[] got = new int[expected.get(i).length];
                                table.lookup(probes.get(i), got.length, got);
                                assertArrayEquals(expected.get(i), got);
                            }
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : runs) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void keyStringsCountOnceTowardsGrowth() {
        GroupKeyTable table = GroupKeyTable.create(List.of(DataTypes.StringType, DataTypes.LongType));
        String[] s = new String[1000];
        long[] l = new long[1000];
        for (int r = 0; r < 1000; r++) {
            s[r] = "a fairly long grouping key " + r;
            l[r] = r;
        }
        table.findOrInsert(new ColumnVector[] {new StringVector(s), new LongVector(DataTypes.LongType, l, null)}, 1000,
                new int[1000]);
        long strings = 0;
        for (String x : s) {
            strings += 40 + 2L * x.length();
        }
        assertEquals(strings, table.sizeInBytes() - table.growableBytes());
        assertTrue(table.growableBytes() > 0);
    }

    private static final DecimalType PRICE = new DecimalType(12, 2);
    private static final List<DataType> DICT_TYPES = List.of(DataTypes.StringType, PRICE, DataTypes.StringType);

    /**
     * A string column as a dictionary that later batches share (with a null entry and an
     * entry no row uses), decimals compact or boxed, strings plain; empty batches in between.
     */
    private static ColumnVector[] dictionaryBatch(Random rnd, int n, StringVector dictionary) {
        int[] codes = new int[n];
        long[] price = new long[n];
        boolean[] priceNull = new boolean[n];
        String[] s = new String[n];
        for (int r = 0; r < n; r++) {
            codes[r] = rnd.nextInt(12) == 0 ? -1 : rnd.nextInt(dictionary.size() - 1);
            priceNull[r] = rnd.nextInt(9) == 0;
            price[r] = priceNull[r] ? rnd.nextLong() : (rnd.nextInt(7) - 3) * 1_000_000_000L + rnd.nextInt(3);
            s[r] = rnd.nextInt(10) == 0 ? null : "s" + rnd.nextInt(40);
        }
        ColumnVector prices;
        if (rnd.nextBoolean()) {
            prices = new DecimalVector(PRICE, price, priceNull);
        } else {
            Object[] boxed = new Object[n];
            for (int r = 0; r < n; r++) {
                boxed[r] = priceNull[r] ? null : BigDecimal.valueOf(price[r], 2);
            }
            prices = new ObjectVector(PRICE, boxed);
        }
        return new ColumnVector[] {new DictionaryVector(codes, dictionary), prices, new StringVector(s)};
    }

    @Test
    void dictionariesSharedAcrossBatchesAndDecimalKeysGroupAsTheGenericTable() {
        GroupKeyTable columnar = GroupKeyTable.create(DICT_TYPES);
        assertInstanceOf(ColumnarKeyTable.class, columnar);
        GroupKeyTable generic = new GenericKeyTable(DICT_TYPES);
        Random rnd = new Random(21);
        StringVector dictionary = null;
        for (int b = 0; b < 30; b++) {
            if (b % 7 == 0) {   // a new row group: a new dictionary, with new strings, a null entry and equal strings as other objects
                String[] entries = new String[6];
                for (int e = 0; e < entries.length; e++) {
                    entries[e] = e == 2 ? null : new String("flag" + (b + e) % 9);
                }
                dictionary = new StringVector(entries);
            }
            int n = b % 5 == 4 ? 0 : 1 + rnd.nextInt(900);
            ColumnVector[] keys = dictionaryBatch(rnd, n, dictionary);
            int[] want = new int[n];
            int[] got = new int[n];
            generic.findOrInsert(keys, n, want);
            columnar.findOrInsert(keys, n, got);
            assertArrayEquals(want, got, "batch " + b);
        }
        assertEquals(generic.numGroups(), columnar.numGroups());
        ColumnVector[] want = generic.keys(0, generic.numGroups());
        ColumnVector[] got = columnar.keys(0, columnar.numGroups());
        for (int c = 0; c < DICT_TYPES.size(); c++) {
            assertEquals(DICT_TYPES.get(c), got[c].dataType());
            for (int g = 0; g < generic.numGroups(); g++) {
                assertEquals(want[c].get(g), got[c].get(g), "column " + c + " group " + g);
            }
        }
        ColumnVector[] probe = dictionaryBatch(rnd, 800, new StringVector(new String[] {"flag1", "unseen", null, "flag3"}));
        int[] wantIds = new int[800];
        int[] gotIds = new int[800];
        generic.lookup(probe, 800, wantIds);
        columnar.lookup(probe, 800, gotIds);
        assertArrayEquals(wantIds, gotIds);
    }

    @Test
    void decimalProbesAtAnotherScaleMatchByValue() {
        GroupKeyTable table = GroupKeyTable.create(List.of(PRICE));
        table.findOrInsert(new ColumnVector[] {new DecimalVector(PRICE, new long[] {150, -7, 0}, null)}, 3, new int[3]);
        ColumnVector probe = new ObjectVector(new DecimalType(14, 4), new Object[] {
            new BigDecimal("1.5000"), new BigDecimal("-0.07"), new BigDecimal("1.5001"), null, new BigDecimal("0"),
            new BigDecimal("99999999999999999999.5")});
        int[] ids = new int[6];
        table.lookup(new ColumnVector[] {probe}, 6, ids);
        assertArrayEquals(new int[] {0, 1, -1, -1, 2, -1}, ids);
    }

    @Test
    void runsOfRepeatedKeysGroupAsTheGenericTableAndStayFindable() {
        Random rnd = new Random(8);
        GroupKeyTable columnar = GroupKeyTable.create(TYPES);
        GroupKeyTable generic = new GenericKeyTable(TYPES);
        for (int b = 0; b < 5; b++) {
            ColumnVector[] distinct = batch(rnd, 400);
            int[] rows = new int[2000];
            int at = 0;
            for (int r = 0; r < rows.length; r++) {
                rows[r] = at;
                if (rnd.nextInt(3) == 0) {
                    at = rnd.nextInt(400);   // a new run, sometimes of a key seen before
                }
            }
            ColumnVector[] keys = new ColumnVector[distinct.length];
            for (int c = 0; c < keys.length; c++) {
                keys[c] = VectorOps.gather(distinct[c], rows, rows.length);
            }
            int[] want = new int[rows.length];
            int[] got = new int[rows.length];
            generic.findOrInsert(keys, rows.length, want);
            columnar.findOrInsert(keys, rows.length, got);
            assertArrayEquals(want, got);
            int[] found = new int[rows.length];
            columnar.lookup(keys, rows.length, found);
            int[] wantFound = new int[rows.length];
            generic.lookup(keys, rows.length, wantFound);
            assertArrayEquals(wantFound, found, "inserted row by row, looked up a batch at a time");
        }
        // a null's slot may hold any value: nulls equal nulls whatever lies under them, and never a value
        List<DataType> one = List.of(DataTypes.LongType, DataTypes.StringType);
        GroupKeyTable t = GroupKeyTable.create(one);
        GroupKeyTable g = new GenericKeyTable(one);
        ColumnVector[] keys = {new LongVector(DataTypes.LongType, new long[] {7, 8, 8, 0, 0, 9},
                new boolean[] {true, true, false, false, true, false}),
            new StringVector(new String[] {"a", "a", "a", "a", "a", null})};
        int[] got = new int[6];
        int[] want = new int[6];
        t.findOrInsert(keys, 6, got);
        g.findOrInsert(keys, 6, want);
        assertArrayEquals(want, got);
        assertEquals(4, t.numGroups());
    }
}
