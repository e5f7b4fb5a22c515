package io.ember.sql.execution;

import java.util.List;

/** A physical operator with one child. */
public abstract class UnaryExecNode extends SparkPlan {
    private static final long serialVersionUID = 1L;

    public abstract SparkPlan child();

    public abstract SparkPlan withNewChild(SparkPlan newChild);

    @Override
    public final List<SparkPlan> children() {
        return List.of(child());
    }

    @Override
    protected final SparkPlan withNewChildren(List<SparkPlan> newChildren) {
        return withNewChild(newChildren.get(0));
    }
}
