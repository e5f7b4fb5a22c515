package io.ember.sql.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsFilterTest {
    private final AttributeReference i = new AttributeReference("i", DataTypes.IntegerType, true);
    private final AttributeReference s = new AttributeReference("s", DataTypes.StringType, true);
    private final AttributeReference d = new AttributeReference("d", DataTypes.DoubleType, true);
    private final List<AttributeReference> output = List.of(i, s, d);

    /** A batch with i in [10, 20] plus one null, s in ["b", "d"], d in [-0.0, 1.5]. */
    private CachedBatch batch() {
        Object[][] rows = {{10, "b", -0.0}, {20, "d", 1.5}, {null, "c", 0.5}};
        ColumnVector[] cols = new ColumnVector[3];
        for (int c = 0; c < 3; c++) {
            cols[c] = ColumnVectors.allocate(output.get(c).dataType(), rows.length);
            for (int r = 0; r < rows.length; r++) {
                ColumnVectors.set(cols[c], r, rows[r][c]);
            }
        }
        return CachedBatch.of(new ColumnBatch(cols, rows.length));
    }

    private boolean mightMatch(Expression... conjuncts) {
        return StatsFilter.of(List.of(conjuncts), output).mightMatch(batch());
    }

    private static Expression cmp(String op, Expression a, Expression b) {
        return new TestComparison(op, a, b);
    }

    private static Literal lit(Object v, DataType t) {
        return new Literal(v, t);
    }

    private static Literal lit(int v) {
        return new Literal(v, DataTypes.IntegerType);
    }

    @Test
    void comparisonsSkipBatchesOutsideTheRange() {
        assertFalse(mightMatch(cmp("GreaterThan", i, lit(20))));
        assertTrue(mightMatch(cmp("GreaterThan", i, lit(19))));
        assertFalse(mightMatch(cmp("LessThan", i, lit(10))));
        assertTrue(mightMatch(cmp("LessThanOrEqual", i, lit(10))));
        assertFalse(mightMatch(cmp("EqualTo", i, lit(21))));
        assertTrue(mightMatch(cmp("EqualTo", i, lit(15))));
        assertFalse(mightMatch(cmp("GreaterThanOrEqual", i, lit(21))));
    }

    @Test
    void aLiteralOnTheLeftFlipsTheComparison() {
        assertFalse(mightMatch(cmp("LessThan", lit(20), i)), "20 < i");
        assertTrue(mightMatch(cmp("GreaterThan", lit(11), i)), "11 > i");
    }

    @Test
    void stringsCompareByCodePoint() {
        assertFalse(mightMatch(cmp("EqualTo", s, lit("a", DataTypes.StringType))));
        assertFalse(mightMatch(cmp("GreaterThan", s, lit("d", DataTypes.StringType))));
        assertTrue(mightMatch(cmp("GreaterThan", s, lit("c\uD83D\uDE00", DataTypes.StringType))));
    }

    @Test
    void negativeZeroEqualsZero() {
        assertTrue(mightMatch(cmp("EqualTo", d, lit(0.0, DataTypes.DoubleType))));
        assertFalse(mightMatch(cmp("LessThan", d, lit(0.0, DataTypes.DoubleType))));
    }

    @Test
    void widenedColumnsUseTheCastStatistics() {
        Expression widened = new TestCast(i, DataTypes.DoubleType);
        assertFalse(mightMatch(cmp("GreaterThan", widened, lit(20.5, DataTypes.DoubleType))));
        assertTrue(mightMatch(cmp("GreaterThan", widened, lit(19.5, DataTypes.DoubleType))));
        Expression narrowed = new TestCast(i, DataTypes.ByteType);
        assertTrue(mightMatch(cmp("GreaterThan", narrowed, lit(100, DataTypes.ByteType))), "not monotone: ignored");
    }

    @Test
    void nullChecksInListsAndBooleanCombinations() {
        assertTrue(mightMatch(new TestComparison("IsNull", i)));
        assertFalse(mightMatch(new TestComparison("IsNull", s)));
        assertTrue(mightMatch(new TestComparison("IsNotNull", i)));
        assertFalse(mightMatch(new TestComparison("In", i, lit(1), lit(30))));
        assertTrue(mightMatch(new TestComparison("In", i, lit(1), lit(12))));
        assertFalse(mightMatch(new TestComparison("Or", cmp("LessThan", i, lit(5)), cmp("GreaterThan", i, lit(50)))));
        assertTrue(mightMatch(new TestComparison("Or", cmp("LessThan", i, lit(5)), cmp("GreaterThan", i, lit(15)))));
        assertFalse(mightMatch(new TestComparison("And", cmp("LessThan", i, lit(5)), new TestComparison("Unknown", i))));
        assertTrue(mightMatch(new TestComparison("Or", cmp("LessThan", i, lit(5)), new TestComparison("Unknown", i))),
                "an OR with an unknown side cannot skip");
        assertFalse(mightMatch(new TestComparison("Unknown", i), cmp("GreaterThan", i, lit(30))),
                "unknown conjuncts are ignored, known ones still skip");
    }

    /** A cast double: the stats filter knows casts by name. */
    private static final class TestCast extends Expression {
        private static final long serialVersionUID = 1L;
        private final Expression child;
        private final DataType to;

        TestCast(Expression child, DataType to) {
            this.child = child;
            this.to = to;
        }

        @Override
        public String nodeName() {
            return "Cast";
        }

        @Override
        public DataType dataType() {
            return to;
        }

        @Override
        public boolean nullable() {
            return true;
        }

        @Override
        public ColumnVector eval(ColumnBatch batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String sql() {
            return "CAST(" + child.sql() + ")";
        }

        @Override
        public List<Expression> children() {
            return List.of(child);
        }

        @Override
        protected Expression withNewChildren(List<Expression> c) {
            return new TestCast(c.get(0), to);
        }

        @Override
        protected List<Object> args() {
            return List.of(to);
        }
    }
}
