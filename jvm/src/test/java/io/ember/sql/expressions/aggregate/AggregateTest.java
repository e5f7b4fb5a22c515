package io.ember.sql.expressions.aggregate;

import static io.ember.sql.expressions.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.UnresolvedStar;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateTest {
    private final FunctionRegistry registry = FunctionRegistry.builtin();

    private AggregateFunction fn(String name, boolean distinct, Expression... args) {
        return (AggregateFunction) registry.lookup(name).orElseThrow().build(List.of(args), distinct);
    }

    /** Folds the rows in two partial states (split at {@code split}), merges their partials, and returns the results. */
    private static List<Object> run(AggregateFunction f, int[] groups, int numGroups, int split, ColumnVector... in) {
        int n = groups.length;
        AggregateState a = f.newState();
        AggregateState b = f.newState();
        a.update(java.util.Arrays.copyOf(groups, split), split, slice(in, 0, split));
        int[] rest = java.util.Arrays.copyOfRange(groups, split, n);
        b.update(rest, n - split, slice(in, split, n));
        AggregateState fin = f.newState();
        int[] ids = new int[numGroups];
        for (int i = 0; i < numGroups; i++) ids[i] = i;
        fin.merge(ids, numGroups, a.partials(numGroups));
        fin.merge(ids, numGroups, b.partials(numGroups));
        ColumnVector r = fin.result(numGroups);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < numGroups; i++) out.add(r.get(i));
        return out;
    }

    private static ColumnVector[] slice(ColumnVector[] in, int from, int to) {
        ColumnVector[] out = new ColumnVector[in.length];
        for (int c = 0; c < in.length; c++) {
            Object[] vals = new Object[to - from];
            for (int i = from; i < to; i++) vals[i - from] = in[c].get(i);
            out[c] = vec(in[c].dataType(), vals);
        }
        return out;
    }

    private final int[] groups = {0, 1, 0, 1, 2, 0};

    @Test
    void sumCountAvgMinMaxPerGroupAcrossPartials() {
        ColumnVector v = vec(DataTypes.IntegerType, 1, 10, 2, null, null, 3);
        Expression c = col(0, DataTypes.IntegerType);
        assertEquals(list(6L, 10L, null), run(fn("sum", false, c), groups, 3, 2, v));
        assertEquals(DataTypes.LongType, fn("sum", false, c).dataType());
        assertEquals(list(3L, 1L, 0L), run(fn("count", false, c), groups, 3, 2, v));
        assertEquals(list(3L, 2L, 1L), run(fn("count", false, new UnresolvedStar(List.of())), groups, 3, 2, vec(DataTypes.IntegerType, 1, 1, 1, 1, 1, 1)));
        assertEquals("count(1)", fn("count", false, new UnresolvedStar(List.of())).sql());
        assertEquals(list(2.0, 10.0, null), run(fn("avg", false, c), groups, 3, 2, v));
        assertEquals(list(1, 10, null), run(fn("min", false, c), groups, 3, 4, v));
        assertEquals(list(3, 10, null), run(fn("max", false, c), groups, 3, 4, v));
        assertEquals("avg(input[0])", fn("avg", false, c).sql());
    }

    @Test
    void doublesStringsAndDecimals() {
        ColumnVector d = vec(DataTypes.DoubleType, 1.5, Double.NaN, 2.0, 1.0, null, 0.5);
        Expression dc = col(0, DataTypes.DoubleType);
        assertEquals(DataTypes.DoubleType, fn("sum", false, dc).dataType());
        List<Object> max = run(fn("max", false, dc), groups, 3, 3, d);
        assertTrue(Double.isNaN((Double) max.get(1)));
        assertEquals(2.0, max.get(0));
        ColumnVector s = vec(DataTypes.StringType, "b", "x", "a", "y", null, "c");
        assertEquals(list("a", "x", null), run(fn("min", false, col(0, DataTypes.StringType)), groups, 3, 3, s));
        DecimalType dt = new DecimalType(5, 2);
        ColumnVector dec = vec(dt, new BigDecimal("1.00"), new BigDecimal("2.00"), new BigDecimal("0.01"), null, null, new BigDecimal("0.02"));
        AggregateFunction sum = fn("sum", false, col(0, dt));
        assertEquals(new DecimalType(15, 2), sum.dataType());
        assertEquals(list(new BigDecimal("1.03"), new BigDecimal("2.00"), null), run(sum, groups, 3, 3, dec));
        AggregateFunction avg = fn("avg", false, col(0, dt));
        assertEquals(new DecimalType(9, 6), avg.dataType());
        assertEquals(list(new BigDecimal("0.343333"), new BigDecimal("2.000000"), null), run(avg, groups, 3, 3, dec));
    }

    @Test
    void distinctAggregatesFoldEachValueOnce() {
        ColumnVector v = vec(DataTypes.LongType, 5L, 1L, 5L, 1L, null, 7L);
        Expression c = col(0, DataTypes.LongType);
        AggregateFunction cd = fn("count", true, c);
        assertEquals("count(DISTINCT input[0])", cd.sql());
        assertEquals(list(2L, 1L, 0L), run(cd, groups, 3, 3, v));
        assertEquals(list(12L, 1L, null), run(fn("sum", true, c), groups, 3, 1, v));
        DataType t = cd.stateTypes().get(0);
        assertEquals("array<bigint>", t.simpleString());
    }

    @Test
    void firstLastCollectAndMoments() {
        ColumnVector v = vec(DataTypes.IntegerType, null, 10, 2, 11, null, 3);
        Expression c = col(0, DataTypes.IntegerType);
        assertEquals(list(null, 10, null), run(fn("first", false, c), groups, 3, 3, v));
        assertEquals(list(2, 10, null), run(fn("first", false, c, io.ember.sql.expressions.Exprs.lit(true, DataTypes.BooleanType)), groups, 3, 3, v));
        assertEquals(list(3, 11, null), run(fn("last", false, c), groups, 3, 3, v));
        assertEquals(list(list(2, 3), list(10, 11), list()), run(fn("collect_list", false, c), groups, 3, 3, v));
        ColumnVector dup = vec(DataTypes.IntegerType, 1, 10, 1, 10, 5, 2);
        assertEquals(list(list(1, 2), list(10), list(5)), run(fn("collect_set", false, c), groups, 3, 3, dup));
        ColumnVector d = vec(DataTypes.DoubleType, 2.0, 1.0, 4.0, 3.0, 7.0, 9.0);
        Expression dc = col(0, DataTypes.DoubleType);
        List<Object> var = run(fn("var_samp", false, dc), groups, 3, 2, d);
        assertEquals(13.0, (Double) var.get(0), 1e-12);
        assertEquals(2.0, (Double) var.get(1), 1e-12);
        assertNull(var.get(2));
        assertEquals(Math.sqrt(26.0 / 3), (Double) run(fn("stddev_pop", false, dc), groups, 3, 4, d).get(0), 1e-12);
        assertEquals("stddev(input[0])", fn("stddev", false, dc).sql());
    }
}
