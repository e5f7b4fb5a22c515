package io.ember.sql.execution;

import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.expressions.And;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.BinaryArithmetic;
import io.ember.sql.expressions.Divide;
import io.ember.sql.expressions.EqualTo;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.GreaterThan;
import io.ember.sql.expressions.LessThan;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.Not;
import io.ember.sql.expressions.Or;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A filter applying conjuncts on a shrinking selection keeps exactly the rows the whole
 * condition holds true for, hands on only the columns asked for, and never evaluates a later
 * conjunct on a row an earlier one dropped (as Spark's generated filter code).
 */
class ConjunctFilterTest {
    private final AttributeReference a = new AttributeReference("a", DataTypes.LongType, true);
    private final AttributeReference b = new AttributeReference("b", DataTypes.IntegerType, true);
    private final AttributeReference s = new AttributeReference("s", DataTypes.StringType, true);
    private final AttributeReference d = new AttributeReference("d", DataTypes.DoubleType, true);
    private final List<AttributeReference> input = List.of(a, b, s, d);
    private final Random random = new Random(7);

    @Test
    void keepsTheRowsTheWholeConditionHoldsFor() {
        Expression cond = new And(new And(new GreaterThan(a, lit(10L, a)), new Or(new LessThan(b, lit(50, b)),
                new EqualTo(s, lit("x", s)))), new Not(new EqualTo(s, lit("y", s))));
        Expression whole = BindReferences.bind(cond, input);
        ConjunctFilter split = new ConjunctFilter(cond, input);
        assertEquals(3, split.size());
        List<ColumnBatch> batches = new ArrayList<>();
        for (int n : new int[] {0, 1, 17, 1000, 4096}) {
            batches.add(randomBatch(n));
        }
        List<ColumnBatch> got = drain(FilterExec.filter(split, null, batches.iterator()));
        List<ColumnBatch> want = new ArrayList<>();
        int[] rows = new int[4096];
        for (ColumnBatch x : batches) {
            int kept = VectorOps.selectTrue(whole.eval(x), x.numRows(), rows);
            if (kept > 0) want.add(VectorOps.gather(x, rows, kept));
        }
        assertEquals(rowsOf(want, new int[] {0, 1, 2, 3}), rowsOf(got, new int[] {0, 1, 2, 3}));
        List<ColumnBatch> narrowed = drain(FilterExec.filter(split, new int[] {3, 0}, batches.iterator()));
        assertEquals(rowsOf(want, new int[] {3, 0}), rowsOf(narrowed, new int[] {0, 1}));
        assertEquals(2, narrowed.get(0).numColumns());
    }

    @Test
    void aLaterConjunctDoesNotSeeRowsAnEarlierOneDropped() {
        Expression divide = new Divide(lit(10.0, d), d).withMode(BinaryArithmetic.Mode.ANSI);
        Expression cond = new And(new Not(new EqualTo(d, lit(0.0, d))), new GreaterThan(divide, lit(1.0, d)));
        ColumnBatch x = new ColumnBatch(new ColumnVector[] {
                new LongVector(DataTypes.LongType, new long[3], null), new IntVector(DataTypes.IntegerType, new int[3], null),
                new StringVector(new String[3]), new DoubleVector(DataTypes.DoubleType, new double[] {0.0, 2.0, 20.0}, null)}, 3);
        List<ColumnBatch> got = drain(FilterExec.filter(new ConjunctFilter(cond, input), new int[] {3}, List.of(x).iterator()));
        assertEquals(1, got.size());
        assertEquals(1, got.get(0).numRows());
        assertEquals(2.0, got.get(0).column(0).getDouble(0));
    }

    @Test
    void everyRowPassingHandsTheBatchOnUncopied() {
        ColumnBatch x = randomBatch(50);
        Expression cond = new And(new Not(new EqualTo(a, lit(-1L, a))), new Not(new EqualTo(a, lit(-2L, a))));
        ColumnBatch nonNull = new ColumnBatch(new ColumnVector[] {
                new LongVector(DataTypes.LongType, new long[50], null), x.column(1), x.column(2), x.column(3)}, 50);
        List<ColumnBatch> got = drain(FilterExec.filter(new ConjunctFilter(cond, input), null, List.of(nonNull).iterator()));
        assertSame(nonNull, got.get(0));
    }

    private static Literal lit(Object v, AttributeReference like) {
        return new Literal(v, like.dataType());
    }

    private ColumnBatch randomBatch(int n) {
        long[] av = new long[n];
        int[] bv = new int[n];
        String[] sv = new String[n];
        double[] dv = new double[n];
        boolean[] an = new boolean[n];
        boolean[] bn = new boolean[n];
        String[] pool = {"x", "y", "z", null};
        for (int i = 0; i < n; i++) {
            av[i] = random.nextInt(30);
            an[i] = random.nextInt(10) == 0;
            bv[i] = random.nextInt(100);
            bn[i] = random.nextInt(10) == 0;
            sv[i] = pool[random.nextInt(pool.length)];
            dv[i] = random.nextDouble();
        }
        return new ColumnBatch(new ColumnVector[] {new LongVector(DataTypes.LongType, av, an),
                new IntVector(DataTypes.IntegerType, bv, bn), new StringVector(sv),
                new DoubleVector(DataTypes.DoubleType, dv, null)}, n);
    }

    private static List<ColumnBatch> drain(Iterator<ColumnBatch> it) {
        List<ColumnBatch> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static List<List<Object>> rowsOf(List<ColumnBatch> batches, int[] cols) {
        List<List<Object>> out = new ArrayList<>();
        for (ColumnBatch x : batches) {
            for (int r = 0; r < x.numRows(); r++) {
                List<Object> row = new ArrayList<>();
                for (int c : cols) row.add(x.column(c).get(r));
                out.add(row);
            }
        }
        return out;
    }
}
