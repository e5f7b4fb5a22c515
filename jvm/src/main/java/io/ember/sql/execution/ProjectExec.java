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
        Partitioning p = child.outputPartitioning();
        if (p instanceof Partitioning.Hash h) {
            List<Expression> keys = inOutput(h.expressions());
            return keys == null ? new Partitioning.Unknown(h.numPartitions()) : new Partitioning.Hash(keys, h.numPartitions());
        }
        if (p instanceof Partitioning.Bucketed b) {
            List<Expression> keys = inOutput(b.expressions());
            return keys == null ? new Partitioning.Unknown(b.numPartitions()) : new Partitioning.Bucketed(keys, b.numPartitions());
        }
        return p;
    }

    /**
     * The partitioning keys in terms of this select's output: a column kept stays, a column
     * renamed ({@code k AS k2}) becomes its alias (as Spark's alias-aware output partitioning),
     * so a renamed key needs no new exchange; null if some key's column is dropped.
     */
    private List<Expression> inOutput(List<Expression> keys) {
        java.util.Map<io.ember.sql.expressions.ExprId, AttributeReference> visible = new java.util.HashMap<>();
        for (NamedExpression e : projectList) {
            if (e instanceof AttributeReference a) {
                visible.put(a.exprId(), a);
            }
        }
        for (NamedExpression e : projectList) {
            if (e instanceof io.ember.sql.expressions.Alias al && al.child() instanceof AttributeReference a) {
                visible.putIfAbsent(a.exprId(), al.toAttribute());
            }
        }
        List<Expression> out = new ArrayList<>();
        for (Expression k : keys) {
            boolean[] lost = {false};
            out.add(k.transformUp(x -> {
                if (x instanceof AttributeReference a) {
                    AttributeReference v = visible.get(a.exprId());
                    if (v == null) {
                        lost[0] = true;
                        return x;
                    }
                    return v;
                }
                return x;
            }));
            if (lost[0]) {
                return null;
            }
        }
        return out;
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        if (child instanceof FilterExec filter) {
            return executeOverFilter(ctx, filter);
        }
        List<Expression> bound = BindReferences.bindAll(projectList, child.output());
        Expression[] exprs = bound.toArray(new Expression[0]);
        return child.execute(ctx).mapPartitions(it -> io.ember.rdd.Iterators.map(it, b -> project(exprs, b)), false);
    }

    /**
     * Over a filter, has the filter gather only the columns this select reads (a filter over a
     * scan would otherwise copy the filter's own columns, then this select drop them), and
     * hands the narrowed batches on as they are when this select only keeps columns in order.
     */
    private RDD<ColumnBatch> executeOverFilter(ExecutionContext ctx, FilterExec filter) {
        List<AttributeReference> input = filter.output();
        boolean[] read = new boolean[input.size()];
        for (Expression e : BindReferences.bindAll(projectList, input)) {
            boolean[] r = BindReferences.columnsRead(e, input.size());
            for (int i = 0; i < r.length; i++) {
                read[i] |= r[i];
            }
        }
        List<AttributeReference> narrowed = new ArrayList<>();
        List<Integer> ords = new ArrayList<>();
        for (int i = 0; i < read.length; i++) {
            if (read[i]) {
                ords.add(i);
                narrowed.add(input.get(i));
            }
        }
        int[] keep = ords.stream().mapToInt(Integer::intValue).toArray();
        RDD<ColumnBatch> rows = filter.execute(ctx, keep);
        if (keepsInOrder(narrowed)) {
            return rows;
        }
        Expression[] exprs = BindReferences.bindAll(projectList, narrowed).toArray(new Expression[0]);
        return rows.mapPartitions(it -> io.ember.rdd.Iterators.map(it, b -> project(exprs, b)), false);
    }

    /** Whether this select is exactly the columns {@code narrowed}, in that order. */
    private boolean keepsInOrder(List<AttributeReference> narrowed) {
        if (projectList.size() != narrowed.size()) {
            return false;
        }
        for (int i = 0; i < projectList.size(); i++) {
            if (!(projectList.get(i) instanceof AttributeReference a) || !a.exprId().equals(narrowed.get(i).exprId())) {
                return false;
            }
        }
        return true;
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
