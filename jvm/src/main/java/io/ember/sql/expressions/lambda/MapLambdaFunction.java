package io.ember.sql.expressions.lambda;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.expressions.collection.MapFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.MapType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The map higher-order functions whose lambda sees each entry as {@code (k, v)}:
 * {@code map_filter} (entries whose lambda is true), {@code transform_keys} (new keys; a null
 * or repeated key is an error, as when building any map) and {@code transform_values}.
 */
public final class MapLambdaFunction extends HigherOrderFunction {
    private static final long serialVersionUID = 1L;

    /** Which function. */
    public enum Kind { MAP_FILTER, TRANSFORM_KEYS, TRANSFORM_VALUES }

    private final Kind kind;

    public MapLambdaFunction(Kind kind, List<Expression> args) {
        super(args);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private MapType map() {
        return (MapType) args.get(0).dataType();
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.MAP, InputType.ANY);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        TypeCheckResult r = super.checkInputDataTypes();
        return r.isSuccess() && kind == Kind.MAP_FILTER ? lambdaReturns(1, InputType.BOOLEAN) : r;
    }

    @Override
    public DataType dataType() {
        return switch (kind) {
            case MAP_FILTER -> map();
            case TRANSFORM_KEYS -> new MapType(lambda(1).dataType(), map().valueType(), map().valueContainsNull());
            case TRANSFORM_VALUES -> new MapType(map().keyType(), lambda(1).dataType(), lambda(1).nullable());
        };
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        int rows = batch.numRows();
        ColumnVector maps = args.get(0).eval(batch);
        int total = 0;
        for (int r = 0; r < rows; r++) total += maps.isNull(r) ? 0 : ((Map<?, ?>) maps.get(r)).size();
        int[] rowOf = new int[total];
        Object[] keys = new Object[total];
        Object[] values = new Object[total];
        int j = 0;
        for (int r = 0; r < rows; r++) {
            if (maps.isNull(r)) continue;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) maps.get(r)).entrySet()) {
                rowOf[j] = r;
                keys[j] = e.getKey();
                values[j++] = e.getValue();
            }
        }
        ColumnVector f = lambda(1).evalElements(batch, rowOf, total,
                Vectors.fromObjects(map().keyType(), keys), Vectors.fromObjects(map().valueType(), values));
        Object[] out = new Object[rows];
        j = 0;
        for (int r = 0; r < rows; r++) {
            if (maps.isNull(r)) continue;
            Map<Object, Object> m = new LinkedHashMap<>();
            int size = ((Map<?, ?>) maps.get(r)).size();
            for (int end = j + size; j < end; j++) {
                switch (kind) {
                    case MAP_FILTER -> {
                        if (Boolean.TRUE.equals(f.get(j))) m.put(keys[j], values[j]);
                    }
                    case TRANSFORM_KEYS -> MapFunction.put(m, f.get(j), values[j]);
                    case TRANSFORM_VALUES -> m.put(keys[j], f.get(j));
                }
            }
            out[r] = m;
        }
        return Vectors.fromObjects(dataType(), out);
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new MapLambdaFunction(kind, a);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }
}
