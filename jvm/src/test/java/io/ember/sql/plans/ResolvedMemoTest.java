package io.ember.sql.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvedMemoTest {
    /** A leaf that counts how often its resolution is computed. */
    private static final class Counting extends Expression {
        int computed;

        @Override
        protected boolean computeResolved() {
            computed++;
            return true;
        }

        @Override
        public DataType dataType() {
            return DataTypes.BooleanType;
        }

        @Override
        public boolean nullable() {
            return false;
        }

        @Override
        public ColumnVector eval(ColumnBatch batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String sql() {
            return "counting";
        }

        @Override
        public List<Expression> children() {
            return List.of();
        }

        @Override
        protected Expression withNewChildren(List<Expression> newChildren) {
            return this;
        }

        @Override
        protected List<Object> args() {
            return List.of(System.identityHashCode(this));
        }
    }

    @Test
    void resolutionIsComputedOncePerNodeHoweverOftenItIsAsked() {
        Counting c = new Counting();
        LogicalPlan leaf = new LocalRelation(List.of(new AttributeReference("a", DataTypes.LongType, false)), List.of());
        LogicalPlan plan = leaf;
        for (int i = 0; i < 50; i++) {
            plan = new Filter(c, plan);
        }
        for (int i = 0; i < 10; i++) {
            LogicalPlan p = plan;
            while (p instanceof Filter f) {
                assertTrue(f.resolved());
                p = f.child();
            }
        }
        assertEquals(1, c.computed, "the shared condition's resolution was recomputed");
    }
}
