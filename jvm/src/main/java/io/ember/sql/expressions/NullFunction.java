package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import java.util.List;

/**
 * {@code nullif(a, b)} (null when a equals b, else a) and {@code nanvl(a, b)} (b when a is NaN,
 * else a), null-aware row functions over inputs of one type.
 */
public final class NullFunction extends RowFunction implements MergesInputTypes {
    private static final long serialVersionUID = 1L;

    /** Which function. */
    public enum Kind { NULLIF, NANVL }

    private final Kind kind;

    public NullFunction(Kind kind, List<Expression> args) {
        super(args);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind == Kind.NULLIF ? "nullif" : "nanvl";
    }

    @Override
    public List<Integer> mergedChildren() {
        return List.of(0, 1);
    }

    @Override
    public List<InputType> inputTypes() {
        return kind == Kind.NANVL ? List.of(InputType.oneOf(InputType.DOUBLE, InputType.exact(io.ember.sql.types.DataTypes.FloatType)),
                InputType.oneOf(InputType.DOUBLE, InputType.exact(io.ember.sql.types.DataTypes.FloatType))) : List.of();
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        if (!args.get(0).dataType().equals(args.get(1).dataType())
                && !SqlTypes.isNull(args.get(0).dataType()) && !SqlTypes.isNull(args.get(1).dataType())) {
            return ExpectsInputTypes.differentTypes(prettyName(), args);
        }
        return super.checkInputDataTypes();
    }

    @Override
    public DataType dataType() {
        return SqlTypes.isNull(args.get(0).dataType()) ? args.get(1).dataType() : args.get(0).dataType();
    }

    @Override
    protected boolean nullSafe() {
        return true;
    }

    @Override
    protected Object compute(Object[] v) {
        if (v[0] == null) return null;
        if (kind == Kind.NULLIF) {
            return v[1] != null && SqlOrdering.forType(dataType()).compare(v[0], v[1]) == 0 ? null : v[0];
        }
        return Double.isNaN(((Number) v[0]).doubleValue()) ? v[1] : v[0];
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new NullFunction(kind, a);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }
}
