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
    }
}
