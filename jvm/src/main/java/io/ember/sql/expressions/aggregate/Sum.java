package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.AnsiAware;
import io.ember.sql.expressions.Decimals;
import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.ImplicitCastInputTypes;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.SqlTypes;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import java.util.List;

/**
 * {@code sum(e)}: bigint for integral input, double for floating point, {@code decimal(p+10,s)}
 * for decimals (null on overflow, an error under ANSI); null for a group with no non-null value. A bigint sum wraps on
 * overflow outside ANSI mode and fails with Spark's {@code ARITHMETIC_OVERFLOW} under it
 * ({@link LongSumState} checked, so the wrapping loop stays unchecked).
 */
public final class Sum extends AggregateFunction implements ImplicitCastInputTypes, AnsiAware {
    private static final long serialVersionUID = 1L;

    private final Expression child;
    private final boolean ansi;

    public Sum(Expression child, boolean ansi) {
        this.child = child;
        this.ansi = ansi;
    }

    public Sum(Expression child) {
        this(child, false);
    }

    @Override
    public boolean ansi() {
        return ansi;
    }

    @Override
    public Expression withAnsi(boolean a) {
        return a == ansi ? this : new Sum(child, a);
    }

    public Expression child() {
        return child;
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.NUMERIC);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return ExpectsInputTypes.check(this, inputTypes());
    }

    /** Spark's sum result type for an input type. */
    public static DataType resultType(DataType in) {
        if (in instanceof DecimalType d) {
            return Decimals.clamp(d.precision() + 10, d.scale());
        }
        return SqlTypes.isIntegral(in) ? DataTypes.LongType : DataTypes.DoubleType;
    }

    @Override
    public DataType dataType() {
        return resultType(child.dataType());
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(dataType());
    }

    @Override
    public AggregateState newState() {
        return newState(false);
    }

    /**
     * Under ANSI a decimal sum that leaves its type fails as Spark's does: grouped, at once with
     * {@code ARITHMETIC_OVERFLOW} (Spark's hash buffer drops the sum and its final check reports
     * the null); without keys (and in windows), exact until the end, then {@code
     * NUMERIC_VALUE_OUT_OF_RANGE} with the value, so a sum that comes back in range is kept.
     */
    @Override
    public AggregateState newState(boolean grouped) {
        DataType t = dataType();
        if (t instanceof DecimalType d) {
            if (!ansi) {
                return new DecimalSumState(d);
            }
            return grouped ? DecimalSumState.failingAtOnce(d) : DecimalSumState.failingAtEnd(d);
        }
        if (t.equals(DataTypes.LongType)) {
            return ansi ? LongSumState.checked() : LongSumState.wrapping();
        }
        return new DoubleSumState();
    }

    @Override
    public String sql() {
        return "sum(" + child.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new Sum(c.get(0), ansi);
    }

    @Override
    protected List<Object> args() {
        return List.of(ansi);
    }
}
