package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;

/** Evaluates {@code projectList} over each batch of the child: one output column per expression. */
public final class ProjectExec extends UnaryExecNode {
    private static final long serialVersionUID = 1L;

    private final List<NamedExpression> projectList;
    private final SparkPlan child;

    public ProjectExec(List<? extends NamedExpression> projectList, SparkPlan child) {
        this.projectList = List.copyOf(projectList);
        this.child = child;
    }

    public List<NamedExpression> projectList() {
        return projectList;
    }

    @Override
    public SparkPlan child() {
        return child;
    }

    @Override
    public SparkPlan withNewChild(SparkPlan newChild) {
        return new ProjectExec(projectList, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>();
        for (NamedExpression e : projectList) {
            out.add(e.toAttribute());
        }
        return out;
    }

    @Override
    public Partitioning outputPartitioning() {
        return child.outputPartitioning();
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        List<Expression> bound = BindReferences.bindAll(projectList, child.output());
        Expression[] exprs = bound.toArray(new Expression[0]);
        return child.execute(ctx).mapPartitions(it -> io.ember.rdd.Iterators.map(it, b -> project(exprs, b)), false);
    }

    static ColumnBatch project(Expression[] exprs, ColumnBatch b) {
        ColumnVector[] cols = new ColumnVector[exprs.length];
        for (int i = 0; i < exprs.length; i++) {
            cols[i] = exprs[i].eval(b);
        }
        return new ColumnBatch(cols, b.numRows());
    }

    @Override
    protected List<Object> args() {
        return List.of(projectList);
    }

    @Override
    public String simpleString() {
        return "Project " + projectList;
    }
}
