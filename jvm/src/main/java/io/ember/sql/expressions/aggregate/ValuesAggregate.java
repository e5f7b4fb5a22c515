package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Base of the aggregates that need every non-null value of a group ({@code percentile},
 * {@code median}, {@code mode}, {@code listagg}): the state keeps them in a list per group,
 * the partial state is that list as an array, and a subclass computes the result from it.
 * Memory grows with the group's values (Spark's exact percentile does the same).
 */
abstract class ValuesAggregate extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    /** The collected input (the first child). */
    protected abstract Expression input();

    /** One group's result from its values (in arrival order). */
    protected abstract Object finish(List<Object> values);

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(new ArrayType(input().dataType(), false));
    }

    @Override
    public AggregateState newState() {
        return new State();
    }

    private final class State extends GroupedState {
        private List<Object>[] values = newArray(0);

        @SuppressWarnings("unchecked")
        private static List<Object>[] newArray(int n) {
            return (List<Object>[]) new List<?>[n];
        }

        @Override
        protected void resize(int c) {
            values = Arrays.copyOf(values, c);
        }

        private List<Object> of(int k) {
            if (values[k] == null) values[k] = new ArrayList<>();
            return values[k];
        }

        @Override
        public void update(int[] g, int rows, ColumnVector[] in) {
            ensure(g, rows);
            for (int i = 0; i < rows; i++) {
                Object v = in[0].get(i);
                List<Object> l = of(g[i]);
                if (v != null) l.add(v);
            }
        }

        @Override
        public void merge(int[] g, int rows, ColumnVector[] p) {
            ensure(g, rows);
            for (int i = 0; i < rows; i++) {
                Object v = p[0].get(i);
                if (v != null) of(g[i]).addAll((List<?>) v);
            }
        }

        @Override
        public ColumnVector[] partials(int groups) {
            ensure(groups);
            Object[] out = new Object[groups];
            for (int k = 0; k < groups; k++) out[k] = values[k] == null ? new ArrayList<>() : values[k];
            return new ColumnVector[] {Vectors.fromObjects(stateTypes().get(0), out)};
        }

        @Override
        public ColumnVector result(int groups) {
            ensure(groups);
            Object[] out = new Object[groups];
            for (int k = 0; k < groups; k++) out[k] = finish(values[k] == null ? List.of() : values[k]);
            return Vectors.fromObjects(dataType(), out);
        }

        @Override
        public long sizeInBytes() {
            long n = 0;
            for (int k = 0; k < capacity; k++) n += values[k] == null ? 8 : 16 + 16L * values[k].size();
            return n;
        }
    }
}
