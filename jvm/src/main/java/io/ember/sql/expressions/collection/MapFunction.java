package io.ember.sql.expressions.collection;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Map functions: {@code map_keys}, {@code map_values}, {@code map_entries} (structs of key and
 * value), {@code map_from_arrays}, {@code map_from_entries}, {@code map_contains_key}. Building
 * a map refuses a null key and a repeated key ({@code NULL_MAP_KEY}, {@code
 * DUPLICATED_MAP_KEY}), as Spark's default {@code spark.sql.mapKeyDedupPolicy=EXCEPTION}.
 */
public final class MapFunction extends RowFunction {
    private static final long serialVersionUID = 1L;

    /** Which function. */
    public enum Kind { MAP_KEYS, MAP_VALUES, MAP_ENTRIES, MAP_FROM_ARRAYS, MAP_FROM_ENTRIES, MAP_CONTAINS_KEY }

    private final Kind kind;

    public MapFunction(Kind kind, List<Expression> args) {
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

    /** Spark's struct of a map entry. */
    static StructType entryType(MapType m) {
        return new StructType(List.of(new StructField("key", m.keyType(), false),
                new StructField("value", m.valueType(), m.valueContainsNull())));
    }

    @Override
    public List<InputType> inputTypes() {
        return switch (kind) {
            case MAP_KEYS, MAP_VALUES, MAP_ENTRIES -> List.of(InputType.MAP);
            case MAP_FROM_ARRAYS -> List.of(InputType.ARRAY, InputType.ARRAY);
            case MAP_FROM_ENTRIES -> List.of(InputType.family("ARRAY<STRUCT<KEY, VALUE>>", t -> t instanceof ArrayType a
                    && a.elementType() instanceof StructType s && s.fields().size() == 2, null));
            case MAP_CONTAINS_KEY -> args.get(0).dataType() instanceof MapType m
                    ? List.of(InputType.MAP, InputType.exact(m.keyType())) : List.of(InputType.MAP);
        };
    }

    @Override
    public DataType dataType() {
        return switch (kind) {
            case MAP_KEYS -> new ArrayType(map().keyType(), false);
            case MAP_VALUES -> new ArrayType(map().valueType(), map().valueContainsNull());
            case MAP_ENTRIES -> new ArrayType(entryType(map()), false);
            case MAP_FROM_ARRAYS -> {
                ArrayType k = (ArrayType) args.get(0).dataType();
                ArrayType v = (ArrayType) args.get(1).dataType();
                yield new MapType(k.elementType(), v.elementType(), v.containsNull());
            }
            case MAP_FROM_ENTRIES -> {
                StructType s = (StructType) ((ArrayType) args.get(0).dataType()).elementType();
                yield new MapType(s.field(0).dataType(), s.field(1).dataType(), s.field(1).nullable());
            }
            case MAP_CONTAINS_KEY -> DataTypes.BooleanType;
        };
    }

    @Override
    protected Object compute(Object[] v) {
        switch (kind) {
            case MAP_KEYS:
                return new ArrayList<>(((Map<?, ?>) v[0]).keySet());
            case MAP_VALUES:
                return new ArrayList<>(((Map<?, ?>) v[0]).values());
            case MAP_ENTRIES: {
                List<Object> out = new ArrayList<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v[0]).entrySet()) out.add(new Object[] {e.getKey(), e.getValue()});
                return out;
            }
            case MAP_FROM_ARRAYS: {
                List<?> k = (List<?>) v[0];
                List<?> vs = (List<?>) v[1];
                if (k.size() != vs.size()) {
                    throw new ExpressionEvalException("ILLEGAL_ARGUMENT",
                            "The key array and value array of MapData must have the same length.", Map.of());
                }
                Map<Object, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < k.size(); i++) put(out, k.get(i), vs.get(i));
                return out;
            }
            case MAP_FROM_ENTRIES: {
                Map<Object, Object> out = new LinkedHashMap<>();
                for (Object e : (List<?>) v[0]) {
                    if (e == null) return null;
                    Object[] kv = (Object[]) e;
                    put(out, kv[0], kv[1]);
                }
                return out;
            }
            default:
                return ((Map<?, ?>) v[0]).containsKey(v[1]);
        }
    }

    /** Adds an entry to a map being built, with Spark's errors for a null or repeated key. */
    public static void put(Map<Object, Object> m, Object k, Object v) {
        if (k == null) {
            throw new ExpressionEvalException("NULL_MAP_KEY", "Cannot use null as map key.", Map.of());
        }
        if (m.containsKey(k)) {
            throw new ExpressionEvalException("DUPLICATED_MAP_KEY", "Duplicate map key " + k
                    + " was found, please check the input data. If you want to remove the duplicated keys, you can set"
                    + " \"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key inserted at last takes precedence.",
                    Map.of("key", String.valueOf(k), "mapKeyDedupPolicy", "\"spark.sql.mapKeyDedupPolicy\"")
            );
        }
        m.put(k, v);
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new MapFunction(kind, a);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }
}
