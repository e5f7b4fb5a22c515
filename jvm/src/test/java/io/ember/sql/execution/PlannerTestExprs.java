package io.ember.sql.execution;

import io.ember.sql.expressions.Expression;
import java.util.List;

/** Opens the execution package's test expressions to planner tests. */
public final class PlannerTestExprs {
    private PlannerTestExprs() {}

    public static Expression gt(Expression a, Expression b) {
        return TestExprs.gt(a, b);
    }

    public static Expression add(Expression a, Expression b) {
        return TestExprs.add(a, b);
    }

    public static Expression mod(Expression a, Expression b) {
        return TestExprs.mod(a, b);
    }

    public static Expression eq(Expression a, Expression b) {
        return TestExprs.eq(a, b);
    }

    public static Expression sum(Expression e) {
        return new TestAggs.Sum(e);
    }

    public static Expression count() {
        return new TestAggs.Count(List.of());
    }
}
