package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.LongVector;
import java.util.Arrays;
import java.util.List;

/** {@code count(e1, ...)}: rows where every argument is non-null; {@code count(*)} is {@code count(1)}. Never null. */
public final class Count extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final List<Expression> args;

    public Count(List<Expression> args) {
        this.args = List.copyOf(args);
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
    public List<DataType> stateTypes() {
        return List.of(DataTypes.LongType);
    }

    @Override
    public AggregateState newState() {
        return new State();
    }

    @Override
    public String sql() {
        return FunctionCalls.sql("count", args);
    }

    @Override
    public List<Expression> children() {
        return args;
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new Count(c);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }

    private static final class State extends GroupedState {
        private long[] counts = new long[0];

        @Override
        protected void resize(int c) {
            counts = Arrays.copyOf(counts, c);
        }

        @Override
        public void update(int[] g, int n, ColumnVector[] inputs) {
            ensure(g, n);
            boolean[] nulls = null;
            for (ColumnVector in : inputs) {
                nulls = Vectors.union(nulls, Vectors.nulls(in));
            }
            if (nulls == null) {
                for (int i = 0; i < n; i++) counts[g[i]]++;
            } else {
                for (int i = 0; i < n; i++) {
                    if (!nulls[i]) counts[g[i]]++;
                }
            }
        }

        @Override
        public void merge(int[] g, int n, ColumnVector[] partials) {
            ensure(g, n);
            long[] p = Vectors.longs(partials[0]).values;
            for (int i = 0; i < n; i++) counts[g[i]] += p[i];
        }

        @Override
        public ColumnVector[] partials(int numGroups) {
            return new ColumnVector[] {result(numGroups)};
        }

        @Override
        public ColumnVector result(int numGroups) {
            ensure(numGroups);
            return new LongVector(DataTypes.LongType, Arrays.copyOf(counts, numGroups), null);
        }

        @Override
        public long sizeInBytes() {
            return 8L * capacity;
        }
    }
}
