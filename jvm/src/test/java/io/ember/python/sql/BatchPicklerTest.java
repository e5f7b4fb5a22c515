package io.ember.python.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ember.core.EmberException;
import io.ember.sql.types.DdlParser;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchPicklerTest {
    static final StructType SCHEMA = DdlParser.parseSchema("i int, l bigint, d double, f float, b boolean, s string, "
            + "dt date, dec decimal(5,2), bin binary, arr array<int>, m map<string,bigint>, st struct<x: string, y: binary>");

    static ColumnBatch sample() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("z", 1L);
        map.put("a", null);
        List<Object[]> rows = List.of(
                new Object[] {1, 5_000_000_000L, 1.5, 2.5f, true, "héllo", 18000, new BigDecimal("1.25"),
                        new byte[] {0, (byte) 255}, Arrays.asList(1, null), map, new Object[] {"x", new byte[300]}},
                new Object[] {null, -1L, null, null, false, null, null, null, null, null, null, null});
        return batchOf(rows);
    }

    static ColumnBatch batchOf(List<Object[]> rows) {
        ColumnVector[] cols = new ColumnVector[SCHEMA.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = ColumnVectors.allocate(SCHEMA.field(c).dataType(), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                ColumnVectors.set(cols[c], r, rows.get(r)[c]);
            }
        }
        return new ColumnBatch(cols, rows.size());
    }

    @Test
    void rowsRoundTripThroughPickles() throws IOException {
        ColumnBatch batch = sample();
        byte[] pickled = new BatchPickler().pickle(batch, 0, 2);
        ColumnBatch back = new RowUnpickler().batch(pickled, SCHEMA);
        assertEquals(2, back.numRows());
        for (int c = 0; c < SCHEMA.size(); c++) {
            for (int r = 0; r < 2; r++) {
                Object expected = batch.column(c).get(r);
                Object got = back.column(c).get(r);
                if (expected instanceof byte[] e) {
                    assertArrayEquals(e, (byte[]) got);
                } else if (expected instanceof Object[] e) {
                    assertEquals(e[0], ((Object[]) got)[0]);
                    assertArrayEquals((byte[]) e[1], (byte[]) ((Object[]) got)[1]);
                } else {
                    assertEquals(expected, got, SCHEMA.field(c).name() + " row " + r);
                }
            }
        }
        assertEquals(List.of("z", "a"), new ArrayList<>(((Map<?, ?>) back.column(10).get(0)).keySet()));
        assertNull(back.column(0).get(1));
    }

    @Test
    void aRangeOfRowsAndAnEmptyRangePickle() throws IOException {
        ColumnBatch back = new RowUnpickler().batch(new BatchPickler().pickle(sample(), 1, 2), SCHEMA);
        assertEquals(1, back.numRows());
        assertEquals(-1L, back.column(1).get(0));
        assertEquals(0, new RowUnpickler().batch(new BatchPickler().pickle(sample(), 1, 1), SCHEMA).numRows());
    }

    @Test
    void pythonReadsTuplesBytesDecimalsAndOrderedDicts() throws Exception {
        byte[] pickled = new BatchPickler().pickle(sample(), 0, 2);
        String repr = python("import pickle,sys; print(repr(pickle.loads(sys.stdin.buffer.read())))", pickled);
        assertEquals("[(1, 5000000000, 1.5, 2.5, True, 'héllo', 18000, Decimal('1.25'), b'\\x00\\xff', [1, None], "
                + "{'z': 1, 'a': None}, ('x', b'" + "\\x00".repeat(300) + "')), "
                + "(None, -1, None, None, False, None, None, None, None, None, None, None)]", repr.strip());
    }

    @Test
    void valuesOfTheWrongKindAreRefusedByName() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"x"});
        EmberException e = assertThrows(EmberException.class,
                () -> RowUnpickler.toBatch(rows, DdlParser.parseSchema("a int")));
        assertTrue(e.getMessage().contains("a Python value String cannot be a int"), e.getMessage());
        e = assertThrows(EmberException.class, () -> RowUnpickler.toBatch(List.of(new Object[] {1, 2}),
                DdlParser.parseSchema("a int")));
        assertTrue(e.getMessage().contains("not a tuple of 1 values"), e.getMessage());
        e = assertThrows(EmberException.class, () -> RowUnpickler.toBatch(List.<Object[]>of(new Object[] {
                new BigDecimal("1234.5")}), DdlParser.parseSchema("a decimal(5,2)")));
        assertEquals("[NUMERIC_VALUE_OUT_OF_RANGE.WITHOUT_SUGGESTION]  The 1234.50 rounded half up from 1234.5 "
                + "cannot be represented as Decimal(5, 2). SQLSTATE: 22003", e.getMessage());
        ColumnBatch small = RowUnpickler.toBatch(List.<Object[]>of(new Object[] {new BigDecimal("0.005")}),
                DdlParser.parseSchema("a decimal(5,2)"));
        assertEquals(new BigDecimal("0.01"), small.column(0).get(0));
    }

    @Test
    void typesReadBackFromJavaSerializationStillMatch() throws Exception {
        StructType schema = DdlParser.parseSchema("f float, d double, b boolean");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(schema);   // as a task's copy of the schema arrives on an executor
        }
        StructType copy = (StructType) new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray())).readObject();
        ColumnBatch b = RowUnpickler.toBatch(List.<Object[]>of(new Object[] {1.5, 2.5, true}), copy);
        assertEquals(1.5f, b.column(0).get(0));
        assertEquals(2.5, b.column(1).get(0));
        assertEquals(true, b.column(2).get(0));
    }

    private static String python(String code, byte[] input) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", code).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not installed");
            return "";
        }
        p.getOutputStream().write(input);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
