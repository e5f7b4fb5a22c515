package io.ember.sql.expressions.hash;

import static io.ember.sql.expressions.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.expressions.Cast;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are PySpark 4's {@code hash()}, {@code md5()}, ... of the same inputs. */
class HashFunctionsTest {
    private final FunctionRegistry registry = FunctionRegistry.builtin();

    private Object fn(String name, Expression... args) {
        return eval1(registry.lookup(name).orElseThrow().build(List.of(args), false));
    }

    @Test
    void murmur3MatchesSpark() {
        assertEquals(-559580957, fn("hash", lit(1)));
        assertEquals(-797927272, fn("hash", lit(2L, DataTypes.LongType)));
        assertEquals(1322437556, fn("hash", lit("abc", DataTypes.StringType)));
        assertEquals(1290763749, fn("hash", lit(1.5, DataTypes.DoubleType)));
        assertEquals(-559580957, fn("hash", lit(true, DataTypes.BooleanType)));
        assertEquals(-1267584506, fn("hash", lit(1), lit("abc", DataTypes.StringType)));
        assertEquals(-1528836094, fn("hash", lit("hello world", DataTypes.StringType)));
        assertEquals(-1923078811, fn("hash", lit("h\u00e9llo w\u00f6rld!!", DataTypes.StringType)));
        assertEquals(42, fn("hash", lit(null, DataTypes.IntegerType)));
        assertEquals(-2056712946, fn("hash", lit(new BigDecimal("1.50"), new DecimalType(10, 2))));
        assertEquals(-222940379, fn("hash", lit(List.of(1, 2), new ArrayType(DataTypes.IntegerType))));
        assertEquals(-1670924195, fn("hash", lit(-0.0, DataTypes.DoubleType)));
        assertEquals(-1670924195, fn("hash", lit(0.0, DataTypes.DoubleType)));
        assertEquals(-221251528, fn("hash", lit(1.5f, DataTypes.FloatType)));
        assertEquals(-725858435, fn("hash", lit(18262, DataTypes.DateType)));
        assertEquals(68315045, fn("hash", lit(12345678901L, DataTypes.LongType)));
    }

    @Test
    void digests() {
        Expression abc = Cast.implicit(lit("abc", DataTypes.StringType), DataTypes.BinaryType);
        assertEquals("900150983cd24fb0d6963f7d28e17f72", fn("md5", abc));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", fn("sha1", abc));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", fn("sha2", abc, lit(256)));
        assertNull(fn("sha2", abc, lit(100)));
        assertEquals(891568578L, fn("crc32", abc));
    }
}
