package io.ember.sql.expressions;

import static io.ember.sql.expressions.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredicateTest {
    private final ColumnBatch bools = batch(
            vec(DataTypes.BooleanType, true, true, true, false, false, false, null, null, null),
            vec(DataTypes.BooleanType, true, false, null, true, false, null, true, false, null));

    @Test
    void andOrFollowThreeValuedLogic() {
        Expression a = col(0, DataTypes.BooleanType);
        Expression b = col(1, DataTypes.BooleanType);
        assertEquals(list(true, false, null, false, false, false, null, false, null), eval(new And(a, b), bools));
        assertEquals(list(true, true, true, true, false, null, true, null, null), eval(new Or(a, b), bools));
        assertEquals(list(false, false, false, true, true, true, null, null, null), eval(new Not(a), bools));
        assertEquals("((input[0] AND input[1]) OR (NOT input[0]))", new Or(new And(a, b), new Not(a)).sql());
    }

    @Test
    void comparisonsOverEachRepresentation() {
        ColumnBatch b = batch(vec(DataTypes.IntegerType, 1, 2, null), vec(DataTypes.IntegerType, 2, 2, 1));
        Expression x = col(0, DataTypes.IntegerType);
        Expression y = col(1, DataTypes.IntegerType);
        assertEquals(list(true, false, null), eval(new LessThan(x, y), b));
        assertEquals(list(true, true, null), eval(new LessThanOrEqual(x, y), b));
        assertEquals(list(false, false, null), eval(new GreaterThan(x, y), b));
        assertEquals(list(false, true, null), eval(new GreaterThanOrEqual(x, y), b));
        assertEquals(list(false, true, null), eval(new EqualTo(x, y), b));
        assertEquals(list(false, true, false), eval(new EqualNullSafe(x, y), b));
        ColumnBatch s = batch(vec(DataTypes.StringType, "a", "b", "\uffff", null), vec(DataTypes.StringType, "b", "b", "\ud83d\ude00", null));
        assertEquals(list(true, false, true, null),
                eval(new LessThan(col(0, DataTypes.StringType), col(1, DataTypes.StringType)), s));
        assertEquals(list(false, true, false, true),
                eval(new EqualNullSafe(col(0, DataTypes.StringType), col(1, DataTypes.StringType)), s));
    }

    @Test
    void nanEqualsNanAndIsLargest() {
        ColumnBatch b = batch(vec(DataTypes.DoubleType, Double.NaN, Double.NaN, -0.0), vec(DataTypes.DoubleType, Double.NaN, 1e300, 0.0));
        Expression x = col(0, DataTypes.DoubleType);
        Expression y = col(1, DataTypes.DoubleType);
        assertEquals(list(true, false, true), eval(new EqualTo(x, y), b));
        assertEquals(list(false, true, false), eval(new GreaterThan(x, y), b));
    }

    @Test
    void nullTestsAndCoalesce() {
        ColumnBatch b = batch(vec(DataTypes.LongType, null, 2L, null), vec(DataTypes.LongType, 5L, 6L, null));
        Expression x = col(0, DataTypes.LongType);
        Expression y = col(1, DataTypes.LongType);
        assertEquals(list(true, false, true), eval(new IsNull(x), b));
        assertEquals(list(false, true, false), eval(new IsNotNull(x), b));
        assertEquals(list(5L, 2L, null), eval(new Coalesce(List.of(x, y)), b));
        assertEquals("(input[0] IS NOT NULL)", new IsNotNull(x).sql());
        assertEquals("coalesce(input[0], input[1])", new Coalesce(List.of(x, y)).sql());
    }

    @Test
    void inIsNullWhenNotFoundAndTheListHoldsNull() {
        ColumnBatch b = batch(vec(DataTypes.IntegerType, 1, 4, null));
        Expression x = col(0, DataTypes.IntegerType);
        In in = new In(x, List.of(lit(1), lit(2), lit(3)));
        assertEquals(list(true, false, null), eval(in, b));
        assertEquals("(input[0] IN (1, 2, 3))", in.sql());
        In withNull = new In(x, List.of(lit(1), lit(null, DataTypes.IntegerType)));
        assertEquals(list(true, null, null), eval(withNull, b));
        In columns = new In(x, List.of(col(0, DataTypes.IntegerType), lit(null, DataTypes.IntegerType)));
        assertEquals(list(true, true, null), eval(columns, b));
    }

    @Test
    void caseWhenTakesTheFirstTrueBranch() {
        ColumnBatch b = batch(vec(DataTypes.IntegerType, 1, 5, null, 10));
        Expression x = col(0, DataTypes.IntegerType);
        CaseWhen cw = new CaseWhen(List.of(
                new Expression[] {new GreaterThan(x, lit(8)), lit(100)},
                new Expression[] {new GreaterThan(x, lit(3)), x}), lit(0));
        assertEquals(list(0, 5, 0, 100), eval(cw, b));
        assertEquals("CASE WHEN (input[0] > 8) THEN 100 WHEN (input[0] > 3) THEN input[0] ELSE 0 END", cw.sql());
        CaseWhen noElse = new CaseWhen(List.<Expression[]>of(new Expression[] {new GreaterThan(x, lit(3)), x}), null);
        assertEquals(list(null, 5, null, 10), eval(noElse, b));
        CaseWhen badCond = new CaseWhen(List.<Expression[]>of(new Expression[] {x, x}), null);
        assertEquals("UNEXPECTED_INPUT_TYPE", badCond.checkInputDataTypes().subClass());
    }
}
