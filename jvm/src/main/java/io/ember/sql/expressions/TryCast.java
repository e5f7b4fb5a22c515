package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;
import java.util.function.Function;

/**
 * {@code TRY_CAST(e AS t)} (PySpark's {@code Column.try_cast}): the ANSI conversion of each
 * value, null where ANSI would fail (malformed strings, overflow), whatever
 * {@code spark.sql.ansi.enabled} says. Named after its column like a cast ({@code AutoAlias}).
 */
public final class TryCast extends UnaryExpression implements TimeZoneAwareExpression {
    private final DataType to;
    private final String timeZoneId;

    public TryCast(Expression child, DataType to, String timeZoneId) {
        super(child);
        this.to = to;
        this.timeZoneId = timeZoneId;
    }

    @Override
    public DataType dataType() {
        return to;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return new Cast(child, to).checkInputDataTypes();
    }

    @Override
    public String timeZoneId() {
        return timeZoneId;
    }

    @Override
    public TryCast withTimeZone(String id) {
        return new TryCast(child, to, id);
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        ColumnVector c = child.eval(batch);
        if (child.dataType().equals(to)) {
            return c;
        }
        Function<Object, Object> convert = new CastConverters(true, zoneId()).converter(child.dataType(), to);
        int n = batch.numRows();
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            Object v = c.get(i);
            out[i] = v == null ? null : tryConvert(convert, v);
        }
        return Vectors.fromObjects(to, out);
    }

    private static Object tryConvert(Function<Object, Object> convert, Object v) {
        try {
            return convert.apply(v);
        } catch (RuntimeException failed) {
            return null;
        }
    }

    @Override
    public String sql() {
        return "TRY_CAST(" + child.sql() + " AS " + SqlTypes.sqlName(to) + ")";
    }

    @Override
    public String toString() {
        return "try_cast(" + child + " as " + to.simpleString() + ")";
    }

    @Override
    protected Expression withNewChild(Expression c) {
        return new TryCast(c, to, timeZoneId);
    }

    @Override
    protected List<Object> args() {
        return List.of(to, timeZoneId == null ? "" : timeZoneId);
    }
}
