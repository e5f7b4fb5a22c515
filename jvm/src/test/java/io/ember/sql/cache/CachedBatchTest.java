package io.ember.sql.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.serializer.KryoSerializer;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.StringVector;
import io.ember.util.SizeEstimator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CachedBatchTest {
    private static final List<DataType> TYPES = List.of(DataTypes.IntegerType, DataTypes.LongType,
            DataTypes.StringType, DataTypes.StringType, DataTypes.DoubleType, DataTypes.BooleanType,
            DataTypes.createDecimalType(10, 2), DataTypes.DateType, DataTypes.LongType);

    /** Rows mixing every encoding: packed and run-length ints, extreme longs, both string forms, nulls. */
    private static List<List<Object>> sampleRows(int n) {
        Random rnd = new Random(7);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Arrays.asList(
                    i % 17 == 0 ? null : (Object) (rnd.nextInt(100) - 50),
                    i % 3 == 0 ? (Object) Long.MIN_VALUE : i % 3 == 1 ? (Object) Long.MAX_VALUE : null,
                    i % 11 == 0 ? null : "k" + (i % 5),
                    i % 13 == 0 ? null : "uniq-é-" + i,
                    i % 7 == 0 ? null : (Object) (i % 5 == 0 ? Double.NaN : rnd.nextDouble() - 0.5),
                    i % 4 == 0 ? null : (Object) (i % 2 == 1),
                    i % 9 == 0 ? null : new BigDecimal(i + ".25"),
                    18000 + i / 100,
                    (long) i / 500));
        }
        return rows;
    }

    private static ColumnBatch batch(List<List<Object>> rows) {
        ColumnVector[] cols = new ColumnVector[TYPES.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = ColumnVectors.allocate(TYPES.get(c), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                ColumnVectors.set(cols[c], r, rows.get(r).get(c));
            }
        }
        return new ColumnBatch(cols, rows.size());
    }

    private static List<Object> column(ColumnBatch b, int c) {
        List<Object> out = new ArrayList<>();
        for (int r = 0; r < b.numRows(); r++) {
            out.add(b.column(c).get(r));
        }
        return out;
    }

    private static int[] all() {
        int[] ords = new int[TYPES.size()];
        Arrays.setAll(ords, i -> i);
        return ords;
    }

    @Test
    void everyColumnRoundTripsWithItsNulls() {
        List<List<Object>> rows = sampleRows(3000);
        ColumnBatch in = batch(rows);
        ColumnBatch out = CachedBatch.of(in).decode(all(), TYPES);
        assertEquals(3000, out.numRows());
        for (int c = 0; c < TYPES.size(); c++) {
            assertEquals(column(in, c), column(out, c), "column " + c);
        }
    }

    @Test
    void roundTripsThroughKryoAsStoredOnDisk() {
        ColumnBatch in = batch(sampleRows(500));
        KryoSerializer kryo = new KryoSerializer();
        List<Object> back = kryo.fromBytes(kryo.toBytes(List.of(CachedBatch.of(in))));
        ColumnBatch out = ((CachedBatch) back.get(0)).decode(all(), TYPES);
        for (int c = 0; c < TYPES.size(); c++) {
            assertEquals(column(in, c), column(out, c), "column " + c);
        }
    }

    @Test
    void decodesOnlyTheAskedColumnsInTheAskedOrder() {
        ColumnBatch in = batch(sampleRows(100));
        ColumnBatch out = CachedBatch.of(in).decode(new int[] {8, 2}, List.of(DataTypes.LongType, DataTypes.StringType));
        assertEquals(2, out.numColumns());
        assertEquals(column(in, 8), column(out, 0));
        assertEquals(column(in, 2), column(out, 1));
    }

    @Test
    void lowCardinalityStringsDecodeAsDictionaryAndScanDictionariesAreReCoded() {
        String[] dict = {"unused", "b", "a", null};
        int[] codes = new int[1000];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i % 10 == 0 ? -1 : i % 10 == 1 ? 3 : 1 + i % 2;
        }
        ColumnVector v = new DictionaryVector(codes, new StringVector(dict));
        ColumnBatch out = CachedBatch.of(new ColumnBatch(new ColumnVector[] {v}, 1000))
                .decode(new int[] {0}, List.of(DataTypes.StringType));
        DictionaryVector d = assertInstanceOf(DictionaryVector.class, out.column(0));
        assertEquals(2, d.dictionary.size(), "only the values in use");
        for (int i = 0; i < 1000; i++) {
            assertEquals(v.get(i), d.get(i));
        }
        ColumnStats s = CachedBatch.of(new ColumnBatch(new ColumnVector[] {v}, 1000)).stats(0);
        assertEquals("a", s.min());
        assertEquals("b", s.max());
        assertEquals(200, s.nullCount());
    }

    @Test
    void statisticsHoldMinMaxAndNullsPerColumn() {
        List<List<Object>> rows = sampleRows(1000);
        CachedBatch b = CachedBatch.of(batch(rows));
        int nulls = (int) rows.stream().filter(r -> r.get(0) == null).count();
        int min = rows.stream().filter(r -> r.get(0) != null).mapToInt(r -> (Integer) r.get(0)).min().orElseThrow();
        assertEquals(new ColumnStats(min, rows.stream().filter(r -> r.get(0) != null)
                .mapToInt(r -> (Integer) r.get(0)).max().orElseThrow(), nulls), b.stats(0));
        assertEquals(Long.MIN_VALUE, b.stats(1).min());
        assertEquals(Long.MAX_VALUE, b.stats(1).max());
        assertEquals(Double.NaN, b.stats(4).max(), "NaN sorts above every number");
        assertNull(b.stats(6).min(), "decimals keep no bounds");
        assertEquals(0, b.stats(7).nullCount());
    }

    @Test
    void narrowIntegersTakeAFewBitsAndSortedOnesARunEach() {
        int n = 4096;
        int[] small = new int[n];
        int[] sorted = new int[n];
        for (int i = 0; i < n; i++) {
            small[i] = 1_000_000 + (i * 7919) % 16;
            sorted[i] = i / 1024;
        }
        EncodedColumn packed = ColumnEncoder.encode(new IntVector(DataTypes.IntegerType, small, null), n).column();
        EncodedColumn runs = ColumnEncoder.encode(new IntVector(DataTypes.IntegerType, sorted, null), n).column();
        assertInstanceOf(PackedLongs.class, packed);
        assertTrue(packed.sizeInBytes() <= n / 2 + 100, "4 bits a row: " + packed.sizeInBytes());
        assertInstanceOf(RunLengthLongs.class, runs);
        assertTrue(runs.sizeInBytes() < 200, "4 runs: " + runs.sizeInBytes());
    }

    @Test
    void shortDecimalDoublesArePackedLosslesslyAndOthersKeptAsTheyAre() {
        int n = 4096;
        Random rnd = new Random(3);
        double[] prices = new double[n];
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            prices[i] = Double.parseDouble(String.format("%d.%06d", rnd.nextInt(100), rnd.nextInt(1_000_000)));
            nulls[i] = i % 100 == 0;
        }
        ColumnVector v = new io.ember.sql.vector.DoubleVector(DataTypes.DoubleType, prices, nulls);
        EncodedColumn e = ColumnEncoder.encode(v, n).column();
        assertInstanceOf(ScaledDoubles.class, e);
        assertTrue(e.sizeInBytes() < 4L * n, "27 bits a row: " + e.sizeInBytes());
        ColumnVector back = e.decode(DataTypes.DoubleType, n);
        for (int i = 0; i < n; i++) {
            assertEquals(v.get(i), back.get(i));
            if (!nulls[i]) {
                assertEquals(Double.doubleToRawLongBits(prices[i]), Double.doubleToRawLongBits(back.getDouble(i)));
            }
        }
        for (double odd : new double[] {1.0 / 3, -0.0, Double.NaN, Double.POSITIVE_INFINITY, 1e300}) {
            double[] mixed = prices.clone();
            mixed[7] = odd;
            ColumnVector m = new io.ember.sql.vector.DoubleVector(DataTypes.DoubleType, mixed, null);
            EncodedColumn me = ColumnEncoder.encode(m, n).column();
            assertInstanceOf(PlainValues.class, me, "with " + odd);
            assertEquals(Double.doubleToRawLongBits(odd), Double.doubleToRawLongBits(me.decode(DataTypes.DoubleType, n).getDouble(7)));
        }
    }

    @Test
    void encodedBatchIsSmallerThanTheVectors() {
        ColumnBatch in = batch(sampleRows(4096));
        CachedBatch cached = CachedBatch.of(in);
        long raw = SizeEstimator.estimate(in);
        long encoded = SizeEstimator.estimate(cached);
        assertTrue(encoded < raw * 0.6, "encoded " + encoded + " vs raw " + raw);
        assertTrue(Math.abs(cached.sizeInBytes() - encoded) < encoded / 3,
                "reported " + cached.sizeInBytes() + " vs measured " + encoded);
    }
}
