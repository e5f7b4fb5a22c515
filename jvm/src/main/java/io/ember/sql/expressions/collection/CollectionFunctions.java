package io.ember.sql.expressions.collection;

import io.ember.sql.expressions.Builders;
import io.ember.sql.expressions.CreateArray;
import io.ember.sql.expressions.CreateMap;
import io.ember.sql.expressions.CreateStruct;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.Literal;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Registers the array, map and struct functions. */
public final class CollectionFunctions {
    private CollectionFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("array", Builders.varargs("array", 0, Integer.MAX_VALUE, CreateArray::new));
        r.register("struct", Builders.varargs("struct", 1, Integer.MAX_VALUE, CreateStruct::of));
        r.register("named_struct", Builders.varargs("named_struct", 2, Integer.MAX_VALUE, a -> {
            List<String> names = new ArrayList<>();
            List<io.ember.sql.expressions.Expression> values = new ArrayList<>();
            for (int i = 0; i + 1 < a.size(); i += 2) {
                names.add(String.valueOf(((Literal) a.get(i)).value()));
                values.add(a.get(i + 1));
            }
            return new CreateStruct(values, names);
        }));
        r.register("map", Builders.varargs("map", 0, Integer.MAX_VALUE, CreateMap::new));
        r.register("create_map", Builders.varargs("create_map", 0, Integer.MAX_VALUE, CreateMap::new));
        for (CollectionFunction.Kind k : CollectionFunction.Kind.values()) {
            String name = k.name().toLowerCase(Locale.ROOT);
            int min = k == CollectionFunction.Kind.SIZE || k == CollectionFunction.Kind.ARRAY_DISTINCT || k == CollectionFunction.Kind.SORT_ARRAY ? 1 : 2;
            int max = k == CollectionFunction.Kind.SIZE || k == CollectionFunction.Kind.ARRAY_DISTINCT ? 1 : 2;
            r.register(name, (args, d) -> {
                FunctionCalls.requireArgs(name, args, min, max);
                List<io.ember.sql.expressions.Expression> a = args;
                if (k == CollectionFunction.Kind.SORT_ARRAY && a.size() == 1) {
                    a = List.of(a.get(0), new Literal(true, DataTypes.BooleanType));
                }
                return new CollectionFunction(k, a);
            });
        }
        r.register("cardinality", r.lookup("size").orElseThrow());
        for (ArrayFunction.Kind k : ArrayFunction.Kind.values()) {
            int min = switch (k) {
                case ARRAY_MAX, ARRAY_MIN, FLATTEN, ARRAY_SIZE -> 1;
                case SLICE, ARRAY_INSERT -> 3;
                default -> 2;
            };
            int max = k == ArrayFunction.Kind.ARRAY_JOIN ? 3 : min;
            r.register(k.sqlName(), Builders.varargs(k.sqlName(), min, max, a -> new ArrayFunction(k, a)));
        }
        for (ArraySetFunction.Kind k : ArraySetFunction.Kind.values()) {
            String name = k.name().toLowerCase(Locale.ROOT);
            int n = k == ArraySetFunction.Kind.ARRAY_COMPACT ? 1 : 2;
            r.register(name, Builders.varargs(name, n, n, a -> new ArraySetFunction(k, a)));
        }
        for (MapFunction.Kind k : MapFunction.Kind.values()) {
            String name = k.name().toLowerCase(Locale.ROOT);
            int n = k == MapFunction.Kind.MAP_FROM_ARRAYS || k == MapFunction.Kind.MAP_CONTAINS_KEY ? 2 : 1;
            r.register(name, Builders.varargs(name, n, n, a -> new MapFunction(k, a)));
        }
        for (VectorFunction.Kind k : VectorFunction.Kind.values()) {
            String name = k.name().toLowerCase(Locale.ROOT);
            boolean withDegree = k == VectorFunction.Kind.VECTOR_NORM || k == VectorFunction.Kind.VECTOR_NORMALIZE;
            r.register(name, Builders.varargs(name, withDegree ? 1 : 2, 2, a -> new VectorFunction(k, withDegree && a.size() == 1
                    ? List.of(a.get(0), new Literal(2.0f, DataTypes.FloatType)) : a)));
        }
        r.register("map_concat", Builders.varargs("map_concat", 0, Integer.MAX_VALUE, MapConcat::new));
        r.register("sequence", Builders.varargs("sequence", 2, 3, Sequence::new));
        r.register("arrays_zip", Builders.varargs("arrays_zip", 1, Integer.MAX_VALUE, ArraysZip::of));
        r.register("shuffle", Builders.varargs("shuffle", 1, 2, a -> new Shuffle(a.get(0),
                a.size() > 1 ? ((Number) ((Literal) a.get(1)).value()).longValue() : new java.util.Random().nextLong())));
    }
}
