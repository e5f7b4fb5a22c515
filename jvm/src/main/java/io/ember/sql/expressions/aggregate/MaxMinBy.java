package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.SqlOrdering;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@code max_by(x, ord)} / {@code min_by(x, ord)}: the value of x in the row whose ord is the
 * largest (smallest); rows with a null ord are skipped; the first such row wins ties. Partial
 * state: the chosen value and its ord.
 */
public final class MaxMinBy extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final Expression value;
    private final Expression ordering;
    private final boolean max;

    public MaxMinBy(Expression value, Expression ordering, boolean max) {
        this.value = value;
        this.ordering = ordering;
        this.max = max;
    }

    @Override
    public DataType dataType() {
        return value.dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(value.dataType(), ordering.dataType());
    }

    @Override
    public AggregateState newState() {
        return new State();
    }

    @Override
    public String sql() {
        return FunctionCalls.sql(max ? "max_by" : "min_by", List.of(value, ordering));
    }

    @Override
    public List<Expression> children() {
        return List.of(value, ordering);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new MaxMinBy(c.get(0), c.get(1), max);
    }

    @Override
    protected List<Object> args() {
        return List.of(max);
    }

    private final class State extends GroupedState {
        private final Comparator<Object> order = SqlOrdering.forType(ordering.dataType());
        private Object[] values = new Object[0];
        private Object[] ords = new Object[0];

        @Override
        protected void resize(int c) {
            values = Arrays.copyOf(values, c);
            ords = Arrays.copyOf(ords, c);
        }

        private void offer(int k, Object v, Object o) {
            if (o == null) return;
            if (ords[k] == null || (max ? order.compare(o, ords[k]) > 0 : order.compare(o, ords[k]) < 0)) {
                ords[k] = o;
                values[k] = v;
            }
        }

        @Override
        public void update(int[] g, int rows, ColumnVector[] in) {
            ensure(g, rows);
            for (int i = 0; i < rows; i++) offer(g[i], in[0].get(i), in[1].get(i));
        }

        @Override
        public void merge(int[] g, int rows, ColumnVector[] p) {
            update(g, rows, p);
        }

        @Override
        public ColumnVector[] partials(int groups) {
            ensure(groups);
            return new ColumnVector[] {Vectors.fromObjects(value.dataType(), Arrays.copyOf(values, groups)),
                    Vectors.fromObjects(ordering.dataType(), Arrays.copyOf(ords, groups))};
        }

        @Override
        public ColumnVector result(int groups) {
            ensure(groups);
            return Vectors.fromObjects(value.dataType(), Arrays.copyOf(values, groups));
        }

        @Override
        public long sizeInBytes() {
            return 32L * capacity;
        }
    }
}
