package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.Tuple2;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.ObjectVector;
import io.ember.sql.vector.StringVector;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exchange's map side against the simple path: every row, routed by a random router, must
 * come out (decoded) in its partition in input order with its exact value, whatever the vector
 * classes of the input (plain or dictionary strings, compact or boxed decimals, changing from
 * batch to batch), the nulls, the batch sizes (empty, one row, full batches) and the number of
 * partitions.
 */
class ExchangeWriterTest {
    private static final DecimalType DEC = DataTypes.createDecimalType(10, 2);
    private static final List<DataType> TYPES = List.of(DataTypes.LongType, DataTypes.IntegerType, DataTypes.DoubleType,
            DataTypes.StringType, DEC, DataTypes.createDecimalType(25, 3), DataTypes.BooleanType, DataTypes.FloatType,
            DataTypes.DateType, DataTypes.TimestampType, DataTypes.BinaryType);

    @Test
    void everyRowReachesItsPartitionInOrder() {
        for (int parts : new int[] {1, 3, 200}) {
            Random rnd = new Random(parts);
            List<ColumnBatch> input = new ArrayList<>();
            for (int size : new int[] {0, 1, 17, 4096, 5000, 300, 0, 4096, 2, 9000}) {
                input.add(randomBatch(rnd, size, input.size()));
            }
            check(input, TYPES, parts, rnd);
        }
    }

    @Test
    void manyBatchesOverThePendingLimit() {
        Random rnd = new Random(7);
        List<ColumnBatch> input = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            input.add(randomBatch(rnd, 4096, i));
        }
        check(input, TYPES, 120, rnd);
    }

    @Test
    void batchesWithoutColumnsKeepTheirRowCounts() {
        List<ColumnBatch> input = List.of(new ColumnBatch(new ColumnVector[0], 5000), new ColumnBatch(new ColumnVector[0], 3));
        check(input, List.of(), 4, new Random(3));
    }

    @Test
    void aFullBatchForOnePartitionKeepsItsDictionary() {
        int n = ColumnBatch.DEFAULT_ROWS;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = i % 3 - 1;   // -1 is null
        }
        ColumnBatch b = new ColumnBatch(new ColumnVector[] {
                new DictionaryVector(codes, new StringVector(new String[] {"a", "b"}))}, n);
        List<Tuple2<Integer, byte[]>> out = drain(new ExchangeWriter(List.of(b).iterator(), PartitionRouter.single(), 1,
                List.of(DataTypes.StringType)));
        assertEquals(1, out.size());
        ColumnBatch back = BatchCodec.decode(out.get(0)._2(), List.of(DataTypes.StringType));
        assertEquals(ExecTestSupport.rows(List.of(b)), ExecTestSupport.rows(List.of(back)));
    }

    private static void check(List<ColumnBatch> input, List<DataType> types, int parts, Random rnd) {
        ArrayDeque<int[]> routes = new ArrayDeque<>();
        List<List<String>> want = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            want.add(new ArrayList<>());
        }
        for (ColumnBatch b : input) {
            int[] pids = new int[b.numRows()];
            int skew = rnd.nextInt(4);   // some batches go to one partition only
            for (int r = 0; r < pids.length; r++) {
                pids[r] = skew == 0 ? parts - 1 : rnd.nextInt(parts);
                want.get(pids[r]).add(render(b, r));
            }
            if (pids.length > 0) {
                routes.add(pids);   // empty batches are not routed
            }
        }
        PartitionRouter router = (b, out) -> System.arraycopy(routes.poll(), 0, out, 0, b.numRows());
        List<List<String>> got = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            got.add(new ArrayList<>());
        }
        for (Tuple2<Integer, byte[]> t : drain(new ExchangeWriter(input.iterator(), router, parts, types))) {
            ColumnBatch back = BatchCodec.decode(t._2(), types);
            assertTrue(back.numRows() > 0, "no empty batches are written");
            for (int r = 0; r < back.numRows(); r++) {
                got.get(t._1()).add(render(back, r));
            }
        }
        for (int p = 0; p < parts; p++) {
            assertEquals(want.get(p), got.get(p), "partition " + p + " of " + parts);
        }
    }

    private static List<Tuple2<Integer, byte[]>> drain(ExchangeWriter w) {
        List<Tuple2<Integer, byte[]>> out = new ArrayList<>();
        w.forEachRemaining(out::add);
        return out;
    }

    private static String render(ColumnBatch b, int r) {
        StringBuilder s = new StringBuilder("|");
        for (ColumnVector v : b.columns()) {
            Object o = v.get(r);
            s.append(o instanceof byte[] bytes ? Arrays.toString(bytes) : o instanceof Double d ? Double.doubleToRawLongBits(d)
                    : o instanceof Float f ? Float.floatToRawIntBits(f) : String.valueOf(o)).append('|');
        }
        return s.toString();
    }

    /** A batch of random values, about one in seven null; strings and the decimal(10,2) column change vector class with {@code k}. */
    private static ColumnBatch randomBatch(Random rnd, int n, int k) {
        ColumnVector[] cols = new ColumnVector[TYPES.size()];
        for (int c = 0; c < cols.length; c++) {
            DataType t = TYPES.get(c);
            if (t == DataTypes.StringType && k % 2 == 1) {
                cols[c] = dictionaryStrings(rnd, n);
                continue;
            }
            cols[c] = t == DEC && k % 3 == 2 ? new ObjectVector(t, n) : ColumnVectors.allocate(t, n);
            for (int r = 0; r < n; r++) {
                ColumnVectors.set(cols[c], r, rnd.nextInt(7) == 0 ? null : value(rnd, t));
            }
        }
        assertTrue(cols[4] instanceof DecimalVector || k % 3 == 2);
        assertTrue(cols[6] instanceof BooleanVector);
        return new ColumnBatch(cols, n);
    }

    private static DictionaryVector dictionaryStrings(Random rnd, int n) {
        String[] entries = {"alpha", "beta", null, "ünï", ""};
        int[] codes = new int[n];
        for (int r = 0; r < n; r++) {
            codes[r] = rnd.nextInt(entries.length + 1) - 1;
        }
        return new DictionaryVector(codes, new StringVector(entries));
    }

    private static Object value(Random rnd, DataType t) {
        if (t == DataTypes.LongType || t == DataTypes.TimestampType) {
            return rnd.nextBoolean() ? rnd.nextLong() : (long) rnd.nextInt(1000) - 500;
        }
        if (t == DataTypes.IntegerType || t == DataTypes.DateType) {
            return rnd.nextBoolean() ? rnd.nextInt() : rnd.nextInt(300);
        }
        if (t == DataTypes.DoubleType) {
            double[] edge = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.MIN_VALUE};
            return rnd.nextInt(10) == 0 ? edge[rnd.nextInt(edge.length)] : rnd.nextGaussian();
        }
        if (t == DataTypes.StringType) {
            return rnd.nextBoolean() ? "s" + rnd.nextInt(20) : "ß" + rnd.nextLong();
        }
        if (t instanceof DecimalType d) {
            return BigDecimal.valueOf(rnd.nextInt(2_000_000) - 1_000_000L, d.scale());
        }
        if (t == DataTypes.BooleanType) {
            return rnd.nextBoolean();
        }
        if (t == DataTypes.FloatType) {
            return rnd.nextFloat();
        }
        return new byte[] {(byte) rnd.nextInt(), 1};
    }
}
