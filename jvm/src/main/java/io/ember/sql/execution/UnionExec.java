package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.rdd.UnionRDD;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;

/** The partitions of every child, one after another (UNION ALL; columns matched by position). */
public final class UnionExec extends SparkPlan {
    private static final long serialVersionUID = 1L;

    private final List<SparkPlan> children;

    public UnionExec(List<SparkPlan> children) {
        this.children = List.copyOf(children);
    }

    @Override
    public List<SparkPlan> children() {
        return children;
    }

    @Override
    protected SparkPlan withNewChildren(List<SparkPlan> newChildren) {
        return new UnionExec(newChildren);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> first = children.get(0).output();
        List<AttributeReference> out = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            boolean nullable = false;
            for (SparkPlan c : children) {
                nullable |= c.output().get(i).nullable();
            }
            out.add(first.get(i).withNullability(nullable));
        }
        return out;
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        List<RDD<ColumnBatch>> rdds = new ArrayList<>();
        for (SparkPlan c : children) {
            rdds.add(c.execute(ctx));
        }
        return rdds.size() == 1 ? rdds.get(0) : new UnionRDD<>(ctx.rdds(), rdds);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
