package io.ember.sql.expressions.math;

import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.MergesInputTypes;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.expressions.SqlOrdering;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.types.DataType;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** {@code greatest(...)} / {@code least(...)}: the largest or smallest non-null argument; null only if all are. */
public final class GreatestLeast extends RowFunction implements MergesInputTypes {
    private static final long serialVersionUID = 1L;

    private final boolean greatest;

    public GreatestLeast(List<Expression> args, boolean greatest) {
        super(args);
        this.greatest = greatest;
    }

    @Override
    public String prettyName() {
        return greatest ? "greatest" : "least";
    }

    @Override
    public List<Integer> mergedChildren() {
        return IntStream.range(0, args.size()).boxed().toList();
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of();
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        DataType t = args.get(0).dataType();
        if (args.stream().anyMatch(a -> !a.dataType().equals(t))) {
            return ExpectsInputTypes.differentTypes(prettyName(), args);
        }
        return TypeCheckResult.success();
    }

    @Override
    public DataType dataType() {
        return args.get(0).dataType();
    }

    @Override
    protected boolean nullSafe() {
        return true;
    }

    @Override
    protected Object compute(Object[] v) {
        Comparator<Object> c = SqlOrdering.forType(dataType());
        Object best = null;
        for (Object x : v) {
            if (x != null && (best == null || (greatest ? c.compare(x, best) > 0 : c.compare(x, best) < 0))) best = x;
        }
        return best;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new GreatestLeast(a, greatest);
    }

    @Override
    protected List<Object> args() {
        return List.of(greatest);
    }
}
