package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.ImplicitCastInputTypes;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.SqlOrdering;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code percentile(x, p)} and {@code median(x)} (exact, linear interpolation between the
 * closest ranks, as a double) and {@code percentile_approx(x, p, accuracy)} (the value at rank
 * {@code ceil(p * n)}, of x's type: what Spark's sketch answers while it holds every value,
 * which this does exactly). {@code p} is one percentage or an array of them (then the result
 * is an array). The original arguments are kept for the column's name.
 */
public final class Percentile extends ValuesAggregate implements ImplicitCastInputTypes {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<Expression> args;
    private final List<Double> percentages;
    private final boolean many;
    private final boolean approx;

    public Percentile(String name, List<Expression> args, List<Double> percentages, boolean many, boolean approx) {
        this.name = name;
        this.args = List.copyOf(args);
        this.percentages = List.copyOf(percentages);
        this.many = many;
        this.approx = approx;
    }

    @Override
    protected Expression input() {
        return args.get(0);
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(approx ? InputType.oneOf(InputType.NUMERIC, InputType.DATE, InputType.ANY_TIMESTAMP) : InputType.DOUBLE);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return ExpectsInputTypes.check(this, inputTypes());
    }

    @Override
    public DataType dataType() {
        DataType one = approx ? input().dataType() : DataTypes.DoubleType;
        return many ? new ArrayType(one, false) : one;
    }

    @Override
    protected Object finish(List<Object> values) {
        if (values.isEmpty()) return null;
        List<Object> sorted = new ArrayList<>(values);
        sorted.sort(SqlOrdering.forType(input().dataType()));
        List<Object> out = new ArrayList<>();
        int n = sorted.size();
        for (double p : percentages) {
            if (approx) {
                int rank = (int) Math.max(1, Math.ceil(p * n));
                out.add(sorted.get(Math.min(n, rank) - 1));
            } else {
                double pos = p * (n - 1);
                int lo = (int) Math.floor(pos);
                int hi = (int) Math.ceil(pos);
                double a = ((Number) sorted.get(lo)).doubleValue();
                double b = ((Number) sorted.get(hi)).doubleValue();
                out.add(lo == hi ? a : a + (pos - lo) * (b - a));
            }
        }
        return many ? out : out.get(0);
    }

    @Override
    public String sql() {
        return FunctionCalls.sql(name, args);
    }

    @Override
    public List<Expression> children() {
        return List.of(args.get(0));
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        List<Expression> a = new ArrayList<>(args);
        a.set(0, c.get(0));
        return new Percentile(name, a, percentages, many, approx);
    }

    @Override
    protected List<Object> args() {
        return List.of(name, args.subList(1, args.size()).toString(), percentages, many, approx);
    }
}
