package io.ember.sql.plans;

import java.util.List;

/** A plan with one child. */
public abstract class UnaryNode extends LogicalPlan {
    private static final long serialVersionUID = 1L;

    public abstract LogicalPlan child();

    /** This node over a new child. */
    public abstract LogicalPlan withChild(LogicalPlan newChild);

    @Override
    public List<LogicalPlan> children() {
        return List.of(child());
    }

    @Override
    protected LogicalPlan withNewChildren(List<LogicalPlan> newChildren) {
        return withChild(newChildren.get(0));
    }
}
