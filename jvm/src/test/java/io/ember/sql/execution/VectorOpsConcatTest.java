package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.StringVector;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Concatenating string columns held as plain and dictionary vectors, and the string numbering the codec uses. */
class VectorOpsConcatTest {
    @Test
    void concatenatesPlainAndDictionaryStringsWithNulls() {
        StringVector dict = new StringVector(new String[] {"x", null, "yy"});
        ColumnBatch a = new ColumnBatch(new ColumnVector[] {new StringVector(new String[] {"p", null})}, 2);
        ColumnBatch b = new ColumnBatch(new ColumnVector[] {new DictionaryVector(new int[] {2, -1, 1, 0}, dict)}, 4);
        ColumnBatch all = VectorOps.concat(List.of(a, b, a), List.of(DataTypes.StringType));
        assertEquals(8, all.numRows());
        Object[] got = new Object[8];
        for (int i = 0; i < 8; i++) {
            got[i] = all.column(0).get(i);
        }
        assertEquals(Arrays.asList("p", null, "yy", null, null, "x", "p", null), Arrays.asList(got));
        assertSame(dict.values[2], all.column(0).getString(2), "the dictionary's instance");
    }

    @Test
    void stringCodesNumberInArrivalOrderAndGrow() {
        StringCodes codes = new StringCodes(4);
        for (int i = 0; i < 5000; i++) {
            assertEquals(i, codes.code("s" + i, true));
        }
        for (int i = 4999; i >= 0; i -= 7) {
            assertEquals(i, codes.code(new String("s" + i), false));
            assertEquals("s" + i, codes.value(i));
        }
        assertEquals(StringCodes.NONE, codes.code("absent", false));
        assertEquals(5000, codes.size());
        assertEquals(5000, codes.code("absent", true));
    }

    @Test
    void compactDecimalsStayCompactThroughAllocationConcatAndSet() {
        io.ember.sql.types.DecimalType wide = new io.ember.sql.types.DecimalType(25, 2);
        ColumnBatch a = new ColumnBatch(new ColumnVector[] {
            new io.ember.sql.vector.DecimalVector(wide, new long[] {150, 7}, new boolean[] {false, true})}, 2);
        ColumnBatch b = new ColumnBatch(new ColumnVector[] {
            new io.ember.sql.vector.DecimalVector(wide, new long[] {-3}, null)}, 1);
        ColumnVector all = VectorOps.concat(List.of(a, b), List.of(wide)).column(0);
        assertTrue(all instanceof io.ember.sql.vector.DecimalVector, "a " + all.getClass().getSimpleName());
        assertEquals(Arrays.asList(new java.math.BigDecimal("1.50"), null, new java.math.BigDecimal("-0.03")),
                Arrays.asList(all.get(0), all.get(1), all.get(2)));
        ColumnVector narrow = io.ember.sql.vector.ColumnVectors.allocate(new io.ember.sql.types.DecimalType(10, 2), 1);
        assertTrue(narrow instanceof io.ember.sql.vector.DecimalVector, "a " + narrow.getClass().getSimpleName());
        io.ember.sql.vector.ColumnVectors.set(narrow, 0, new java.math.BigDecimal("2.345"));
        assertEquals(new java.math.BigDecimal("2.35"), narrow.get(0));
    }
}
