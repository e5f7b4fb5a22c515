package io.ember.sql.expressions.math;

import static io.ember.sql.expressions.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnBatch;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values and names checked against PySpark 4 (non-ANSI). */
class MathAndConditionalTest {
    private final FunctionRegistry registry = FunctionRegistry.builtin();

    private Expression fn(String name, Expression... args) {
        return registry.lookup(name).orElseThrow().build(List.of(args), false);
    }

    private static Expression d(double v) {
        return lit(v, DataTypes.DoubleType);
    }

    @Test
    void roundingHalfUpAndHalfEven() {
        assertEquals(3.0, eval1(fn("round", d(2.5))));
        assertEquals(-3.0, eval1(fn("round", d(-2.5))));
        assertEquals(2.0, eval1(fn("bround", d(2.5))));
        assertEquals(1.01, eval1(fn("round", d(1.005), lit(2))));
        assertEquals(2.35, eval1(fn("round", d(2.345), lit(2))));
        assertEquals(2.34, eval1(fn("bround", d(2.345), lit(2))));
        assertEquals(130, eval1(fn("round", lit(125), lit(-1))));
        assertEquals("round(2.5, 0)", fn("round", d(2.5)).sql());
        Expression dec = fn("round", lit(new BigDecimal("1.5"), new DecimalType(3, 1)));
        assertEquals(new DecimalType(3, 0), dec.dataType());
        assertEquals(new BigDecimal("2"), eval1(dec));
    }

    @Test
    void unaryMathAndLogs() {
        assertTrue(Double.isNaN((Double) eval1(fn("sqrt", d(-1)))));
        assertNull(eval1(fn("log", d(0))));
        assertEquals("ln(0.0)", fn("log", d(0)).sql());
        assertEquals(3.0, (Double) eval1(fn("log", d(2), d(8))), 1e-12);
        assertEquals(8.0, eval1(fn("pow", d(2), d(3))));
        assertEquals("POWER(2.0, 3.0)", fn("pow", d(2), d(3)).sql());
        assertEquals(-1.0, eval1(fn("signum", d(-3))));
        assertEquals(2L, eval1(fn("ceil", d(1.2))));
        assertEquals(-2L, eval1(fn("floor", d(-1.5))));
        assertEquals(DataTypes.LongType, fn("ceil", d(1.2)).dataType());
        assertEquals(new BigDecimal("2"), eval1(fn("ceil", lit(new BigDecimal("1.5"), new DecimalType(3, 1)))));
        assertEquals(new DecimalType(3, 0), fn("ceil", lit(new BigDecimal("1.5"), new DecimalType(3, 1))).dataType());
        assertEquals(2, eval1(fn("abs", lit(-2))));
        assertEquals(2.5, eval1(fn("greatest", d(1), d(2.5), lit(null, DataTypes.DoubleType))));
        assertEquals(1.0, eval1(fn("least", d(1), d(2.5))));
    }

    @Test
    void conditionals() {
        ColumnBatch b = batch(vec(DataTypes.IntegerType, 1, -1, null));
        Expression x = col(0, DataTypes.IntegerType);
        Expression iff = fn("if", fn(">", x, lit(0)), lit(10), lit(20));
        assertEquals(list(10, 20, 20), eval(iff, b));
        assertEquals("(IF((input[0] > 0), 10, 20))", iff.sql());
        assertEquals(list(1, -1, 7), eval(fn("nvl", x, lit(7)), b));
        assertEquals("nvl(input[0], 7)", fn("nvl", x, lit(7)).sql());
        assertEquals(list(null, -1, null), eval(fn("nullif", x, lit(1)), b));
        assertEquals(1.0, eval1(fn("nanvl", d(Double.NaN), d(1.0))));
        assertEquals(list(-1, -1, 1), eval(fn("nvl2", x, lit(-1), lit(1)), b));
    }
}
