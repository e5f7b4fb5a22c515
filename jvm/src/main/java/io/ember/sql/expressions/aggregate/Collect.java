package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ObjectVector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** {@code collect_list(e)} / {@code collect_set(e)}: a group's non-null values as an array (distinct for a set). */
public final class Collect extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final Expression child;
    private final boolean set;

    public Collect(Expression child, boolean set) {
        this.child = child;
        this.set = set;
    }

    @Override
    public DataType dataType() {
        return new ArrayType(child.dataType(), false);
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public boolean deterministic() {
        return false;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(dataType());
    }

    @Override
    public AggregateState newState() {
        return new State();
    }

    @Override
    public String sql() {
        return (set ? "collect_set(" : "collect_list(") + child.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new Collect(c.get(0), set);
    }

    @Override
    protected List<Object> args() {
        return List.of(set);
    }

    private final class State extends GroupedState {
        private final List<Collection<Object>> groups = new ArrayList<>();
        private long bytes;

        @Override
        protected void resize(int c) {
            while (groups.size() < c) groups.add(null);
        }

        private void add(int k, Object v) {
            if (v == null) return;
            Collection<Object> c = groups.get(k);
            if (c == null) groups.set(k, c = set ? new LinkedHashSet<>() : new ArrayList<>());
            if (c.add(v)) bytes += 16 + child.dataType().defaultSize();
        }

        @Override
        public void update(int[] g, int n, ColumnVector[] inputs) {
            ensure(g, n);
            for (int i = 0; i < n; i++) add(g[i], inputs[0].get(i));
        }

        @Override
        public void merge(int[] g, int n, ColumnVector[] partials) {
            ensure(g, n);
            for (int i = 0; i < n; i++) {
                List<?> l = (List<?>) partials[0].get(i);
                if (l != null) for (Object v : l) add(g[i], v);
            }
        }

        @Override
        public ColumnVector[] partials(int numGroups) {
            return new ColumnVector[] {result(numGroups)};
        }

        @Override
        public ColumnVector result(int numGroups) {
            ensure(numGroups);
            Object[] out = new Object[numGroups];
            for (int k = 0; k < numGroups; k++) {
                out[k] = groups.get(k) == null ? new ArrayList<>() : new ArrayList<>(groups.get(k));
            }
            return new ObjectVector(dataType(), out);
        }

        @Override
        public long sizeInBytes() {
            return bytes + 8L * capacity;
        }
    }
}
