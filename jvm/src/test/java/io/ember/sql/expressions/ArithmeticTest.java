package io.ember.sql.expressions;

import static io.ember.sql.expressions.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnBatch;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ArithmeticTest {
    private final ColumnBatch ints = batch(
            vec(DataTypes.IntegerType, 1, null, Integer.MAX_VALUE, -7),
            vec(DataTypes.IntegerType, 2, 3, 1, 0));

    @Test
    void intArithmeticWrapsAndPropagatesNulls() {
        Expression a = col(0, DataTypes.IntegerType);
        Expression b = col(1, DataTypes.IntegerType);
        assertEquals(list(3, null, Integer.MIN_VALUE, -7), eval(new Add(a, b), ints));
        assertEquals(list(-1, null, Integer.MAX_VALUE - 1, -7), eval(new Subtract(a, b), ints));
        assertEquals(list(2, null, Integer.MAX_VALUE, 0), eval(new Multiply(a, b), ints));
        assertEquals(list(1, null, 0, null), eval(new Remainder(a, b), ints));
        assertEquals(list(-1, null, -Integer.MAX_VALUE, 7), eval(new UnaryMinus(a), ints));
        assertEquals("(input[0] + input[1])", new Add(a, b).sql());
        assertEquals("negative(input[0])", new UnaryMinus(a).sql());
    }

    @Test
    void remainderKeepsTheDividendSignAndPmodDoesNot() {
        ColumnBatch b = batch(vec(DataTypes.LongType, -7L, 7L), vec(DataTypes.LongType, 3L, -3L));
        assertEquals(list(-1L, 1L), eval(new Remainder(col(0, DataTypes.LongType), col(1, DataTypes.LongType)), b));
        assertEquals(list(2L, 1L), eval(new Pmod(col(0, DataTypes.LongType), col(1, DataTypes.LongType)), b));
    }

    @Test
    void byteArithmeticWrapsAtItsWidth() {
        ColumnBatch b = batch(vec(DataTypes.ByteType, 127), vec(DataTypes.ByteType, 1));
        assertEquals(list(-128), eval(new Add(col(0, DataTypes.ByteType), col(1, DataTypes.ByteType)), b));
    }

    @Test
    void doubleDivisionByZeroIsNull() {
        ColumnBatch b = batch(vec(DataTypes.DoubleType, 1.0, 3.0, null), vec(DataTypes.DoubleType, 0.0, 2.0, 1.0));
        assertEquals(list(null, 1.5, null), eval(new Divide(col(0, DataTypes.DoubleType), col(1, DataTypes.DoubleType)), b));
    }

    @Test
    void integralDivideTruncates() {
        ColumnBatch b = batch(vec(DataTypes.LongType, 7L, -7L, 1L), vec(DataTypes.LongType, 2L, 2L, 0L));
        assertEquals(list(3L, -3L, null), eval(new IntegralDivide(col(0, DataTypes.LongType), col(1, DataTypes.LongType)), b));
    }

    @Test
    void decimalResultTypesFollowSpark() {
        DecimalType d102 = new DecimalType(10, 2);
        DecimalType d53 = new DecimalType(5, 3);
        DecimalType d3818 = new DecimalType(38, 18);
        Expression a = col(0, d102);
        Expression b = col(1, d53);
        assertEquals(new DecimalType(12, 3), new Add(a, b).dataType());
        assertEquals(new DecimalType(16, 5), new Multiply(a, b).dataType());
        assertEquals(new DecimalType(19, 8), new Divide(a, b).dataType());
        assertEquals(new DecimalType(5, 3), new Remainder(a, b).dataType());
        assertEquals(new DecimalType(38, 6), new Multiply(col(0, d3818), col(1, d3818)).dataType());
        assertEquals(new DecimalType(38, 6), new Divide(col(0, d3818), col(1, d3818)).dataType());
    }

    @Test
    void decimalValuesRoundHalfUpAndOverflowToNull() {
        DecimalType d = new DecimalType(3, 2);
        ColumnBatch b = batch(vec(d, new BigDecimal("1.00"), new BigDecimal("9.99"), new BigDecimal("2.00")),
                vec(d, new BigDecimal("3.00"), new BigDecimal("9.99"), new BigDecimal("0.00")));
        Expression x = col(0, d);
        Expression y = col(1, d);
        assertEquals(list(new BigDecimal("0.333333"), new BigDecimal("1.000000"), null), eval(new Divide(x, y), b));
        assertEquals(list(new BigDecimal("4.00"), new BigDecimal("19.98"), new BigDecimal("2.00")), eval(new Add(x, y), b));
        assertEquals(new DecimalType(7, 4), new Multiply(x, y).dataType());
        assertEquals(list(new BigDecimal("3.0000"), new BigDecimal("99.8001"), new BigDecimal("0.0000")), eval(new Multiply(x, y), b));
        DecimalType tight = new DecimalType(2, 1);
        assertNull(Decimals.toPrecision(new BigDecimal("10.0"), tight));
        assertEquals(new BigDecimal("1.3"), Decimals.toPrecision(new BigDecimal("1.25"), tight));
        assertEquals(new BigDecimal("-1.3"), Decimals.toPrecision(new BigDecimal("-1.25"), tight));
    }

    @Test
    void typeMismatchNamesTheExpressionAndTypes() {
        Add bad = new Add(col(0, DataTypes.IntegerType), lit(true, DataTypes.BooleanType));
        assertFalse(bad.resolved());
        var ex = bad.checkInputDataTypes().toException(bad);
        assertEquals("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", ex.getErrorClass());
        assertEquals("[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"(input[0] + true)\" due to data type "
                + "mismatch: the left and right operands of the binary operator have incompatible types (\"INT\" and \"BOOLEAN\").",
                ex.getMessage());
        assertEquals("\"INT\"", ex.getMessageParameters().get("left"));
        Add strings = new Add(lit("a", DataTypes.StringType), lit("b", DataTypes.StringType));
        assertEquals("BINARY_OP_WRONG_TYPE", strings.checkInputDataTypes().subClass());
    }
}
