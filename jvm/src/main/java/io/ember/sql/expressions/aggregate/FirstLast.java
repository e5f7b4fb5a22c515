package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnVector;
import java.util.Arrays;
import java.util.List;

/**
 * {@code first(e)} / {@code last(e)}: the first or last value a group sees (in input order, so
 * not deterministic across shuffles, as in Spark), skipping nulls when {@code ignoreNulls}.
 * Partial state: (value, whether a value was taken).
 */
public final class FirstLast extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final Expression child;
    private final boolean last;
    private final boolean ignoreNulls;
    private final String name;

    public FirstLast(Expression child, boolean last, boolean ignoreNulls) {
        this(child, last, ignoreNulls, last ? "last" : "first");
    }

    /** Named {@code name} in SQL text ({@code first_value(v)} and {@code last_value(v)} are the same functions). */
    public FirstLast(Expression child, boolean last, boolean ignoreNulls, String name) {
        this.child = child;
        this.last = last;
        this.ignoreNulls = ignoreNulls;
        this.name = name;
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
    public boolean deterministic() {
        return false;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(child.dataType(), DataTypes.BooleanType);
    }

    @Override
    public AggregateState newState() {
        return new State();
    }

    @Override
    public String sql() {
        return name + "(" + child.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new FirstLast(c.get(0), last, ignoreNulls, name);
    }

    @Override
    protected List<Object> args() {
        return List.of(last, ignoreNulls, name);
    }

    private final class State extends GroupedState {
        private Object[] values = new Object[0];
        private boolean[] set = new boolean[0];

        @Override
        protected void resize(int c) {
            values = Arrays.copyOf(values, c);
            set = Arrays.copyOf(set, c);
        }

        private void offer(int k, Object v) {
            if (ignoreNulls && v == null) return;
            if (last || !set[k]) {
                values[k] = v;
                set[k] = true;
            }
        }

        @Override
        public void update(int[] g, int n, ColumnVector[] inputs) {
            ensure(g, n);
            for (int i = 0; i < n; i++) offer(g[i], inputs[0].get(i));
        }

        @Override
        public void merge(int[] g, int n, ColumnVector[] partials) {
            ensure(g, n);
            BooleanVector had = Vectors.booleans(partials[1]);
            for (int i = 0; i < n; i++) {
                if (!had.values[i]) continue;
                int k = g[i];
                if (last || !set[k]) {
                    values[k] = partials[0].get(i);
                    set[k] = true;
                }
            }
        }

        @Override
        public ColumnVector[] partials(int numGroups) {
            ensure(numGroups);
            return new ColumnVector[] {result(numGroups),
                new BooleanVector(DataTypes.BooleanType, Arrays.copyOf(set, numGroups), null)};
        }

        @Override
        public ColumnVector result(int numGroups) {
            ensure(numGroups);
            return Vectors.fromObjects(dataType(), Arrays.copyOf(values, numGroups));
        }

        @Override
        public long sizeInBytes() {
            return (9L + dataType().defaultSize()) * capacity;
        }
    }
}
