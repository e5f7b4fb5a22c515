package io.ember.sql.expressions;

import static io.ember.sql.expressions.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values checked against PySpark 4 with spark.sql.ansi.enabled=false. */
class CastTest {
    private static Object cast(Object v, DataType from, DataType to) {
        return eval1(new Cast(lit(v, from), to, false, "UTC", false));
    }

    @Test
    void stringsToIntegersTruncateFractionsAndRejectGarbage() {
        DataType s = DataTypes.StringType;
        assertEquals(1, cast("1.9", s, DataTypes.IntegerType));
        assertEquals(12, cast(" 12 ", s, DataTypes.IntegerType));
        assertEquals(-5, cast("-5", s, DataTypes.IntegerType));
        assertNull(cast("abc", s, DataTypes.IntegerType));
        assertNull(cast("1e3", s, DataTypes.IntegerType));
        assertNull(cast("2147483648", s, DataTypes.IntegerType));
        assertEquals(2147483648L, cast("2147483648", s, DataTypes.LongType));
        assertNull(cast("128", s, DataTypes.ByteType));
        assertEquals(0, cast(".5", s, DataTypes.IntegerType));
        assertNull(cast("", s, DataTypes.IntegerType));
    }

    @Test
    void stringsToDoublesAcceptSpecialWords() {
        DataType s = DataTypes.StringType;
        assertEquals(1.5, cast("1.5", s, DataTypes.DoubleType));
        assertEquals(Double.POSITIVE_INFINITY, cast("Infinity", s, DataTypes.DoubleType));
        assertEquals(Double.NEGATIVE_INFINITY, cast("-inf", s, DataTypes.DoubleType));
        assertTrue(Double.isNaN((Double) cast("NaN", s, DataTypes.DoubleType)));
        assertNull(cast("x", s, DataTypes.DoubleType));
        assertEquals(new BigDecimal("1.24"), cast("1.235", s, new DecimalType(5, 2)));
        assertNull(cast("1234.5", s, new DecimalType(5, 2)));
        assertEquals(Boolean.TRUE, cast("Yes", s, DataTypes.BooleanType));
        assertNull(cast("maybe", s, DataTypes.BooleanType));
    }

    @Test
    void numericNarrowingWrapsAndDoublesSaturate() {
        assertEquals(44, cast(300, DataTypes.IntegerType, DataTypes.ByteType));
        assertEquals(Integer.MAX_VALUE, cast(1e20, DataTypes.DoubleType, DataTypes.IntegerType));
        assertEquals(0, cast(Double.NaN, DataTypes.DoubleType, DataTypes.IntegerType));
        assertEquals(-1, cast(-1.9, DataTypes.DoubleType, DataTypes.IntegerType));
        assertEquals(1, cast(new BigDecimal("1.99"), new DecimalType(3, 2), DataTypes.IntegerType));
        assertEquals(new BigDecimal("1.10"), cast(1.1, DataTypes.DoubleType, new DecimalType(4, 2)));
        assertEquals(new BigDecimal("2.5"), cast(new BigDecimal("2.45"), new DecimalType(3, 2), new DecimalType(2, 1)));
        assertEquals(1.0, cast(true, DataTypes.BooleanType, DataTypes.DoubleType));
        assertEquals(Boolean.FALSE, cast(0L, DataTypes.LongType, DataTypes.BooleanType));
    }

    @Test
    void datesAndTimestampsInTheSessionZone() {
        DataType s = DataTypes.StringType;
        assertEquals(18262, cast("2020-01-01", s, DataTypes.DateType));
        assertEquals(18262, cast("2020-1-1 12:00", s, DataTypes.DateType));
        assertEquals(18262, cast("2020-01-01T23:59:59", s, DataTypes.DateType));
        assertNull(cast("2020-13-01", s, DataTypes.DateType));
        assertEquals(1577836800_000000L, cast("2020-01-01", s, DataTypes.TimestampType));
        assertEquals(1577836800_123456L, cast("2020-01-01 00:00:00.123456", s, DataTypes.TimestampType));
        assertEquals(1577836800_000000L - 3600_000000L, cast("2020-01-01T00:00:00+01:00", s, DataTypes.TimestampType));
        assertEquals("2020-01-01 00:00:00.1", cast(1577836800_100000L, DataTypes.TimestampType, s));
        assertEquals("2020-01-01", cast(18262, DataTypes.DateType, s));
        Cast la = new Cast(lit(1577836800_000000L, DataTypes.TimestampType), s, false, "America/Los_Angeles", false);
        assertEquals("2019-12-31 16:00:00", eval1(la));
        Cast laDate = new Cast(lit(1577836800_000000L, DataTypes.TimestampType), DataTypes.DateType, false, "America/Los_Angeles", false);
        assertEquals(18261, eval1(laDate));
        assertEquals(1577836800L, cast(1577836800_999999L, DataTypes.TimestampType, DataTypes.LongType));
        assertEquals(1577836800_000000L, cast(1577836800L, DataTypes.LongType, DataTypes.TimestampType));
    }

    @Test
    void complexValuesToStrings() {
        assertEquals("[1, null, 3]", cast(java.util.Arrays.asList(1, null, 3), new ArrayType(DataTypes.IntegerType), DataTypes.StringType));
        assertEquals(List.of(1L, 2L), cast(List.of(1, 2), new ArrayType(DataTypes.IntegerType), new ArrayType(DataTypes.LongType)));
        assertEquals("1.50", cast(new BigDecimal("1.50"), new DecimalType(3, 2), DataTypes.StringType));
    }

    @Test
    void ansiModeRaisesForMalformedInput() {
        Cast c = new Cast(lit("abc", DataTypes.StringType), DataTypes.IntegerType, true, "UTC", false);
        ExpressionEvalException e = assertThrows(ExpressionEvalException.class, () -> eval1(c));
        assertEquals("CAST_INVALID_INPUT", e.getErrorClass());
        Cast o = new Cast(lit(300, DataTypes.IntegerType), DataTypes.ByteType, true, "UTC", false);
        assertEquals("CAST_OVERFLOW", assertThrows(ExpressionEvalException.class, () -> eval1(o)).getErrorClass());
    }

    @Test
    void canCastAndNames() {
        Cast bad = new Cast(col(0, DataTypes.DoubleType), DataTypes.DateType);
        TypeCheckResult r = bad.checkInputDataTypes();
        assertEquals("CAST_WITHOUT_SUGGESTION", r.subClass());
        assertEquals("[DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve \"CAST(a AS DATE)\" due to data type mismatch: "
                + "cannot cast \"DOUBLE\" to \"DATE\".",
                r.toException(new Cast(new AttributeReference("a", DataTypes.DoubleType, true), DataTypes.DateType)).getMessage());
        assertEquals("a", Cast.implicit(new AttributeReference("a", DataTypes.IntegerType, true), DataTypes.LongType).sql());
        assertEquals("CAST(a AS DECIMAL(10,2))",
                new Cast(new AttributeReference("a", DataTypes.IntegerType, true), new DecimalType(10, 2)).sql());
    }
}
