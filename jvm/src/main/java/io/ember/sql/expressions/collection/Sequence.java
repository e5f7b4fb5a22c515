package io.ember.sql.expressions.collection;

import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.MergesInputTypes;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DateType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sequence(start, stop[, step])} over integral values or dates (a step in days): the
 * values from start to stop inclusive; the step defaults to 1 or -1 toward stop, and a step
 * that moves away from stop is Spark's {@code INVALID_SEQUENCE_STEP}-like error.
 */
public final class Sequence extends RowFunction implements MergesInputTypes {
    private static final long serialVersionUID = 1L;
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 15;

    public Sequence(List<Expression> args) {
        super(args);
    }

    @Override
    public String prettyName() {
        return "sequence";
    }

    @Override
    public List<Integer> mergedChildren() {
        return args.get(0).dataType() instanceof DateType ? List.of(0, 1) : java.util.stream.IntStream.range(0, args.size()).boxed().toList();
    }

    @Override
    public List<InputType> inputTypes() {
        InputType bound = InputType.oneOf(InputType.INTEGRAL, InputType.DATE);
        return args.size() == 2 ? List.of(bound, bound) : args.get(0).dataType() instanceof DateType
                ? List.of(bound, bound, InputType.INT) : List.of(bound, bound, InputType.INTEGRAL);
    }

    @Override
    public DataType dataType() {
        return new ArrayType(args.get(0).dataType(), false);
    }

    @Override
    protected Object compute(Object[] v) {
        long start = ((Number) v[0]).longValue();
        long stop = ((Number) v[1]).longValue();
        long step = v.length > 2 ? ((Number) v[2]).longValue() : start <= stop ? 1 : -1;
        if ((step == 0 && start != stop) || (step > 0 && start > stop) || (step < 0 && start < stop)) {
            throw new ExpressionEvalException("ILLEGAL_ARGUMENT",
                    "Illegal sequence boundaries: " + start + " to " + stop + " by " + step, Map.of());
        }
        long count = step == 0 ? 1 : (stop - start) / step + 1;
        if (count > MAX_LENGTH) {
            throw new ExpressionEvalException("COLLECTION_SIZE_LIMIT_EXCEEDED.PARAMETER",
                    "Can't create array with " + count + " elements which exceeding the array size limit " + MAX_LENGTH + ".", Map.of());
        }
        DataType t = args.get(0).dataType();
        List<Object> out = new ArrayList<>((int) count);
        for (long i = 0, x = start; i < count; i++, x += step) {
            out.add(DataTypes.isLongBacked(t) ? (Object) x : (Object) (int) x);
        }
        return out;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new Sequence(a);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
