package io.ember.sql.execution;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FailFreePredicates;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.plans.JoinType;

/**
 * Where a filter on a join's stream-side key column can go: the scan that reads the column,
 * reached through operators that pass each row's value of it through unchanged, evaluate
 * nothing that could fail or depend on which rows they see, and emit nothing for a row the
 * join would drop (projections of columns, filters of plain comparisons, and the stream side
 * of inner and left semi broadcast joins). So a row dropped at the scan is one that would have
 * reached the join only to be dropped there, and no error or other observable effect is lost.
 * Stateless.
 */
final class RuntimeFilterPlacement {
    private RuntimeFilterPlacement() {}

    /** The scan and its column that {@code plan}'s output column {@code id} is read from; null if none qualifies. */
    static Target find(SparkPlan plan, ExprId id) {
        if (plan instanceof RuntimeFilteredScan s) {
            if (!s.takesRuntimeFilters()) {
                return null;
            }
            for (AttributeReference a : plan.output()) {
                if (a.exprId().equals(id)) {
                    return new Target(plan, a);
                }
            }
            return null;
        }
        if (plan instanceof FilterExec f) {
            return FailFreePredicates.cannotFail(f.condition()) ? find(f.child(), id) : null;
        }
        if (plan instanceof ProjectExec p) {
            ExprId from = null;
            for (NamedExpression e : p.projectList()) {
                Expression source = e instanceof Alias a ? a.child() : e;
                if (!(source instanceof AttributeReference) && !(source instanceof Literal)) {
                    return null;
                }
                if (e.exprId().equals(id) && source instanceof AttributeReference r) {
                    from = r.exprId();
                }
            }
            return from == null ? null : find(p.child(), from);
        }
        if (plan instanceof BroadcastHashJoinExec j && dropsUnmatchedStream(j.joinType(), j.buildSide())
                && (j.condition == null || FailFreePredicates.cannotFail(j.condition))) {
            SparkPlan stream = j.streamPlan();
            return stream.output().stream().anyMatch(a -> a.exprId().equals(id)) ? find(stream, id) : null;
        }
        return null;
    }

    /** Whether a hash join of this type, building {@code build}, emits nothing for a stream row without a match. */
    static boolean dropsUnmatchedStream(JoinType type, JoinSide build) {
        return type == JoinType.INNER || (type == JoinType.LEFT_SEMI && build == JoinSide.RIGHT);
    }

    /** A scan and the column of its output a filter reads. */
    record Target(SparkPlan scan, AttributeReference column) {}
}
