package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.serializer.KryoSerializer;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Round trips of every type through the batch codec, and its size and speed against Kryo. */
class BatchCodecTest {
    @Test
    void roundTripsEveryTypeWithNulls() {
        StructType struct = StructType.of(DataTypes.createStructField("a", DataTypes.IntegerType, true),
                DataTypes.createStructField("b", DataTypes.StringType, true));
        List<DataType> types = List.of(DataTypes.LongType, DataTypes.IntegerType, DataTypes.DoubleType,
                DataTypes.FloatType, DataTypes.BooleanType, DataTypes.StringType, DataTypes.createDecimalType(10, 2),
                DataTypes.BinaryType, new ArrayType(DataTypes.LongType, true),
                new MapType(DataTypes.StringType, DataTypes.IntegerType, true), struct, DataTypes.DateType,
                DataTypes.TimestampType, DataTypes.NullType);
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("x", 1);
        m.put("y", null);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            boolean n = i % 5 == 3;
            rows.add(java.util.Arrays.asList(n ? null : (long) i * 1_000_000_007L, n ? null : -i, n ? null : i / 3.0,
                    n ? null : (float) i, n ? null : i % 2 == 0, n ? null : "é" + i, n ? null : new BigDecimal("12.3" + i % 10),
                    n ? null : new byte[] {(byte) i, 0}, n ? null : java.util.Arrays.asList(1L, null, (long) i), n ? null : m,
                    n ? null : new Object[] {i, "s"}, n ? null : 19000 + i, n ? null : 1_700_000_000_000_000L + i, null));
        }
        ColumnBatch b = ExecTestSupport.batches(types, rows, 100).get(0);
        ColumnBatch back = BatchCodec.decode(BatchCodec.encode(b), types);
        assertEquals(21, back.numRows());
        for (int c = 0; c < types.size(); c++) {
            for (int r = 0; r < 21; r++) {
                Object want = b.column(c).get(r), got = back.column(c).get(r);
                if (want instanceof byte[] w) {
                    assertArrayEquals(w, (byte[]) got);
                } else if (want instanceof Object[] w) {
                    assertArrayEquals(w, (Object[]) got);
                } else {
                    assertEquals(want, got, "column " + c + " row " + r);
                }
                assertEquals(b.column(c).dataType(), back.column(c).dataType());
            }
        }
    }

    @Test
    void packsExtremeIntegersAndDictionaries() {
        long[] extremes = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1};
        int[] ints = {Integer.MIN_VALUE, Integer.MAX_VALUE, 7, -7};
        long[] narrow = {-5, 250, 3, 3};
        ColumnBatch b = new ColumnBatch(new ColumnVector[] {new LongVector(DataTypes.LongType, extremes, null),
                new io.ember.sql.vector.IntVector(DataTypes.IntegerType, ints, null),
                new LongVector(DataTypes.LongType, narrow, new boolean[] {false, false, true, false}),
                new StringVector(new String[] {"x", "x", null, "ü"})}, 4);
        List<DataType> types = List.of(DataTypes.LongType, DataTypes.IntegerType, DataTypes.LongType, DataTypes.StringType);
        ColumnBatch back = BatchCodec.decode(BatchCodec.encode(b), types);
        for (int c = 0; c < 4; c++) {
            for (int r = 0; r < 4; r++) {
                assertEquals(b.column(c).get(r), back.column(c).get(r), c + "," + r);
            }
        }
    }

    @Test
    void decodesDictionaryVectorsToStrings() {
        ColumnVector dict = new StringVector(new String[] {"a", "bb"});
        ColumnVector codes = new DictionaryVector(new int[] {1, 0, -1, 1}, dict);
        ColumnBatch back = BatchCodec.decode(BatchCodec.encode(new ColumnBatch(new ColumnVector[] {codes}, 4)),
                List.of(DataTypes.StringType));
        assertTrue(back.column(0) instanceof StringVector);
        assertEquals(java.util.Arrays.asList("bb", "a", null, "bb"),
                java.util.Arrays.asList(back.column(0).get(0), back.column(0).get(1), back.column(0).get(2),
                        back.column(0).get(3)));
    }

    @Test
    void dictionaryVectorsKeepOnlyTheEntriesTheirRowsUse() {
        String[] entries = new String[10_000];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = "entry-" + i + (i % 3 == 0 ? "é" : "");
        }
        StringVector dict = new StringVector(entries);
        int[] codes = {9_999, 3, -1, 3, 42, 9_999};
        ColumnBatch b = new ColumnBatch(new ColumnVector[] {new DictionaryVector(codes, dict)}, codes.length);
        byte[] bytes = BatchCodec.encode(b);
        // the whole dictionary would take over 100 KB; the three used entries a few dozen bytes
        assertTrue(bytes.length < 200, bytes.length + " bytes");
        ColumnBatch back = BatchCodec.decode(bytes, List.of(DataTypes.StringType));
        for (int r = 0; r < codes.length; r++) {
            assertEquals(codes[r] < 0 ? null : entries[codes[r]], back.column(0).get(r), "row " + r);
        }
    }

    @Test
    void mostlyDistinctStringsRoundTripWithoutADictionary() {
        int n = ColumnBatch.DEFAULT_ROWS;
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            // distinct at first, then (too late for a dictionary) a few values repeating
            values[i] = i % 50 == 7 ? null : i < 1100 ? "k" + i : i % 4 == 0 ? "ünï" + (i % 5) : "v" + (i % 5);
        }
        ColumnBatch b = new ColumnBatch(new ColumnVector[] {new StringVector(values)}, n);
        ColumnBatch back = BatchCodec.decode(BatchCodec.encode(b), List.of(DataTypes.StringType));
        for (int r = 0; r < n; r++) {
            assertEquals(values[r], back.column(0).get(r), "row " + r);
        }
    }

    @Test
    void isSmallerThanKryoAndReportsFigures() {
        int n = ColumnBatch.DEFAULT_ROWS;
        Random rnd = new Random(1);
        long[] keys = new long[n];
        long[] values = new long[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = rnd.nextInt(100_000);
            values[i] = rnd.nextLong();
            names[i] = "id" + rnd.nextInt(1000);
        }
        ColumnBatch b = new ColumnBatch(new ColumnVector[] {new LongVector(DataTypes.LongType, keys, null),
                new LongVector(DataTypes.LongType, values, null), new StringVector(names)}, n);
        List<DataType> types = List.of(DataTypes.LongType, DataTypes.LongType, DataTypes.StringType);
        KryoSerializer kryo = new KryoSerializer();
        byte[] ours = BatchCodec.encode(b);
        byte[] theirs = kryo.toBytes(b);
        int rounds = 300;
        for (int i = 0; i < rounds; i++) {
            BatchCodec.decode(BatchCodec.encode(b), types);
            kryo.fromBytes(kryo.toBytes(b));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            BatchCodec.decode(BatchCodec.encode(b), types);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            kryo.fromBytes(kryo.toBytes(b));
        }
        long t2 = System.nanoTime();
        System.out.printf("batch codec: %d bytes vs kryo %d bytes per %d-row batch; encode+decode %.1f us vs kryo %.1f us%n",
                ours.length, theirs.length, n, (t1 - t0) / 1e3 / rounds, (t2 - t1) / 1e3 / rounds);
        assertTrue(ours.length < theirs.length, ours.length + " vs " + theirs.length);
    }
}
