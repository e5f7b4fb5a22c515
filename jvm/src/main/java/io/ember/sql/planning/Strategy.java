package io.ember.sql.planning;

import io.ember.sql.execution.SparkPlan;
import io.ember.sql.plans.LogicalPlan;
import java.util.Optional;

/**
 * Turns one kind of logical node into physical operators, planning its children through the
 * planner. A strategy returns empty when the node is not its kind; the planner tries the
 * strategies in order. Public so that a higher layer can add its own through {@link
 * PlannerExtensions} (the python layer plans Python UDF evaluation this way).
 */
public interface Strategy {
    /** The physical plan of {@code plan}, or empty when it is not this strategy's kind. */
    Optional<SparkPlan> apply(LogicalPlan plan, QueryPlanner planner);
}
