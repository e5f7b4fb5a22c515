package io.ember.sql.execution;

import static io.ember.sql.expressions.Exprs.batch;
import static io.ember.sql.expressions.Exprs.col;
import static io.ember.sql.expressions.Exprs.eval;
import static io.ember.sql.expressions.Exprs.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.sql.expressions.Add;
import io.ember.sql.expressions.CaseWhen;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.GreaterThan;
import io.ember.sql.expressions.Multiply;
import io.ember.sql.expressions.Subtract;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.LongVector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link CommonSubexpressions}: what is hoisted, and that the rewritten expressions give the same values. */
class CommonSubexpressionsTest {
    private static final DecimalType D152 = new DecimalType(15, 2);

    private static ColumnBatch decimals(Random rnd, int n) {
        long[][] v = new long[3][n];
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            v[0][i] = rnd.nextInt(10_000_000);
            v[1][i] = rnd.nextInt(11);
            v[2][i] = rnd.nextInt(9);
            nulls[i] = rnd.nextInt(20) == 0;
        }
        return batch(new DecimalVector(D152, v[0], nulls), new DecimalVector(D152, v[1], null),
                new DecimalVector(D152, v[2], null));
    }

    private static void sameValues(Expression[] roots, CommonSubexpressions cse, ColumnBatch raw) {
        Expression[] rewritten = cse.rewritten();
        ColumnBatch extended = cse.extend(raw);
        for (int i = 0; i < roots.length; i++) {
            assertEquals(eval(roots[i], raw), eval(rewritten[i], extended), roots[i].sql());
        }
    }

    @Test
    void tpchQ1sRevenueAndChargeShareTheirDiscountedPrice() {
        Expression price = col(0, D152);
        Expression one = lit(new java.math.BigDecimal("1"), new DecimalType(1, 0));
        Expression disc = new Multiply(price, new Subtract(one, col(1, D152)));
        Expression charge = new Multiply(disc, new Add(one, col(2, D152)));
        Expression[] roots = {price, disc, charge, col(1, D152)};
        CommonSubexpressions cse = CommonSubexpressions.of(roots, 3);
        assertEquals(2, cse.size(), "(1 - d) and p * (1 - d)");
        Expression[] rewritten = cse.rewritten();
        assertEquals(price, rewritten[0]);
        assertEquals(col(1, D152), rewritten[3]);
        Random rnd = new Random(5);
        sameValues(roots, cse, decimals(rnd, 1000));
        sameValues(roots, cse, decimals(rnd, 0));
    }

    @Test
    void nothingRepeatedLeavesTheBatchAlone() {
        Expression[] roots = {new Add(col(0, DataTypes.LongType), col(1, DataTypes.LongType)), col(0, DataTypes.LongType),
            new Add(lit(1), lit(2)), new Add(lit(1), lit(2))};
        CommonSubexpressions cse = CommonSubexpressions.of(roots, 2);
        assertEquals(0, cse.size(), "columns and constants are not hoisted");
        ColumnBatch b = batch(new LongVector(DataTypes.LongType, new long[] {1, 2}, null),
                new LongVector(DataTypes.LongType, new long[] {3, 4}, null));
        assertEquals(b, cse.extend(b));
    }

    @Test
    void aSubtreeOnlyUnderACaseIsNotEvaluatedOnRowsTheCaseSkips() {
        Expression x = col(0, DataTypes.IntegerType);
        Expression ratio = new Subtract(lit(10), x);   // stands for any kernel that may fail, as 10 / x under ANSI
        Expression guarded = new CaseWhen(List.<Expression[]>of(new Expression[] {new GreaterThan(x, lit(0)), ratio}),
                null);
        CommonSubexpressions onlyGuarded = CommonSubexpressions.of(new Expression[] {guarded, guarded}, 1);
        // the whole CASE repeats and is evaluated on every row: it is hoisted, the subtraction inside it is not
        assertEquals(1, onlyGuarded.size());
        CommonSubexpressions twoCases = CommonSubexpressions.of(new Expression[] {guarded,
            new CaseWhen(List.<Expression[]>of(new Expression[] {new GreaterThan(x, lit(1)), ratio}), null)}, 1);
        assertEquals(0, twoCases.size(), "10 - x appears only under conditions");
        CommonSubexpressions alsoBare = CommonSubexpressions.of(new Expression[] {guarded, new Add(ratio, lit(1))}, 1);
        assertEquals(1, alsoBare.size(), "10 - x is evaluated on every row by the second root anyway");
        ColumnBatch b = batch(new io.ember.sql.vector.IntVector(DataTypes.IntegerType, new int[] {0, 5, -2, 10}, null));
        sameValues(new Expression[] {guarded, new Add(ratio, lit(1))}, alsoBare, b);
    }

    @Test
    void nonDeterministicSubtreesAreNotShared() {
        Expression r = new io.ember.sql.expressions.misc.RandomFunction(
                io.ember.sql.expressions.misc.RandomFunction.Kind.RAND, "rand", List.of(lit(7L, DataTypes.LongType)));
        Expression sum = new Add(r, lit(1.0, DataTypes.DoubleType));
        assertEquals(0, CommonSubexpressions.of(new Expression[] {sum, sum}, 0).size());
    }
}
