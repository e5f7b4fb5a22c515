package io.ember.sql.expressions;

import static io.ember.sql.expressions.Exprs.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.StringVector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Comparisons with a constant operand (the scalar kernels) answer exactly as the same
 * comparison against a column holding the constant (the general path), on random data with
 * nulls, edge values, dictionary-encoded strings and empty batches, constant on either side.
 */
class ScalarComparisonsTest {
    private static final List<BiFunction<Expression, Expression, Expression>> OPS = List.of(
            EqualTo::new, LessThan::new, LessThanOrEqual::new, GreaterThan::new, GreaterThanOrEqual::new);
    private final Random random = new Random(42);

    @Test
    void intsLongsDatesAndDoubles() {
        Object[] ints = {0, 1, -1, 7, Integer.MIN_VALUE, Integer.MAX_VALUE, null};
        Object[] longs = {0L, 3L, -3L, Long.MIN_VALUE, Long.MAX_VALUE, null};
        Object[] doubles = {0.0, -0.0, 1.5, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null};
        for (Object c : new Object[] {0, 7, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            check(DataTypes.IntegerType, ints, c);
            check(DataTypes.DateType, ints, c);
        }
        for (Object c : new Object[] {0L, -3L, Long.MIN_VALUE, Long.MAX_VALUE}) {
            check(DataTypes.LongType, longs, c);
        }
        for (Object c : new Object[] {0.0, -0.0, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            check(DataTypes.DoubleType, doubles, c);
        }
    }

    @Test
    void decimalsAtTheColumnsScaleAndFiner() {
        DecimalType t = new DecimalType(15, 2);
        Object[] values = {new BigDecimal("0.05"), new BigDecimal("0.06"), new BigDecimal("-1.00"),
                new BigDecimal("9999999999999.99"), null};
        for (String c : new String[] {"0.05", "0.06", "24.00", "0.055", "-1", "9999999999999.99"}) {
            check(t, values, new BigDecimal(c), () -> {
                long[] u = new long[values.length];
                boolean[] nulls = new boolean[values.length];
                for (int i = 0; i < u.length; i++) {
                    if (values[i] == null) nulls[i] = true;
                    else u[i] = ((BigDecimal) values[i]).movePointRight(2).longValueExact();
                }
                return new DecimalVector(t, u, nulls);
            });
        }
    }

    @Test
    void stringsPlainAndDictionaryEncoded() {
        Object[] strings = {"AIR", "AIR REG", "MAIL", "", "\uffff", "\ud83d\ude00", null};
        for (String c : new String[] {"AIR", "MAIL", "", "B", "\ud83d\ude00"}) {
            check(DataTypes.StringType, strings, c);
            StringVector dictionary = new StringVector(new String[] {"AIR", "MAIL", null, "\uffff", "\ud83d\ude00", ""});
            check(DataTypes.StringType, strings, c, () -> {
                int n = 200;
                int[] codes = new int[n];
                for (int i = 0; i < n; i++) codes[i] = random.nextInt(dictionary.size() + 1) - 1;
                return new DictionaryVector(codes, dictionary);
            });
        }
    }

    @Test
    void anotherDictionaryIsNotAnsweredFromTheFirst() {
        Expression eq = new EqualTo(col(0, DataTypes.StringType), lit("b", DataTypes.StringType));
        ColumnVector first = new DictionaryVector(new int[] {0, 1}, new StringVector(new String[] {"a", "b"}));
        ColumnVector second = new DictionaryVector(new int[] {0, 1}, new StringVector(new String[] {"b", "a"}));
        assertEquals(list(false, true), eval(eq, batch(first)));
        assertEquals(list(true, false), eval(eq, batch(second)));
        assertEquals(list(false, true), eval(eq, batch(first)));
    }

    private void check(DataType t, Object[] pool, Object constant) {
        check(t, pool, constant, () -> {
            int n = 300;
            Object[] v = new Object[n];
            for (int i = 0; i < n; i++) v[i] = pool[random.nextInt(pool.length)];
            return vec(t, v);
        });
    }

    private void check(DataType t, Object[] pool, Object constant, java.util.function.Supplier<ColumnVector> column) {
        for (ColumnVector v : new ColumnVector[] {column.get(), ColumnVectors.allocate(t, 0)}) {
            int n = v.size();
            ColumnBatch b = new ColumnBatch(new ColumnVector[] {v, ColumnVectors.constant(t, constant, n)}, n);
            Expression x = col(0, t);
            Expression k = col(1, t);
            Literal c = lit(constant, t);
            for (BiFunction<Expression, Expression, Expression> op : OPS) {
                String what = op.apply(x, c).sql() + " with " + constant + " over " + v.getClass().getSimpleName();
                assertEquals(eval(op.apply(x, k), b), eval(op.apply(x, c), b), what);
                assertEquals(eval(op.apply(k, x), b), eval(op.apply(c, x), b), "flipped " + what);
            }
        }
    }

    @SuppressWarnings("unused")
    private static List<Object> values(ColumnVector v) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) out.add(v.get(i));
        return out;
    }
}
