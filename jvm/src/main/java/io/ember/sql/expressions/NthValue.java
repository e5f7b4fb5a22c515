package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import java.util.Arrays;
import java.util.List;

/**
 * {@code nth_value(e, n [, ignoreNulls])} over a window: the value of {@code e} at the n-th row
 * of each row's frame (counting only non-null values with {@code ignoreNulls}), null when the
 * frame is shorter. The window operator folds each frame's rows into a group in frame order,
 * which is what the state counts; it has no meaning as a plain aggregate (CheckAnalysis refuses
 * it without OVER), so its partial state cannot be merged.
 */
public final class NthValue extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final Expression child;
    private final int n;
    private final boolean ignoreNulls;

    public NthValue(Expression child, int n, boolean ignoreNulls) {
        this.child = child;
        this.n = n;
        this.ignoreNulls = ignoreNulls;
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        if (n <= 0) {
            return TypeCheckResult.mismatch("VALUE_OUT_OF_RANGE", "The offset must be in [1, 9223372036854775807], but got "
                    + n, java.util.Map.of("exprName", "offset", "valueRange", "[1, 9223372036854775807]",
                    "currentValue", String.valueOf(n)));
        }
        return TypeCheckResult.success();
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
        return new State();
    }

    @Override
    public String sql() {
        return "nth_value(" + child.sql() + ", " + n + ")" + (ignoreNulls ? " ignore nulls" : "");
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new NthValue(c.get(0), n, ignoreNulls);
    }

    @Override
    protected List<Object> args() {
        return List.of(n, ignoreNulls);
    }

    /** Per group: rows counted so far and the n-th value once reached. */
    private final class State implements AggregateState {
        private Object[] values = new Object[0];
        private long[] counts = new long[0];

        private void ensure(int groups) {
            if (groups > counts.length) {
                int c = Math.max(groups, Math.max(16, counts.length * 2));
                values = Arrays.copyOf(values, c);
                counts = Arrays.copyOf(counts, c);
            }
        }

        @Override
        public void update(int[] g, int rows, ColumnVector[] inputs) {
            for (int i = 0; i < rows; i++) {
                ensure(g[i] + 1);
                Object v = inputs[0].get(i);
                if (ignoreNulls && v == null) {
                    continue;
                }
                if (++counts[g[i]] == n) {
                    values[g[i]] = v;
                }
            }
        }

        @Override
        public void merge(int[] g, int rows, ColumnVector[] partials) {
            throw new UnsupportedOperationException("nth_value is a window function; its states are never merged");
        }

        @Override
        public ColumnVector[] partials(int numGroups) {
            ensure(numGroups);
            return new ColumnVector[] {result(numGroups), Vectors.fromObjects(DataTypes.LongType,
                    Arrays.stream(Arrays.copyOf(counts, numGroups)).boxed().toArray())};
        }

        @Override
        public ColumnVector result(int numGroups) {
            ensure(numGroups);
            return Vectors.fromObjects(dataType(), Arrays.copyOf(values, numGroups));
        }

        @Override
        public long sizeInBytes() {
            return (16L + dataType().defaultSize()) * counts.length;
        }
    }
}
