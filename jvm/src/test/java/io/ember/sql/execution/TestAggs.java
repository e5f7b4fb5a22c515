package io.ember.sql.execution;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.LongVector;
import java.util.Arrays;
import java.util.List;

/**
 * Test doubles of {@code sum(long)} and {@code count(x)} / {@code count(*)}: one long state
 * column each (sum's null while the group saw no value), groups grown on demand and groups
 * never updated reported as empty.
 */
final class TestAggs {
    private TestAggs() {}

    static final class Sum extends AggregateFunction {
        private static final long serialVersionUID = 1L;
        private final Expression child;

        Sum(Expression child) {
            this.child = child;
        }

        @Override
        public List<DataType> stateTypes() {
            return List.of(DataTypes.LongType);
        }

        @Override
        public AggregateState newState() {
            return new LongState(true);
        }

        @Override
        public DataType dataType() {
            return DataTypes.LongType;
        }

        @Override
        public boolean nullable() {
            return true;
        }

        @Override
        public String sql() {
            return "sum(" + child.sql() + ")";
        }

        @Override
        public List<Expression> children() {
            return List.of(child);
        }

        @Override
        protected Expression withNewChildren(List<Expression> c) {
            return new Sum(c.get(0));
        }

        @Override
        protected List<Object> args() {
            return List.of();
        }
    }

    /** count(child), or count(*) with no child. */
    static final class Count extends AggregateFunction {
        private static final long serialVersionUID = 1L;
        private final List<Expression> children;

        Count(List<Expression> children) {
            this.children = List.copyOf(children);
        }

        @Override
        public List<DataType> stateTypes() {
            return List.of(DataTypes.LongType);
        }

        @Override
        public AggregateState newState() {
            return new LongState(false);
        }

        @Override
        public DataType dataType() {
            return DataTypes.LongType;
        }

        @Override
        public boolean nullable() {
            return false;
        }

        @Override
        public String sql() {
            return children.isEmpty() ? "count(1)" : "count(" + children.get(0).sql() + ")";
        }

        @Override
        public List<Expression> children() {
            return children;
        }

        @Override
        protected Expression withNewChildren(List<Expression> c) {
            return new Count(c);
        }

        @Override
        protected List<Object> args() {
            return List.of();
        }
    }

    /** A long per group: sums values (sum) or counts non-null rows (count). */
    static final class LongState implements AggregateState {
        private final boolean sum;
        private long[] values = new long[16];
        private boolean[] seen = new boolean[16];

        LongState(boolean sum) {
            this.sum = sum;
        }

        private void ensure(int g) {
            if (g >= values.length) {
                int n = Math.max(values.length * 2, g + 1);
                values = Arrays.copyOf(values, n);
                seen = Arrays.copyOf(seen, n);
            }
        }

        @Override
        public void update(int[] groupIds, int numRows, ColumnVector[] inputs) {
            for (int r = 0; r < numRows; r++) {
                int g = groupIds[r];
                ensure(g);
                if (inputs.length > 0 && inputs[0].isNull(r)) {
                    continue;
                }
                values[g] += sum ? inputs[0].getLong(r) : 1;
                seen[g] = true;
            }
        }

        @Override
        public void merge(int[] groupIds, int numRows, ColumnVector[] partials) {
            for (int r = 0; r < numRows; r++) {
                int g = groupIds[r];
                ensure(g);
                if (!partials[0].isNull(r)) {
                    values[g] += partials[0].getLong(r);
                    seen[g] = true;
                }
            }
        }

        @Override
        public ColumnVector[] partials(int numGroups) {
            return new ColumnVector[] {result(numGroups)};
        }

        @Override
        public ColumnVector result(int numGroups) {
            ensure(numGroups);
            LongVector out = new LongVector(DataTypes.LongType, numGroups);
            for (int g = 0; g < numGroups; g++) {
                if (sum && !seen[g]) {
                    out.setNull(g);
                } else {
                    out.set(g, values[g]);
                }
            }
            return out;
        }

        @Override
        public long sizeInBytes() {
            return 9L * values.length;
        }
    }
}
