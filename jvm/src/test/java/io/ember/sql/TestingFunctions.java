package io.ember.sql;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Hand-written expression doubles for analyzer and optimizer tests: a row-at-a-time operator
 * and an aggregate, registered under the names docs/sql.md gives the real ones, so rules are
 * tested without the real kernels.
 */
public final class TestingFunctions {
    private TestingFunctions() {}

    /** A registry with only {@code + > == and or not isnull isnotnull in upper sum count}, the doubles. */
    public static FunctionRegistry registry() {
        FunctionRegistry r = FunctionRegistry.builtin().copy();
        for (String name : List.copyOf(r.names())) {
            r.drop(name);
        }
        r.register("+", (a, d) -> new Op("+", true, a, null, v -> ((Number) v.get(0)).longValue() + ((Number) v.get(1)).longValue()));
        r.register(">", (a, d) -> new Op(">", true, a, DataTypes.BooleanType,
                v -> ((Number) v.get(0)).doubleValue() > ((Number) v.get(1)).doubleValue()));
        r.register("==", (a, d) -> new Op("=", true, a, DataTypes.BooleanType, v -> v.get(0).equals(v.get(1))));
        r.register("and", (a, d) -> new Op("AND", false, a, DataTypes.BooleanType, v -> and(v.get(0), v.get(1))));
        r.register("or", (a, d) -> new Op("OR", false, a, DataTypes.BooleanType, v -> or(v.get(0), v.get(1))));
        r.register("not", (a, d) -> new Op("NOT", true, a, DataTypes.BooleanType, v -> !(Boolean) v.get(0)));
        r.register("isnull", (a, d) -> new Op("IS NULL", false, a, DataTypes.BooleanType, v -> v.get(0) == null));
        r.register("isnotnull", (a, d) -> new Op("IS NOT NULL", false, a, DataTypes.BooleanType, v -> v.get(0) != null));
        r.register("in", (a, d) -> new Op("IN", true, a, DataTypes.BooleanType, v -> v.subList(1, v.size()).contains(v.get(0))));
        r.register("upper", (a, d) -> new Op("upper", true, a, DataTypes.StringType, v -> ((String) v.get(0)).toUpperCase()));
        r.register("sum", (a, d) -> new Agg("sum", a.get(0), DataTypes.LongType));
        r.register("count", (a, d) -> new Agg("count", a.get(0), DataTypes.LongType));
        return r;
    }

    private static Object and(Object a, Object b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) return false;
        return a == null || b == null ? null : true;
    }

    private static Object or(Object a, Object b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) return true;
        return a == null || b == null ? null : false;
    }

    /** An operator or function evaluated row by row; {@code type} null means the first argument's type. */
    public static final class Op extends Expression {
        private final String symbol;
        private final boolean nullIntolerant;
        private final List<Expression> args;
        private final DataType type;
        private final Function<List<Object>, Object> f;

        Op(String symbol, boolean nullIntolerant, List<Expression> args, DataType type, Function<List<Object>, Object> f) {
            this.symbol = symbol;
            this.nullIntolerant = nullIntolerant;
            this.args = List.copyOf(args);
            this.type = type;
            this.f = f;
        }

        @Override
        public DataType dataType() {
            return type == null ? args.get(0).dataType() : type;
        }

        @Override
        public boolean nullable() {
            return symbol.startsWith("IS") ? false : args.stream().anyMatch(Expression::nullable);
        }

        @Override
        public boolean foldable() {
            return args.stream().allMatch(Expression::foldable);
        }

        @Override
        protected boolean computeResolved() {
            return childrenResolved() && (!symbol.equals("AND") || args.stream().allMatch(a -> a.dataType() instanceof BooleanType));
        }

        @Override
        public ColumnVector eval(ColumnBatch batch) {
            List<ColumnVector> in = new ArrayList<>();
            for (Expression a : args) {
                in.add(a.eval(batch));
            }
            ColumnVector out = ColumnVectors.allocate(dataType(), batch.numRows());
            for (int i = 0; i < batch.numRows(); i++) {
                List<Object> row = new ArrayList<>();
                boolean anyNull = false;
                for (ColumnVector v : in) {
                    row.add(v.get(i));
                    anyNull |= v.isNull(i);
                }
                ColumnVectors.set(out, i, anyNull && nullIntolerant ? null : f.apply(row));
            }
            return out;
        }

        @Override
        public String sql() {
            if (args.size() == 1 && Character.isLetter(symbol.charAt(0)) && !symbol.startsWith("IS") && !symbol.equals("NOT")) {
                return symbol + "(" + args.get(0).sql() + ")";
            }
            if (symbol.equals("NOT")) {
                return "(NOT " + args.get(0).sql() + ")";
            }
            if (symbol.startsWith("IS")) {
                return "(" + args.get(0).sql() + " " + symbol + ")";
            }
            if (symbol.equals("IN")) {
                return "(" + args.get(0).sql() + " IN (" + String.join(", ", args.subList(1, args.size()).stream().map(Expression::sql).toList()) + "))";
            }
            return "(" + args.get(0).sql() + " " + symbol + " " + args.get(1).sql() + ")";
        }

        @Override
        public List<Expression> children() {
            return args;
        }

        @Override
        protected Expression withNewChildren(List<Expression> newChildren) {
            return new Op(symbol, nullIntolerant, newChildren, type, f);
        }

        @Override
        protected List<Object> args() {
            return List.of(symbol);
        }
    }

    /** An aggregate that only plans (tests never run it). */
    public static final class Agg extends AggregateFunction {
        private final String name;
        private final Expression child;
        private final DataType type;

        Agg(String name, Expression child, DataType type) {
            this.name = name;
            this.child = child;
            this.type = type;
        }

        @Override
        public List<DataType> stateTypes() {
            return List.of(type);
        }

        @Override
        public AggregateState newState() {
            throw new UnsupportedOperationException("planning double");
        }

        @Override
        public DataType dataType() {
            return type;
        }

        @Override
        public boolean nullable() {
            return true;
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
        protected Expression withNewChildren(List<Expression> newChildren) {
            return new Agg(name, newChildren.get(0), type);
        }

        @Override
        protected List<Object> args() {
            return List.of(name, Objects.toString(type));
        }
    }
}
