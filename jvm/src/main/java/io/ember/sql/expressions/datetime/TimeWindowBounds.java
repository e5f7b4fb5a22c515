package io.ember.sql.expressions.datetime;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.List;

/**
 * The {@code index}-th window of a timestamp (microseconds), as Spark computes it: the last
 * window start at or before {@code ts} is {@code ts - floorMod(ts - start, slide)}; window
 * {@code index} starts {@code index} slides earlier and lasts {@code window}. Null for a null
 * timestamp. Built only by {@code TimeWindowing}.
 */
public final class TimeWindowBounds extends RowFunction {
    private static final long serialVersionUID = 1L;

    private final long windowMicros;
    private final long slideMicros;
    private final long startMicros;
    private final int index;

    public TimeWindowBounds(Expression ts, long windowMicros, long slideMicros, long startMicros, int index) {
        super(List.of(ts));
        this.windowMicros = windowMicros;
        this.slideMicros = slideMicros;
        this.startMicros = startMicros;
        this.index = index;
    }

    @Override
    public String prettyName() {
        return "window";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.ANY);
    }

    @Override
    public DataType dataType() {
        DataType t = args.get(0).dataType();
        return new StructType(List.of(new StructField("start", t, true), new StructField("end", t, true)));
    }

    @Override
    protected Object compute(Object[] values) {
        long ts = (Long) values[0];
        long lastStart = ts - Math.floorMod(ts - startMicros, slideMicros);
        long start = lastStart - index * slideMicros;
        return new Object[] {start, start + windowMicros};
    }

    @Override
    protected Expression copy(List<Expression> newArgs) {
        return new TimeWindowBounds(newArgs.get(0), windowMicros, slideMicros, startMicros, index);
    }

    @Override
    protected List<Object> args() {
        return List.of(windowMicros, slideMicros, startMicros, index);
    }
}
