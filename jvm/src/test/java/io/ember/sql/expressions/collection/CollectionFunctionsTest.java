package io.ember.sql.expressions.collection;

import static io.ember.sql.expressions.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.GetArrayItem;
import io.ember.sql.expressions.GetMapValue;
import io.ember.sql.expressions.GetStructField;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectionFunctionsTest {
    private final FunctionRegistry registry = FunctionRegistry.builtin();
    private final ArrayType ints = new ArrayType(DataTypes.IntegerType);
    private final ColumnBatch b = batch(vec(ints, Arrays.asList(3, null, 1), List.of(), null));
    private final Expression a = col(0, ints);

    private Expression fn(String name, Expression... args) {
        return registry.lookup(name).orElseThrow().build(List.of(args), false);
    }

    @Test
    void sizesContainsAndElements() {
        assertEquals(list(3, 0, -1), eval(fn("size", a), b));
        assertEquals(list(true, false, null), eval(fn("array_contains", a, lit(1)), b));
        assertEquals(list(null, false, null), eval(fn("array_contains", a, lit(7)), b));
        assertEquals(list(1, null, null), eval(fn("element_at", a, lit(-1)), b));
        assertEquals(list(3, null, null), eval(new GetArrayItem(a, lit(0)), b));
        assertEquals(list(Arrays.asList(null, 1, 3), List.of(), null), eval(fn("sort_array", a), b));
        assertEquals(list(Arrays.asList(3, 1, null), List.of(), null), eval(fn("sort_array", a, lit(false, DataTypes.BooleanType)), b));
        assertEquals(List.of(1, 2), eval1(fn("array_distinct", fn("array", lit(1), lit(2), lit(1)))));
    }

    @Test
    void constructorsAndExtractors() {
        Expression arr = fn("array", lit(1), lit(2));
        assertEquals(List.of(1, 2), eval1(arr));
        assertEquals("array(1, 2)", arr.sql());
        AttributeReference x = new AttributeReference("x", DataTypes.IntegerType, true);
        Expression s = fn("struct", x, lit(2));
        assertEquals(List.of("x", "col2"), ((StructType) s.dataType()).fieldNames());
        Expression struct = fn("named_struct", lit("a", DataTypes.StringType), lit(1), lit("b", DataTypes.StringType), lit("z", DataTypes.StringType));
        assertEquals("z", eval1(new GetStructField(struct, "B")));
        assertEquals(DataTypes.StringType, new GetStructField(struct, "b").dataType());
        assertEquals("FIELD_NOT_FOUND", new GetStructField(struct, "c").checkInputDataTypes().subClass());
        Expression m = fn("map", lit("k", DataTypes.StringType), lit(1));
        assertEquals(new MapType(DataTypes.StringType, DataTypes.IntegerType, false), m.dataType());
        Map<Object, Object> expected = new LinkedHashMap<>();
        expected.put("k", 1);
        assertEquals(expected, eval1(m));
        assertEquals(1, eval1(new GetMapValue(m, lit("k", DataTypes.StringType))));
        assertNull(eval1(new GetMapValue(m, lit("q", DataTypes.StringType))));
        assertEquals(1, eval1(fn("element_at", m, lit("k", DataTypes.StringType))));
    }
}
