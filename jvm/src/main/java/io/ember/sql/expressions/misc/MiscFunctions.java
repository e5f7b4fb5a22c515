package io.ember.sql.expressions.misc;

import io.ember.sql.expressions.Builders;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.Literal;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/** Registers the miscellaneous functions: session and type introspection, assertions, partition ids, random numbers, reflection. */
public final class MiscFunctions {
    private MiscFunctions() {}

    public static void register(FunctionRegistry r) {
        for (MiscKernel k : MiscKernel.values()) {
            if (k != MiscKernel.ASSERT_TRUE) Kernels.register(r, k.sqlName(), k.prettyName(), k);
        }
        r.register("assert_true", (args, d) -> {
            FunctionCalls.requireArgs("assert_true", args, 1, 2);
            List<io.ember.sql.expressions.Expression> a = new ArrayList<>(args);
            if (a.size() == 1) a.add(MiscKernel.assertMessage(args.get(0)));
            return new KernelFunction(MiscKernel.ASSERT_TRUE, "assert_true", a);
        });
        for (String name : List.of("reflect", "java_method", "try_reflect")) {
            r.register(name, Builders.varargs(name, 2, Integer.MAX_VALUE, a -> new Reflect(name, name.equals("try_reflect"), a)));
        }
        r.register("equal_null", Builders.varargs("equal_null", 2, 2, EqualNull::new));
        r.register("spark_partition_id", Builders.varargs("spark_partition_id", 0, 0, a -> new PartitionFunction(false)));
        r.register("monotonically_increasing_id", Builders.varargs("monotonically_increasing_id", 0, 0, a -> new PartitionFunction(true)));
        r.register("input_file_name", Builders.varargs("input_file_name", 0, 0, a -> new InputFileFunction(InputFileFunction.Part.NAME)));
        r.register("input_file_block_start", Builders.varargs("input_file_block_start", 0, 0, a -> new InputFileFunction(InputFileFunction.Part.START)));
        r.register("input_file_block_length", Builders.varargs("input_file_block_length", 0, 0, a -> new InputFileFunction(InputFileFunction.Part.LENGTH)));
        r.register("rand", random(RandomFunction.Kind.RAND, "rand", 0));
        r.register("random", random(RandomFunction.Kind.RAND, "rand", 0));
        r.register("randn", random(RandomFunction.Kind.RANDN, "randn", 0));
        r.register("uniform", random(RandomFunction.Kind.UNIFORM, "uniform", 2));
    }

    /** {@code fixed} value arguments, then an optional seed (a fresh random one when left out, as Spark). */
    private static FunctionRegistry.Builder random(RandomFunction.Kind kind, String pretty, int fixed) {
        return (args, d) -> {
            FunctionCalls.requireArgs(pretty, args, fixed, fixed + 1);
            List<io.ember.sql.expressions.Expression> a = new ArrayList<>(args);
            if (a.size() == fixed) a.add(new Literal(new java.util.Random().nextLong(), DataTypes.LongType));
            return new RandomFunction(kind, pretty, a);
        };
    }
}
