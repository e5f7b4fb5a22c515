package io.ember.python.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.PythonUDF;
import io.ember.sql.types.DataTypes;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonFunctionsTest {
    private static final String COMMAND = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});

    @Test
    void registeredNameBuildsPythonUdfCallsUntilDropped() {
        FunctionRegistry registry = FunctionRegistry.builtin();
        PythonFunctions functions = new PythonFunctions(registry);
        assertTrue(functions.register("Times_Ten", COMMAND, "bigint", false));
        Expression call = registry.lookup("times_ten").orElseThrow()
                .build(List.of(new Literal(1L, DataTypes.LongType)), false);
        PythonUDF udf = assertInstanceOf(PythonUDF.class, call);
        assertEquals("Times_Ten", udf.name());
        assertEquals(DataTypes.LongType, udf.dataType());
        assertFalse(udf.udfDeterministic());
        assertTrue(functions.register("times_ten", COMMAND, "int", true));   // replaced
        functions.drop("TIMES_TEN");
        assertTrue(registry.lookup("times_ten").isEmpty());
    }

    @Test
    void builtinNamesAreLeftAlone() {
        FunctionRegistry registry = FunctionRegistry.builtin();
        PythonFunctions functions = new PythonFunctions(registry);
        assertFalse(functions.register("upper", COMMAND, "string", true));
        functions.drop("upper");
        assertTrue(registry.lookup("upper").isPresent());
        Expression call = registry.lookup("upper").orElseThrow()
                .build(List.of(new Literal("a", DataTypes.StringType)), false);
        assertFalse(call instanceof PythonUDF);
    }
}
