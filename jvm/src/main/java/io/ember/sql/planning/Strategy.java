package io.ember.sql.planning;

import io.ember.sql.execution.SparkPlan;
import io.ember.sql.plans.LogicalPlan;
import java.util.Optional;

/**
 * Turns one kind of logical node into physical operators, planning its children through the
 * planner. A strategy returns empty when the node is not its kind; the planner tries the
 * strategies in order.
 */
interface Strategy {
    Optional<SparkPlan> apply(LogicalPlan plan, QueryPlanner planner);
}
