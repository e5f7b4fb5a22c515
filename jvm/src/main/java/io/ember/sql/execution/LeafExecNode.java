package io.ember.sql.execution;

import java.util.List;

/** A physical operator without children: a source of batches. */
public abstract class LeafExecNode extends SparkPlan {
    private static final long serialVersionUID = 1L;

    @Override
    public final List<SparkPlan> children() {
        return List.of();
    }

    @Override
    protected final SparkPlan withNewChildren(List<SparkPlan> newChildren) {
        return this;
    }
}
