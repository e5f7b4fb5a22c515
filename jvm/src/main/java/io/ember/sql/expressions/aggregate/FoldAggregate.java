package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.Decimals;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.ImplicitCastInputTypes;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.SqlTypes;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnVector;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Aggregates that fold each group's non-null values with one operation: {@code bool_and}
 * ({@code every}), {@code bool_or} ({@code some}, {@code any}), {@code bit_and},
 * {@code bit_or}, {@code bit_xor}, {@code product}, {@code count_if} (0 for no rows) and
 * {@code try_sum} (null instead of an overflow). Partial state: the value and whether it
 * overflowed.
 */
public final class FoldAggregate extends AggregateFunction implements ImplicitCastInputTypes {
    private static final long serialVersionUID = 1L;

    /** Which fold. */
    public enum Kind { BOOL_AND, BOOL_OR, BIT_AND, BIT_OR, BIT_XOR, PRODUCT, COUNT_IF, TRY_SUM }

    private final String name;
    private final Expression child;
    private final Kind kind;

    public FoldAggregate(String name, Expression child, Kind kind) {
        this.name = name;
        this.child = child;
        this.kind = kind;
    }

    @Override
    public List<InputType> inputTypes() {
        return switch (kind) {
            case BOOL_AND, BOOL_OR, COUNT_IF -> List.of(InputType.BOOLEAN);
            case BIT_AND, BIT_OR, BIT_XOR -> List.of(InputType.family("INTEGRAL", SqlTypes::isIntegral, null));
            case PRODUCT -> List.of(InputType.DOUBLE);
            case TRY_SUM -> List.of(InputType.NUMERIC);
        };
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return ExpectsInputTypes.check(this, inputTypes());
    }

    @Override
    public DataType dataType() {
        return switch (kind) {
            case BOOL_AND, BOOL_OR -> DataTypes.BooleanType;
            case BIT_AND, BIT_OR, BIT_XOR -> child.dataType();
            case PRODUCT -> DataTypes.DoubleType;
            case COUNT_IF -> DataTypes.LongType;
            case TRY_SUM -> child.dataType() instanceof DecimalType d
                    ? new DecimalType(Math.min(38, d.precision() + 10), d.scale())
                    : SqlTypes.isIntegral(child.dataType()) ? DataTypes.LongType : DataTypes.DoubleType;
        };
    }

    @Override
    public boolean nullable() {
        return kind != Kind.COUNT_IF;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(dataType(), DataTypes.BooleanType);
    }

    @Override
    public AggregateState newState() {
        return new State();
    }

    @Override
    public String sql() {
        return FunctionCalls.sql(name, List.of(child));
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new FoldAggregate(name, c.get(0), kind);
    }

    @Override
    protected List<Object> args() {
        return List.of(name, kind);
    }

    /** The input value as a state value (count_if counts trues; try_sum widens), or null to skip it. */
    private Object lift(Object v) {
        if (v == null) return null;
        return switch (kind) {
            case COUNT_IF -> (Boolean) v ? 1L : null;
            case TRY_SUM -> v instanceof Integer i ? (Object) (long) i : v;
            default -> v;
        };
    }

    /** Folds two state values; throws ArithmeticException on a long overflow. */
    private Object fold(Object a, Object b) {
        return switch (kind) {
            case BOOL_AND -> (Boolean) a && (Boolean) b;
            case BOOL_OR -> (Boolean) a || (Boolean) b;
            case BIT_AND, BIT_OR, BIT_XOR -> {
                long x = ((Number) a).longValue();
                long y = ((Number) b).longValue();
                long r = kind == Kind.BIT_AND ? x & y : kind == Kind.BIT_OR ? x | y : x ^ y;
                yield DataTypes.isLongBacked(child.dataType()) ? (Object) r : (Object) (int) r;
            }
            case PRODUCT -> (Double) a * (Double) b;
            case COUNT_IF -> (Long) a + (Long) b;
            case TRY_SUM -> a instanceof Long x ? (Object) Math.addExact(x, (Long) b)
                    : a instanceof BigDecimal x ? decimalSum(x, (BigDecimal) b) : (Object) ((Double) a + (Double) b);
        };
    }

    /** A decimal sum that must stay within the result type, as a long's must stay within a long. */
    private BigDecimal decimalSum(BigDecimal a, BigDecimal b) {
        BigDecimal sum = Decimals.toPrecision(a.add(b), (DecimalType) dataType());
        if (sum == null) {
            throw new ArithmeticException("decimal overflow");
        }
        return sum;
    }

    private final class State extends GroupedState {
        private Object[] values = new Object[0];
        private boolean[] overflow = new boolean[0];

        @Override
        protected void resize(int c) {
            values = Arrays.copyOf(values, c);
            overflow = Arrays.copyOf(overflow, c);
        }

        private void add(int k, Object v) {
            if (v == null || overflow[k]) return;
            try {
                values[k] = values[k] == null ? v : fold(values[k], v);
            } catch (ArithmeticException e) {
                overflow[k] = true;
                values[k] = null;
            }
        }

        @Override
        public void update(int[] g, int rows, ColumnVector[] in) {
            ensure(g, rows);
            for (int i = 0; i < rows; i++) add(g[i], lift(in[0].get(i)));
        }

        @Override
        public void merge(int[] g, int rows, ColumnVector[] p) {
            ensure(g, rows);
            BooleanVector o = Vectors.booleans(p[1]);
            for (int i = 0; i < rows; i++) {
                if (o.values[i]) {
                    overflow[g[i]] = true;
                    values[g[i]] = null;
                } else {
                    add(g[i], p[0].get(i));
                }
            }
        }

        @Override
        public ColumnVector[] partials(int groups) {
            ensure(groups);
            Object[] o = new Object[groups];
            for (int k = 0; k < groups; k++) o[k] = overflow[k];
            return new ColumnVector[] {Vectors.fromObjects(dataType(), Arrays.copyOf(values, groups)),
                    Vectors.fromObjects(DataTypes.BooleanType, o)};
        }

        @Override
        public ColumnVector result(int groups) {
            ensure(groups);
            Object[] out = Arrays.copyOf(values, groups);
            if (kind == Kind.COUNT_IF) {
                for (int k = 0; k < groups; k++) out[k] = out[k] == null ? 0L : out[k];
            }
            return Vectors.fromObjects(dataType(), out);
        }

        @Override
        public long sizeInBytes() {
            return 24L * capacity;
        }
    }
}
