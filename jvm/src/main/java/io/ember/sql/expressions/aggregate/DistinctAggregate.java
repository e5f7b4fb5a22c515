package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ObjectVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code f(DISTINCT args)}: keeps each group's distinct argument tuples (its partial state is
 * the array of them, so partial and final aggregation work as for any aggregate) and applies
 * {@code f} to them at the end.
 */
public final class DistinctAggregate extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final AggregateFunction function;
    private final String name;

    public DistinctAggregate(AggregateFunction function, String name) {
        this.function = function;
        this.name = name;
    }

    public AggregateFunction function() {
        return function;
    }

    @Override
    public DataType dataType() {
        return function.dataType();
    }

    @Override
    public boolean nullable() {
        return function.nullable();
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return function.checkInputDataTypes();
    }

    private DataType elementType() {
        List<Expression> args = function.children();
        if (args.size() == 1) {
            return args.get(0).dataType();
        }
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) fields.add(new StructField("col" + (i + 1), args.get(i).dataType()));
        return new StructType(fields);
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(new ArrayType(elementType()));
    }

    @Override
    public AggregateState newState() {
        return new State();
    }

    @Override
    public String sql() {
        StringBuilder b = new StringBuilder(name).append("(DISTINCT ");
        List<Expression> args = function.children();
        for (int i = 0; i < args.size(); i++) b.append(i == 0 ? "" : ", ").append(args.get(i).sql());
        return b.append(')').toString();
    }

    @Override
    public List<Expression> children() {
        return function.children();
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        java.util.Iterator<Expression> it = c.iterator();
        return new DistinctAggregate((AggregateFunction) function.mapChildren(old -> it.next()), name);
    }

    @Override
    protected List<Object> args() {
        return List.of(function.nodeName(), name);
    }

    private final class State extends GroupedState {
        private List<Set<List<Object>>> sets = new ArrayList<>();
        private long bytes;

        @Override
        protected void resize(int c) {
            while (sets.size() < c) sets.add(null);
        }

        private void add(int k, List<Object> tuple) {
            Set<List<Object>> s = sets.get(k);
            if (s == null) sets.set(k, s = new LinkedHashSet<>());
            if (s.add(tuple)) bytes += 16L + 16L * tuple.size();
        }

        @Override
        public void update(int[] g, int n, ColumnVector[] inputs) {
            ensure(g, n);
            for (int i = 0; i < n; i++) {
                Object[] t = new Object[inputs.length];
                for (int c = 0; c < t.length; c++) t[c] = inputs[c].get(i);
                add(g[i], Arrays.asList(t));
            }
        }

        @Override
        public void merge(int[] g, int n, ColumnVector[] partials) {
            ensure(g, n);
            boolean single = function.children().size() == 1;
            for (int i = 0; i < n; i++) {
                List<?> l = (List<?>) partials[0].get(i);
                if (l == null) continue;
                for (Object e : l) add(g[i], single ? Arrays.asList(e) : Arrays.asList((Object[]) e));
            }
        }

        @Override
        public ColumnVector[] partials(int numGroups) {
            ensure(numGroups);
            boolean single = function.children().size() == 1;
            Object[] out = new Object[numGroups];
            for (int k = 0; k < numGroups; k++) {
                List<Object> l = new ArrayList<>();
                if (sets.get(k) != null) {
                    for (List<Object> t : sets.get(k)) l.add(single ? t.get(0) : t.toArray());
                }
                out[k] = l;
            }
            return new ColumnVector[] {new ObjectVector(stateTypes().get(0), out)};
        }

        @Override
        public ColumnVector result(int numGroups) {
            ensure(numGroups);
            int total = 0;
            for (int k = 0; k < numGroups; k++) total += sets.get(k) == null ? 0 : sets.get(k).size();
            int[] groupIds = new int[total];
            List<Expression> args = function.children();
            Object[][] cols = new Object[args.size()][total];
            int row = 0;
            for (int k = 0; k < numGroups; k++) {
                if (sets.get(k) == null) continue;
                for (List<Object> t : sets.get(k)) {
                    groupIds[row] = k;
                    for (int c = 0; c < cols.length; c++) cols[c][row] = t.get(c);
                    row++;
                }
            }
            ColumnVector[] inputs = new ColumnVector[cols.length];
            for (int c = 0; c < cols.length; c++) inputs[c] = Vectors.fromObjects(args.get(c).dataType(), cols[c]);
            AggregateState inner = function.newState();
            inner.update(groupIds, total, inputs);
            return inner.result(numGroups);
        }

        @Override
        public long sizeInBytes() {
            return bytes + 8L * capacity;
        }
    }
}
