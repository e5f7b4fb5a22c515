package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.ObjectVector;
import io.ember.sql.vector.StringVector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Decoding several encoded batches at once against the simple path (decode each, then
 * concatenate): the same vector classes and values, whatever the column kinds (fixed-width,
 * boolean, plain or dictionary strings, compact or boxed decimals, values written one by one),
 * kinds that change from block to block, nulls in some blocks only, and empty or one-row blocks.
 */
class BatchConcatDecoderTest {
    private static final DecimalType DEC = DataTypes.createDecimalType(10, 2);
    private static final List<DataType> TYPES = List.of(DataTypes.LongType, DataTypes.IntegerType, DataTypes.DoubleType,
            DataTypes.FloatType, DataTypes.BooleanType, DataTypes.StringType, DEC, DataTypes.createDecimalType(25, 3),
            DataTypes.DateType, DataTypes.TimestampType, DataTypes.BinaryType);

    @Test
    void decodesLikeDecodingEachAndConcatenating() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 40; trial++) {
            List<byte[]> blocks = new ArrayList<>();
            int count = 1 + rnd.nextInt(5);
            for (int b = 0; b < count; b++) {
                int n = new int[] {0, 1, 7, 300, 1500}[rnd.nextInt(5)];
                blocks.add(BatchCodec.encode(randomBatch(rnd, n, trial % 4 == 0)));
            }
            check(blocks, TYPES);
        }
    }

    @Test
    void blocksWithoutColumnsKeepTheirRowCounts() {
        List<byte[]> blocks = List.of(BatchCodec.encode(new ColumnBatch(new ColumnVector[0], 5)),
                BatchCodec.encode(new ColumnBatch(new ColumnVector[0], 0)), BatchCodec.encode(new ColumnBatch(new ColumnVector[0], 2)));
        assertEquals(7, BatchConcatDecoder.decode(blocks, List.of()).numRows());
    }

    @Test
    void theHeaderGivesTheRowCount() {
        for (int n : new int[] {0, 1, 255, 256, 70_000}) {
            assertEquals(n, BatchCodec.rows(BatchCodec.encode(new ColumnBatch(new ColumnVector[0], n))));
        }
    }

    private static void check(List<byte[]> blocks, List<DataType> types) {
        List<ColumnBatch> decoded = new ArrayList<>();
        for (byte[] b : blocks) {
            decoded.add(BatchCodec.decode(b, types));
        }
        ColumnBatch want = VectorOps.concat(decoded, types);
        ColumnBatch got = BatchConcatDecoder.decode(blocks, types);
        assertEquals(want.numRows(), got.numRows());
        for (int c = 0; c < types.size(); c++) {
            ColumnVector w = want.column(c);
            ColumnVector g = got.column(c);
            assertEquals(w.getClass(), g.getClass(), "column " + c);
            for (int r = 0; r < want.numRows(); r++) {
                assertEquals(w.isNull(r), g.isNull(r), "column " + c + " row " + r);
                assertTrue(Objects.deepEquals(w.get(r), g.get(r)), "column " + c + " row " + r + ": " + w.get(r) + " vs " + g.get(r));
            }
        }
    }

    /** {@code boxed}: long and compact decimal columns come as boxed values (written one by one). */
    private static ColumnBatch randomBatch(Random rnd, int n, boolean boxed) {
        ColumnVector[] cols = new ColumnVector[TYPES.size()];
        int nullEvery = rnd.nextBoolean() ? 0 : 2 + rnd.nextInt(6);   // some blocks have no nulls at all
        for (int c = 0; c < cols.length; c++) {
            DataType t = TYPES.get(c);
            if (t == DataTypes.StringType && rnd.nextBoolean()) {
                cols[c] = dictionaryStrings(rnd, n, nullEvery);
                continue;
            }
            cols[c] = boxed && (t == DEC || t == DataTypes.LongType) ? new ObjectVector(t, n) : ColumnVectors.allocate(t, n);
            for (int r = 0; r < n; r++) {
                ColumnVectors.set(cols[c], r, nullEvery > 0 && rnd.nextInt(nullEvery) == 0 ? null : value(rnd, t));
            }
        }
        return new ColumnBatch(cols, n);
    }

    private static DictionaryVector dictionaryStrings(Random rnd, int n, int nullEvery) {
        String[] entries = {"AIR", "RAIL", "ünï", ""};
        int[] codes = new int[n];
        for (int r = 0; r < n; r++) {
            codes[r] = nullEvery > 0 && rnd.nextInt(nullEvery) == 0 ? -1 : rnd.nextInt(entries.length);
        }
        return new DictionaryVector(codes, new StringVector(entries));
    }

    private static Object value(Random rnd, DataType t) {
        if (t == DataTypes.LongType || t == DataTypes.TimestampType) {
            long[] edge = {Long.MIN_VALUE, Long.MAX_VALUE, 0};
            return rnd.nextInt(20) == 0 ? edge[rnd.nextInt(edge.length)] : rnd.nextBoolean() ? rnd.nextLong() : rnd.nextInt(1000) - 500L;
        }
        if (t == DataTypes.IntegerType || t == DataTypes.DateType) {
            return rnd.nextInt(20) == 0 ? Integer.MIN_VALUE : rnd.nextBoolean() ? rnd.nextInt() : rnd.nextInt(300);
        }
        if (t == DataTypes.DoubleType) {
            double[] edge = {Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY, Double.MIN_VALUE};
            return rnd.nextInt(10) == 0 ? edge[rnd.nextInt(edge.length)] : rnd.nextGaussian();
        }
        if (t == DataTypes.FloatType) {
            return rnd.nextInt(10) == 0 ? Float.NaN : rnd.nextFloat();
        }
        if (t == DataTypes.BooleanType) {
            return rnd.nextBoolean();
        }
        if (t == DataTypes.StringType) {
            return rnd.nextBoolean() ? "s" + rnd.nextInt(5) : "ß" + rnd.nextLong();
        }
        if (t instanceof DecimalType d) {
            return BigDecimal.valueOf(rnd.nextInt(2_000_000) - 1_000_000L, d.scale());
        }
        return new byte[] {(byte) rnd.nextInt(), 1};
    }
}
