package io.ember.sql.expressions.lambda;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.MapType;
import java.util.List;
import java.util.function.Function;

/** Registers the higher-order functions, each with the variable types its lambdas take. */
public final class HigherOrderFunctions {
    private HigherOrderFunctions() {}

    /** What a lambda position's variables are, from the call's arguments. */
    @FunctionalInterface
    private interface Variables {
        List<DataType> of(List<Expression> args, int lambdaIndex, int arity);
    }

    private record Builder(String name, int min, int max, Variables variables, Function<List<Expression>, Expression> build)
            implements HigherOrderBuilder {
        @Override
        public Expression build(List<Expression> args, boolean distinct) {
            FunctionCalls.requireArgs(name, args, min, max);
            return build.apply(args);
        }

        @Override
        public List<DataType> variableTypes(List<Expression> args, int lambdaIndex, int arity) {
            return variables.of(args, lambdaIndex, arity);
        }
    }

    private static DataType element(Expression e) {
        return e.dataType() instanceof ArrayType a ? a.elementType() : DataTypes.NullType;
    }

    private static MapType map(Expression e) {
        return e.dataType() instanceof MapType m ? m : new MapType(DataTypes.NullType, DataTypes.NullType, true);
    }

    private static List<DataType> exactly(int arity, List<DataType> types) {
        return arity == types.size() ? types : List.of();
    }

    /** Spark's default finish, {@code lambdafunction(id, id)}, named as the merge lambda's variables are. */
    private static List<Expression> withIdentityFinish(List<Expression> a) {
        boolean anonymous = ((LambdaFunction) a.get(2)).arguments().get(0) instanceof NamedLambdaVariable v
                && v.sql().equals("namedlambdavariable()");
        NamedLambdaVariable id = new NamedLambdaVariable("id", a.get(1).dataType(), true, io.ember.sql.expressions.ExprId.next(), anonymous);
        return List.of(a.get(0), a.get(1), a.get(2), new LambdaFunction(id, List.of(id)));
    }

    public static void register(io.ember.sql.expressions.FunctionRegistry r) {
        for (ArrayTransform.Kind k : ArrayTransform.Kind.values()) {
            String name = k.name().toLowerCase(java.util.Locale.ROOT);
            boolean withIndex = k == ArrayTransform.Kind.TRANSFORM || k == ArrayTransform.Kind.FILTER;
            r.register(name, new Builder(name, 2, 2, (a, i, n) -> i != 1 ? List.of()
                    : n == 1 ? List.of(element(a.get(0)))
                    : n == 2 && withIndex ? List.of(element(a.get(0)), DataTypes.IntegerType) : List.of(),
                    a -> new ArrayTransform(k, a)));
        }
        for (String name : List.of("aggregate", "reduce")) {
            r.register(name, new Builder(name, 3, 4, (a, i, n) -> i == 2 ? exactly(n, List.of(a.get(1).dataType(), element(a.get(0))))
                    : i == 3 ? exactly(n, List.of(a.get(1).dataType())) : List.of(),
                    a -> new ArrayAggregate(name, a.size() == 4 ? a : withIdentityFinish(a))));
        }
        r.register("zip_with", new Builder("zip_with", 3, 3,
                (a, i, n) -> i == 2 ? exactly(n, List.of(element(a.get(0)), element(a.get(1)))) : List.of(), ZipWith::new));
        for (MapLambdaFunction.Kind k : MapLambdaFunction.Kind.values()) {
            String name = k.name().toLowerCase(java.util.Locale.ROOT);
            r.register(name, new Builder(name, 2, 2, (a, i, n) -> i == 1
                    ? exactly(n, List.of(map(a.get(0)).keyType(), map(a.get(0)).valueType())) : List.of(),
                    a -> new MapLambdaFunction(k, a)));
        }
        r.register("map_zip_with", new Builder("map_zip_with", 3, 3, (a, i, n) -> i == 2
                ? exactly(n, List.of(map(a.get(0)).keyType(), map(a.get(0)).valueType(), map(a.get(1)).valueType())) : List.of(),
                MapZipWith::new));
        r.register("array_sort", new Builder("array_sort", 1, 2,
                (a, i, n) -> i == 1 ? exactly(n, List.of(element(a.get(0)), element(a.get(0)))) : List.of(),
                a -> a.size() == 1 ? ArraySort.ascending(a.get(0)) : new ArraySort(a, false)));
    }
}
