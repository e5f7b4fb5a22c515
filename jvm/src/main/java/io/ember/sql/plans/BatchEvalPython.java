package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.PythonUDF;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Evaluates Python UDF calls over the rows of {@code child} in Python workers and appends one
 * column per call: the output is the child's columns followed by {@code resultAttributes}
 * ({@code resultAttributes.get(i)} holds the value of {@code udfs.get(i)}). Made by the
 * optimizer's {@code ExtractPythonUDFs}; the operators above refer to the result attributes
 * instead of the calls. Each call's arguments read only the child's output.
 */
public final class BatchEvalPython extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final List<PythonUDF> udfs;
    private final List<AttributeReference> resultAttributes;
    private final LogicalPlan child;

    public BatchEvalPython(List<PythonUDF> udfs, List<AttributeReference> resultAttributes, LogicalPlan child) {
        if (udfs.size() != resultAttributes.size()) {
            throw new IllegalArgumentException(udfs.size() + " UDFs but " + resultAttributes.size() + " results");
        }
        this.udfs = List.copyOf(udfs);
        this.resultAttributes = List.copyOf(resultAttributes);
        this.child = child;
    }

    public List<PythonUDF> udfs() {
        return udfs;
    }

    public List<AttributeReference> resultAttributes() {
        return resultAttributes;
    }

    @Override
    public LogicalPlan child() {
        return child;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new BatchEvalPython(udfs, resultAttributes, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>(child.output());
        out.addAll(resultAttributes);
        return out;
    }

    @Override
    public List<Expression> expressions() {
        return List.copyOf(udfs);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        List<Expression> mapped = mapAll(expressions(), f);
        if (mapped == null) {
            return this;
        }
        List<PythonUDF> calls = new ArrayList<>(mapped.size());
        for (Expression e : mapped) {
            calls.add((PythonUDF) e);
        }
        return new BatchEvalPython(calls, resultAttributes, child);
    }

    @Override
    protected List<Object> args() {
        return List.of(udfs, resultAttributes);
    }
}
