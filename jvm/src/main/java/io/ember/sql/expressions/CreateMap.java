package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.MapType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code map(k1, v1, k2, v2, ...)}: an insertion-ordered map; keys share one type and values
 * another (coercion unifies each). A null key is an error; a repeated key keeps its last value
 * (Spark's LAST_WIN policy).
 */
public final class CreateMap extends RowFunction implements MergesInputTypes {
    private static final long serialVersionUID = 1L;

    public CreateMap(List<Expression> args) {
        super(args);
    }

    @Override
    public String prettyName() {
        return "map";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of();
    }

    @Override
    public List<Integer> mergedChildren() {
        return keyIndexes();
    }

    @Override
    public List<List<Integer>> mergedGroups() {
        return List.of(keyIndexes(), valueIndexes());
    }

    /** Key positions and value positions, as two merged groups for coercion. */
    public List<Integer> keyIndexes() {
        List<Integer> k = new ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) k.add(i);
        return k;
    }

    public List<Integer> valueIndexes() {
        List<Integer> v = new ArrayList<>();
        for (int i = 1; i < args.size(); i += 2) v.add(i);
        return v;
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        if (args.size() % 2 != 0) {
            return TypeCheckResult.mismatch("WRONG_NUM_ARGS", "map expects a positive even number of arguments",
                    Map.of("expectedNum", "2n (n > 0)", "actualNum", String.valueOf(args.size())));
        }
        for (List<Integer> group : List.of(keyIndexes(), valueIndexes())) {
            if (group.stream().map(i -> args.get(i).dataType()).distinct().count() > 1) {
                return ExpectsInputTypes.differentTypes("map", group.stream().map(args::get).toList());
            }
        }
        return TypeCheckResult.success();
    }

    @Override
    public DataType dataType() {
        if (args.isEmpty()) return new MapType(DataTypes.StringType, DataTypes.StringType);
        return new MapType(args.get(0).dataType(), args.get(1).dataType(),
                valueIndexes().stream().anyMatch(i -> args.get(i).nullable()));
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    protected boolean nullSafe() {
        return true;
    }

    @Override
    protected Object compute(Object[] v) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < v.length; i += 2) {
            if (v[i] == null) {
                throw new ExpressionEvalException("NULL_MAP_KEY", "Cannot use null as map key.", Map.of());
            }
            m.put(v[i], v[i + 1]);
        }
        return m;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new CreateMap(a);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
