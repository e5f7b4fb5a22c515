package io.ember.sql.expressions.subquery;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.LongVector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The value of a scalar subquery that is not an aggregate: its one row's value, null for no
 * row, and Spark's {@code SCALAR_SUBQUERY_TOO_MANY_ROWS} when a group sees a second row. The
 * optimizer puts it over such a subquery so the subquery runs as an aggregate joined to the
 * outer query. Partial state: (value, rows seen).
 */
public final class SingleValue extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final Expression child;

    public SingleValue(Expression child) {
        this.child = child;
    }

    static ExpressionEvalException tooManyRows() {
        return new ExpressionEvalException("SCALAR_SUBQUERY_TOO_MANY_ROWS",
                "More than one row returned by a subquery used as an expression.", Map.of());
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(child.dataType(), DataTypes.LongType);
    }

    @Override
    public AggregateState newState() {
        return new State(child.dataType());
    }

    @Override
    public String sql() {
        return "single_value(" + child.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new SingleValue(c.get(0));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }

    /** One task's groups; not thread-safe. */
    private static final class State implements AggregateState {
        private final DataType type;
        private Object[] values = new Object[16];
        private long[] rows = new long[16];

        State(DataType type) {
            this.type = type;
        }

        private void ensure(int groups) {
            if (groups > values.length) {
                int c = Math.max(groups, values.length * 2);
                values = Arrays.copyOf(values, c);
                rows = Arrays.copyOf(rows, c);
            }
        }

        private void add(int g, Object v, long n) {
            ensure(g + 1);
            rows[g] += n;
            if (rows[g] > 1) {
                throw tooManyRows();
            }
            if (n > 0) {
                values[g] = v;
            }
        }

        @Override
        public void update(int[] groupIds, int numRows, ColumnVector[] inputs) {
            for (int i = 0; i < numRows; i++) {
                add(groupIds[i], inputs[0].get(i), 1);
            }
        }

        @Override
        public void merge(int[] groupIds, int numRows, ColumnVector[] partials) {
            LongVector counts = Vectors.longs(partials[1]);
            for (int i = 0; i < numRows; i++) {
                add(groupIds[i], partials[0].get(i), counts.values[i]);
            }
        }

        @Override
        public ColumnVector[] partials(int numGroups) {
            ensure(numGroups);
            return new ColumnVector[] {result(numGroups), new LongVector(DataTypes.LongType, Arrays.copyOf(rows, numGroups), null)};
        }

        @Override
        public ColumnVector result(int numGroups) {
            ensure(numGroups);
            return Vectors.fromObjects(type, Arrays.copyOf(values, numGroups));
        }

        @Override
        public long sizeInBytes() {
            return (16L + type.defaultSize()) * values.length;
        }
    }
}
