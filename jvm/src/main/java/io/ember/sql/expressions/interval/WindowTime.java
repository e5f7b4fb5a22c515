package io.ember.sql.expressions.interval;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.types.DataType;
import io.ember.sql.types.StructType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import java.util.List;
import java.util.Map;

/**
 * {@code window_time(w)}: the event time of a time or session window, {@code w.end} minus one
 * microsecond, as Spark's (the latest instant inside the window).
 */
public final class WindowTime extends RowFunction {
    private static final long serialVersionUID = 1L;

    public WindowTime(Expression window) {
        super(List.of(window));
    }

    @Override
    public String prettyName() {
        return "window_time";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.ANY);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        DataType t = args.get(0).dataType();
        if (t instanceof StructType s && s.size() == 2 && s.field(0).name().equals("start") && s.field(1).name().equals("end")
                && (s.field(1).dataType() instanceof TimestampType || s.field(1).dataType() instanceof TimestampNTZType)) {
            return TypeCheckResult.success();
        }
        return TypeCheckResult.mismatch("UNEXPECTED_INPUT_TYPE", "The first parameter requires the \"STRUCT<start: "
                + "TIMESTAMP, end: TIMESTAMP>\" type, however " + TypeCheckResult.quote(args.get(0).sql())
                + " has the type " + TypeCheckResult.quoteType(t), Map.of("paramIndex", "first"));
    }

    @Override
    public DataType dataType() {
        return ((StructType) args.get(0).dataType()).field(1).dataType();
    }

    @Override
    protected Object compute(Object[] v) {
        Object end = ((Object[]) v[0])[1];
        return end == null ? null : (Long) end - 1;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new WindowTime(a.get(0));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
