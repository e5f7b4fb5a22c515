package io.ember.sql.expressions.collection;

import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.MergesInputTypes;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.MapType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** {@code map_concat(m1, m2, ...)}: the entries of every map in order; null if any map is; a repeated key is an error. */
public final class MapConcat extends RowFunction implements MergesInputTypes {
    private static final long serialVersionUID = 1L;

    public MapConcat(List<Expression> args) {
        super(args);
    }

    @Override
    public String prettyName() {
        return "map_concat";
    }

    @Override
    public List<Integer> mergedChildren() {
        return IntStream.range(0, args.size()).boxed().toList();
    }

    @Override
    public List<InputType> inputTypes() {
        return Collections.nCopies(args.size(), InputType.MAP);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        TypeCheckResult r = ExpectsInputTypes.check(this, inputTypes());
        if (r.isSuccess() && args.stream().map(Expression::dataType).distinct().count() > 1) {
            return ExpectsInputTypes.differentTypes("map_concat", args);
        }
        return r;
    }

    @Override
    public DataType dataType() {
        if (args.isEmpty()) return new MapType(DataTypes.StringType, DataTypes.StringType, false);
        MapType m = (MapType) args.get(0).dataType();
        boolean nulls = args.stream().anyMatch(a -> ((MapType) a.dataType()).valueContainsNull());
        return new MapType(m.keyType(), m.valueType(), nulls);
    }

    @Override
    public boolean nullable() {
        return args.stream().anyMatch(Expression::nullable);
    }

    @Override
    protected Object compute(Object[] v) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object m : v) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) m).entrySet()) MapFunction.put(out, e.getKey(), e.getValue());
        }
        return out;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new MapConcat(a);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
