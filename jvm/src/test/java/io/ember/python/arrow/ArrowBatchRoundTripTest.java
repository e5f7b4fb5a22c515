package io.ember.python.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Column batches written as Arrow IPC streams and read back keep every value and null. */
class ArrowBatchRoundTripTest {
    private static StructType schema(Object... nameTypes) {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < nameTypes.length; i += 2) {
            fields.add(new StructField((String) nameTypes[i], (DataType) nameTypes[i + 1], true));
        }
        return new StructType(fields);
    }

    private static ColumnBatch batch(StructType schema, Object[][] rows) {
        ColumnVector[] cols = new ColumnVector[schema.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = ColumnVectors.allocate(schema.field(c).dataType(), rows.length);
            for (int r = 0; r < rows.length; r++) {
                ColumnVectors.set(cols[c], r, rows[r][c]);
            }
        }
        return new ColumnBatch(cols, rows.length);
    }

    private static Object normalize(Object v) {
        if (v instanceof Object[] a) {
            return Arrays.stream(a).map(ArrowBatchRoundTripTest::normalize).map(x -> x == null ? "null" : x).toList();
        }
        if (v instanceof byte[] b) {
            return Arrays.toString(b);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ArrowBatchRoundTripTest::normalize).map(x -> x == null ? "null" : x).toList();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(normalize(k), normalize(x)));
            return out;
        }
        return v;
    }

    private static void assertSameRows(ColumnBatch expected, ColumnBatch actual) {
        assertEquals(expected.numRows(), actual.numRows());
        assertEquals(expected.numColumns(), actual.numColumns());
        for (int c = 0; c < expected.numColumns(); c++) {
            for (int r = 0; r < expected.numRows(); r++) {
                assertEquals(expected.column(c).isNull(r), actual.column(c).isNull(r), "null at " + c + "," + r);
                assertEquals(normalize(expected.column(c).get(r)), normalize(actual.column(c).get(r)),
                        "value at column " + c + ", row " + r);
            }
        }
    }

    private static ColumnBatch roundTrip(StructType schema, ColumnBatch batch) {
        byte[] stream = new ArrowBatchWriter(schema).stream(batch, 0, batch.numRows());
        List<ColumnBatch> back = new ArrowBatchReader(schema).read(stream);
        assertEquals(1, back.size());
        return back.get(0);
    }

    @Test
    void primitiveStringAndTemporalColumnsWithNulls() {
        StructType s = schema("b", DataTypes.BooleanType, "y", DataTypes.ByteType, "h", DataTypes.ShortType,
                "i", DataTypes.IntegerType, "l", DataTypes.LongType, "f", DataTypes.FloatType,
                "d", DataTypes.DoubleType, "s", DataTypes.StringType, "day", DataTypes.DateType,
                "ts", DataTypes.TimestampType, "ntz", DataTypes.TimestampNTZType, "n", DataTypes.NullType);
        Object[][] rows = {
            {true, -128, -32768, Integer.MIN_VALUE, Long.MIN_VALUE, -1.5f, Double.NaN, "héllo ✓", -719162, -1L, 0L, null},
            {null, null, null, null, null, null, null, null, null, null, null, null},
            {false, 127, 32767, Integer.MAX_VALUE, Long.MAX_VALUE, Float.MAX_VALUE, -0.0, "", 19000, 1_700_000_000_000_000L, 5L, null},
        };
        ColumnBatch in = batch(s, rows);
        ColumnBatch out = roundTrip(s, in);
        assertSameRows(in, out);
        assertTrue(out.column(3) instanceof IntVector && out.column(4) instanceof LongVector
                && out.column(6) instanceof DoubleVector && out.column(7) instanceof StringVector,
                "primitive columns come back as primitive vectors");
    }

    @Test
    void decimalsCompactAndWide() {
        DecimalType small = new DecimalType(10, 2);
        DecimalType wide = new DecimalType(38, 6);
        StructType s = schema("small", small, "wide", wide);
        ColumnVector compact = new DecimalVector(small, new long[] {12345, -1, 0}, new boolean[] {false, false, true});
        ColumnVector big = ColumnVectors.allocate(wide, 3);
        ColumnVectors.set(big, 0, new BigDecimal("-12345678901234567890123456789.123456"));
        ColumnVectors.set(big, 1, new BigDecimal("0.000001"));
        ColumnVectors.set(big, 2, null);
        ColumnBatch in = new ColumnBatch(new ColumnVector[] {compact, big}, 3);
        ColumnBatch out = roundTrip(s, in);
        assertSameRows(in, out);
        assertEquals(new BigDecimal("123.45"), out.column(0).get(0));
        assertEquals(new BigDecimal("-0.01"), out.column(0).get(1));
    }

    @Test
    void nestedArraysMapsStructsAndBinary() {
        StructType inner = schema("x", DataTypes.IntegerType, "t", DataTypes.StringType);
        StructType s = schema("a", new ArrayType(DataTypes.LongType, true),
                "m", new MapType(DataTypes.StringType, new ArrayType(DataTypes.DoubleType, true), true),
                "st", inner, "as", new ArrayType(inner, true), "bin", DataTypes.BinaryType,
                "dec", new ArrayType(new DecimalType(5, 1), true));
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("k1", new ArrayList<>(Arrays.asList(1.0, null)));
        map.put("k0", null);
        Object[][] rows = {
            {new ArrayList<>(Arrays.asList(1L, null, 3L)), map, new Object[] {7, "seven"},
                new ArrayList<>(Arrays.asList(new Object[] {1, "a"}, null)), new byte[] {0, -1, 2},
                new ArrayList<>(List.of(new BigDecimal("-1234.5")))},
            {null, null, null, null, null, null},
            {new ArrayList<>(), new LinkedHashMap<>(), new Object[] {null, null}, new ArrayList<>(), new byte[0],
                new ArrayList<>()},
        };
        ColumnBatch in = batch(s, rows);
        ColumnBatch out = roundTrip(s, in);
        assertSameRows(in, out);
        assertEquals(List.of("k1", "k0"), new ArrayList<>(((Map<?, ?>) out.column(1).get(0)).keySet()));
    }

    @Test
    void slicesOfSeveralBatchesMakeOneRecordBatch() {
        StructType s = schema("i", DataTypes.IntegerType, "s", DataTypes.StringType);
        ColumnBatch first = batch(s, new Object[][] {{1, "a"}, {2, null}, {3, "c"}});
        ColumnBatch second = batch(s, new Object[][] {{null, "d"}, {5, "e"}});
        ArrowBatchWriter writer = new ArrowBatchWriter(s);
        LeBuffer out = new LeBuffer(64);
        writer.writeStream(List.of(new ArrowBatchWriter.Slice(first, 1, 3),
                new ArrowBatchWriter.Slice(second, 0, 2)), out);
        List<ColumnBatch> back = new ArrowBatchReader(s).read(out.toByteArray());
        assertEquals(1, back.size());
        assertSameRows(batch(s, new Object[][] {{2, null}, {3, "c"}, {null, "d"}, {5, "e"}}), back.get(0));
    }

    @Test
    void framesHoldAtMostMaxRecordsRowsAndPickleAsOneBytesValue() {
        StructType s = schema("i", DataTypes.IntegerType);
        List<ColumnBatch> batches = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            Object[][] rows = new Object[4][];
            for (int r = 0; r < 4; r++) rows[r] = new Object[] {b * 4 + r};
            batches.add(batch(s, rows));
        }
        List<Integer> sizes = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        var frames = ArrowFrames.frames(batches.iterator(), s, 5);
        while (frames.hasNext()) {
            byte[] frame = frames.next();
            assertArrayEquals(new byte[] {(byte) 0x80, 4, ']', 'B'}, Arrays.copyOf(frame, 4));
            assertEquals('.', frame[frame.length - 1]);
            var back = ArrowFrames.fromPython(List.of(pickledListOf(Arrays.copyOfRange(frame, 8, frame.length - 2))).iterator(), s);
            while (back.hasNext()) {
                ColumnBatch b = back.next();
                sizes.add(b.numRows());
                for (int r = 0; r < b.numRows(); r++) values.add((Integer) b.column(0).get(r));
            }
        }
        assertEquals(List.of(5, 5, 2), sizes);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) expected.add(i);
        assertEquals(expected, values);
        assertFalse(ArrowFrames.frames(List.<ColumnBatch>of().iterator(), s, 5).hasNext());
    }

    /** What Python's pickle writes for {@code [data]}: a list holding one bytes value. */
    private static byte[] pickledListOf(byte[] data) {
        LeBuffer out = new LeBuffer(data.length + 16);
        out.putByte(0x80);
        out.putByte(5);
        out.putByte(']');
        out.putByte('B');
        out.putInt(data.length);
        out.putBytes(data, 0, data.length);
        out.putByte('a');
        out.putByte('.');
        return out.toByteArray();
    }

    @Test
    void intervalsAndOtherTypesHaveNoArrowFormHere() {
        assertTrue(ArrowSchemas.supported(schema("a", new ArrayType(new MapType(DataTypes.StringType,
                DataTypes.DateType, true), true))));
        assertFalse(ArrowSchemas.supported(schema("x", new StructType(List.of(
                new StructField("y", new FakeType(), true))))));
    }

    /** A type this module does not know (as an interval type would be). */
    private record FakeType() implements DataType {
        @Override
        public String simpleString() {
            return "fake";
        }

        @Override
        public String typeName() {
            return "fake";
        }

        @Override
        public int defaultSize() {
            return 1;
        }
    }
}
