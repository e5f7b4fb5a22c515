package io.ember.sql.expressions.misc;

import io.ember.sql.expressions.AnsiAware;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * A call of a {@link ScalarKernel}: evaluates the arguments over the batch and the kernel row by
 * row. {@code name} is the name the call was made under (an alias such as {@code ucase} keeps its
 * own name in the output column, as Spark's does). Under ANSI mode ({@link AnsiAware}; only
 * kernels that are {@link ScalarKernel#ansiAware} take it) rows go to {@link ScalarKernel#applyAnsi}.
 */
public final class KernelFunction extends RowFunction implements AnsiAware {
    private static final long serialVersionUID = 1L;

    private final ScalarKernel kernel;
    private final String name;
    private final boolean ansi;

    public KernelFunction(ScalarKernel kernel, String name, List<Expression> args, boolean ansi) {
        super(args);
        this.kernel = kernel;
        this.name = name;
        this.ansi = ansi;
    }

    public KernelFunction(ScalarKernel kernel, String name, List<Expression> args) {
        this(kernel, name, args, false);
    }

    @Override
    public boolean ansi() {
        return ansi;
    }

    @Override
    public Expression withAnsi(boolean a) {
        return a == ansi || !kernel.ansiAware() ? this : new KernelFunction(kernel, name, args, a);
    }

    public ScalarKernel kernel() {
        return kernel;
    }

    private List<DataType> argTypes() {
        List<DataType> t = new ArrayList<>(args.size());
        for (Expression a : args) t.add(a.dataType());
        return t;
    }

    @Override
    public String prettyName() {
        return name;
    }

    @Override
    public List<InputType> inputTypes() {
        List<DataType> types = argTypes();
        List<InputType> t = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) t.add(kernel.inputType(i, types));
        return t;
    }

    @Override
    public DataType dataType() {
        return kernel.resultType(argTypes());
    }

    @Override
    protected boolean nullSafe() {
        return kernel.nullSafe();
    }

    @Override
    protected Object compute(Object[] values) {
        return ansi ? kernel.applyAnsi(values, argTypes()) : kernel.apply(values, argTypes());
    }

    @Override
    public String sql() {
        return kernel.sql(name, args);
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new KernelFunction(kernel, name, a, ansi);
    }

    @Override
    protected List<Object> args() {
        return List.of(kernel, name, ansi);
    }
}
