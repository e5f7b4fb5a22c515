package io.ember.sql.expressions.string;

import static io.ember.sql.expressions.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringFunctionsTest {
    private final FunctionRegistry registry = FunctionRegistry.builtin();
    private final ColumnBatch b = batch(vec(DataTypes.StringType, "  Hello World ", "abc", null));
    private final Expression s = col(0, DataTypes.StringType);

    private Expression fn(String name, Expression... args) {
        return registry.lookup(name).orElseThrow().build(List.of(args), false);
    }

    private static Expression str(String v) {
        return lit(v, DataTypes.StringType);
    }

    @Test
    void caseTrimAndLength() {
        assertEquals(list("  HELLO WORLD ", "ABC", null), eval(fn("upper", s), b));
        assertEquals(list("Hello World", "abc", null), eval(fn("trim", s), b));
        assertEquals(list("Hello World ", "abc", null), eval(fn("ltrim", s), b));
        assertEquals(list(14, 3, null), eval(fn("length", s), b));
        assertEquals("Hello World", eval1(fn("initcap", str("hello wORLD"))));
        assertEquals("cba", eval1(fn("reverse", str("abc"))));
        assertEquals("upper(input[0])", fn("upper", s).sql());
    }

    @Test
    void substringsAndPadding() {
        assertEquals("bc", eval1(fn("substring", str("abc"), lit(-2), lit(5))));
        assertEquals("ab", eval1(fn("substring", str("abc"), lit(0), lit(2))));
        assertEquals("", eval1(fn("substring", str("abc"), lit(5), lit(2))));
        assertEquals("bc", eval1(fn("substr", str("abc"), lit(2))));
        assertEquals("xyabc", eval1(fn("lpad", str("abc"), lit(5), str("xy"))));
        assertEquals("ab", eval1(fn("rpad", str("abc"), lit(2), str("x"))));
        assertEquals("abc  ", eval1(fn("rpad", str("abc"), lit(5))));
        assertEquals(2, eval1(fn("instr", str("abc"), str("b"))));
        assertEquals(0, eval1(fn("locate", str("z"), str("abc"))));
        assertEquals(3, eval1(fn("locate", str("a"), str("abab"), lit(2))));
        assertEquals("ababab", eval1(fn("repeat", str("ab"), lit(3))));
        assertEquals("a1c", eval1(fn("translate", str("abcd"), str("bd"), str("1"))));
    }

    @Test
    void concatenation() {
        assertNull(eval1(fn("concat", str("a"), lit(null, DataTypes.StringType))));
        assertEquals("ab", eval1(fn("concat", str("a"), str("b"))));
        assertEquals("a-b", eval1(fn("concat_ws", str("-"), str("a"), lit(null, DataTypes.StringType), str("b"))));
        assertEquals("1-abc", eval1(fn("format_string", str("%d-%s"), lit(1), str("abc"))));
    }

    @Test
    void patterns() {
        ColumnBatch p = batch(vec(DataTypes.StringType, "abc", "a_c", "xbc", null));
        Expression c = col(0, DataTypes.StringType);
        assertEquals(list(true, true, false, null), eval(fn("like", c, str("a%")), p));
        assertEquals(list(false, true, false, null), eval(fn("like", c, str("a\\_c")), p));
        assertEquals(list(true, true, false, null), eval(fn("ilike", c, str("A%")), p));
        assertEquals(list(true, false, true, null), eval(fn("rlike", c, str("b")), p));
        assertEquals("input[0] LIKE a%", fn("like", c, str("a%")).sql());
        assertEquals("RLIKE(input[0], b)", fn("rlike", c, str("b")).sql());
        assertEquals("100", eval1(fn("regexp_extract", str("foo100bar"), str("(\\d+)"), lit(1))));
        assertEquals("", eval1(fn("regexp_extract", str("foo"), str("(\\d+)"), lit(1))));
        assertEquals("fooXbar", eval1(fn("regexp_replace", str("foo100bar"), str("\\d+"), str("X"))));
        assertEquals(list("a", "b", ""), eval1(fn("split", str("a,b,"), str(","))));
        assertEquals(list(true, false, false, null), eval(fn("startswith", c, str("ab")), p));
    }

    @Test
    void numbersAreCastToStringsForStringFunctions() {
        Expression e = fn("upper", lit(12));
        assertTrue(e.childrenResolved());
        assertEquals("UNEXPECTED_INPUT_TYPE", e.checkInputDataTypes().subClass());
    }
}
