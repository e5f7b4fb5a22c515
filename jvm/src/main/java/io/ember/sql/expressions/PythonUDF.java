package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A call of a Python user-defined function ({@code F.udf}, {@code @udf}, a function registered
 * with {@code spark.udf.register}). It cannot be evaluated by a kernel: the optimizer's
 * {@code ExtractPythonUDFs} moves every call into a {@code BatchEvalPython} node below the
 * operator that used it, whose physical operator runs {@link #command()} in Python workers over
 * batches of argument rows, and the call's place is taken by the node's result attribute.
 *
 * <p>{@code command} is the pickled Python function {@code f(partition, records) -> results}
 * (docs/sql.md, "Python UDFs"), opaque to the JVM. A call with {@code udfDeterministic} false
 * is nondeterministic, so the optimizer neither moves nor duplicates it.
 */
public final class PythonUDF extends Unevaluable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final Command command;
    private final DataType returnType;
    private final List<Expression> children;
    private final boolean udfDeterministic;
    private final int evalType;

    /** PySpark's eval type of a row-at-a-time UDF. */
    public static final int SQL_BATCHED_UDF = 100;
    /** PySpark's eval types of scalar and scalar-iterator pandas UDFs (their rows can cross as Arrow). */
    public static final int SQL_SCALAR_PANDAS_UDF = 200;
    public static final int SQL_SCALAR_PANDAS_ITER_UDF = 204;

    public PythonUDF(String name, byte[] command, DataType returnType, List<? extends Expression> children,
                     boolean udfDeterministic) {
        this(name, command, returnType, children, udfDeterministic, SQL_BATCHED_UDF);
    }

    public PythonUDF(String name, byte[] command, DataType returnType, List<? extends Expression> children,
                     boolean udfDeterministic, int evalType) {
        this(name, new Command(command.clone()), returnType, children, udfDeterministic, evalType);
    }

    private PythonUDF(String name, Command command, DataType returnType, List<? extends Expression> children,
                      boolean udfDeterministic, int evalType) {
        this.name = name;
        this.command = command;
        this.returnType = returnType;
        this.children = List.copyOf(children);
        this.udfDeterministic = udfDeterministic;
        this.evalType = evalType;
    }

    /** PySpark's eval type ({@link #SQL_BATCHED_UDF} for a row UDF). */
    public int evalType() {
        return evalType;
    }

    /** Whether this is a scalar or scalar-iterator pandas UDF. */
    public boolean scalarPandas() {
        return evalType == SQL_SCALAR_PANDAS_UDF || evalType == SQL_SCALAR_PANDAS_ITER_UDF;
    }

    public String name() {
        return name;
    }

    /** The pickled command (a copy). */
    public byte[] command() {
        return command.bytes.clone();
    }

    public boolean udfDeterministic() {
        return udfDeterministic;
    }

    @Override
    public DataType dataType() {
        return returnType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public boolean deterministic() {
        return udfDeterministic && super.deterministic();
    }

    /** As Spark names an unaliased UDF column: {@code f(a, b)}, {@code <lambda>(x)}. */
    @Override
    public String sql() {
        StringBuilder b = new StringBuilder(name).append('(');
        for (int i = 0; i < children.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(children.get(i).sql());
        }
        return b.append(')').toString();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name).append('(');
        for (int i = 0; i < children.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(children.get(i));
        }
        return b.append(')').toString();
    }

    @Override
    public List<Expression> children() {
        return children;
    }

    @Override
    protected Expression withNewChildren(List<Expression> newChildren) {
        return new PythonUDF(name, command, returnType, newChildren, udfDeterministic, evalType);
    }

    @Override
    protected List<Object> args() {
        return List.of(name, command, returnType, udfDeterministic, evalType);
    }

    /** The command bytes with content equality, so equal calls are equal trees. */
    private static final class Command implements Serializable {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        Command(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Command c && Arrays.equals(bytes, c.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "<" + bytes.length + " bytes>";
        }
    }
}
