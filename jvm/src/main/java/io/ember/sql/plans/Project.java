package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** {@code SELECT projectList FROM child}; once resolved, each entry is a named expression. */
public final class Project extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final List<Expression> projectList;
    private final LogicalPlan child;

    public Project(List<? extends Expression> projectList, LogicalPlan child) {
        this.projectList = List.copyOf(projectList);
        this.child = child;
    }

    public List<Expression> projectList() {
        return projectList;
    }

    @Override
    public LogicalPlan child() {
        return child;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new Project(projectList, newChild);
    }

    @Override
    public Statistics stats() {
        return Statistics.projected(child.stats(), child.output(), output());
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>(projectList.size());
        for (Expression e : projectList) {
            out.add(((NamedExpression) e).toAttribute());
        }
        return out;
    }

    @Override
    protected boolean computeResolved() {
        return super.computeResolved() && projectList.stream().allMatch(e -> e instanceof NamedExpression);
    }

    @Override
    public List<Expression> expressions() {
        return projectList;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        List<Expression> mapped = mapAll(projectList, f);
        return mapped == null ? this : new Project(mapped, child);
    }

    @Override
    protected List<Object> args() {
        return List.of(projectList);
    }
}
