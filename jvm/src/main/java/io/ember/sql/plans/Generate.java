package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Applies a {@link Generator} to each row of {@code child}: the output is the child's columns
 * followed by {@code generatorOutput} (one attribute per field of the generator's element
 * schema), once per generated row; with {@code outer}, an input row that generates nothing
 * is kept once with nulls in the generated columns.
 */
public final class Generate extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final Generator generator;
    private final boolean outer;
    private final List<AttributeReference> generatorOutput;
    private final LogicalPlan child;

    public Generate(Generator generator, boolean outer, List<AttributeReference> generatorOutput, LogicalPlan child) {
        this.generator = generator;
        this.outer = outer;
        this.generatorOutput = List.copyOf(generatorOutput);
        this.child = child;
    }

    public Generator generator() {
        return generator;
    }

    public boolean outer() {
        return outer;
    }

    public List<AttributeReference> generatorOutput() {
        return generatorOutput;
    }

    @Override
    public LogicalPlan child() {
        return child;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new Generate(generator, outer, generatorOutput, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>(child.output());
        for (AttributeReference a : generatorOutput) {
            out.add(outer ? a.withNullability(true) : a);
        }
        return out;
    }

    @Override
    public List<Expression> expressions() {
        return List.of(generator);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        Expression g = f.apply(generator);
        return g == generator ? this : new Generate((Generator) g, outer, generatorOutput, child);
    }

    @Override
    protected List<Object> args() {
        return List.of(generator, outer, generatorOutput);
    }
}
