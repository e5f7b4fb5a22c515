package io.ember.sql.expressions.lambda;

import static io.ember.sql.expressions.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaFunctionTest {
    private final FunctionRegistry registry = FunctionRegistry.builtin();
    private final ArrayType ints = new ArrayType(DataTypes.IntegerType);
    private final ColumnBatch b = batch(vec(ints, Arrays.asList(3, null, 1), List.of(), null, List.of(5)),
            vec(DataTypes.IntegerType, 10, 20, 30, 40));

    private Expression fn(String name, Expression... args) {
        return registry.lookup(name).orElseThrow().build(List.of(args), false);
    }

    private NamedLambdaVariable var(String name) {
        return new NamedLambdaVariable(name, DataTypes.IntegerType, true, ExprId.next(), false);
    }

    @Test
    void sqlLambdaTurnsItsParameterNamesIntoVariablesAndNestedParametersShadow() {
        Expression inner = LambdaFunction.fromSql(List.of("x"), new UnresolvedAttribute("x"));
        LambdaFunction outer = LambdaFunction.fromSql(List.of("x", "i"), new UnresolvedFunction("f",
                List.of(new UnresolvedAttribute("x"), new UnresolvedAttribute("i"), new UnresolvedAttribute("c"), inner), false));
        UnresolvedFunction body = (UnresolvedFunction) outer.body();
        assertSame(outer.arguments().get(0), body.children().get(0));
        assertSame(outer.arguments().get(1), body.children().get(1));
        assertInstanceOf(UnresolvedAttribute.class, body.children().get(2));
        LambdaFunction nested = (LambdaFunction) body.children().get(3);
        assertSame(nested.arguments().get(0), nested.body());
        assertNotSame(outer.arguments().get(0), nested.body());
        assertEquals("lambdafunction(x, x)", nested.sql());
        assertFalse(outer.bound());
    }

    @Test
    void bindingGivesTypesAndReplacesUsesWithTheBoundVariable() {
        LambdaFunction l = LambdaFunction.fromSql(List.of("x"), new UnresolvedAttribute("x"));
        LambdaFunction bound = l.bind(List.of(DataTypes.LongType), List.of(true));
        assertTrue(bound.bound());
        assertSame(bound.arguments().get(0), bound.body());
        assertEquals(DataTypes.LongType, bound.dataType());
    }

    @Test
    void transformEvaluatesTheBodyOverAllElementsWithOuterColumnsGathered() {
        NamedLambdaVariable x = var("x");
        Expression plusOuter = fn("+", x, col(1, DataTypes.IntegerType));
        Expression t = fn("transform", col(0, ints), new LambdaFunction(plusOuter, List.of(x)));
        assertEquals(list(Arrays.asList(13, null, 11), List.of(), null, List.of(45)), eval(t, b));
        assertEquals("transform(a0, lambdafunction((x + a1), x))".replace("a0", col(0, ints).sql()).replace("a1",
                col(1, DataTypes.IntegerType).sql()), t.sql());
    }

    @Test
    void nestedLambdasSeeOuterVariables() {
        NamedLambdaVariable x = var("x");
        NamedLambdaVariable y = var("y");
        Expression inner = fn("transform", col(0, ints), new LambdaFunction(fn("*", x, y), List.of(y)));
        Expression outer = fn("transform", col(0, ints), new LambdaFunction(inner, List.of(x)));
        assertEquals(List.of(Arrays.asList(9, null, 3), Arrays.asList(null, null, null), Arrays.asList(3, null, 1)), eval(outer, b).get(0));
        assertEquals(List.of(List.of(25)), eval(outer, b).get(3));
    }

    @Test
    void aggregateFoldsRowsInStepsAndExistsUsesThreeValuedLogic() {
        NamedLambdaVariable acc = var("acc");
        NamedLambdaVariable x = var("x");
        Expression sum = fn("aggregate", col(0, ints), lit(0), new LambdaFunction(fn("+", acc, fn("coalesce", x, lit(0))), List.of(acc, x)));
        assertEquals(list(4, 0, null, 5), eval(sum, b));
        NamedLambdaVariable e = var("e");
        assertEquals(list(null, false, null, true), eval(fn("exists", col(0, ints), new LambdaFunction(fn(">", e, lit(4)), List.of(e))), b));
        NamedLambdaVariable f = var("f");
        assertEquals(list(null, true, null, true), eval(fn("forall", col(0, ints), new LambdaFunction(fn(">", f, lit(0)), List.of(f))), b));
    }
}
