package io.ember.sql.optimizer;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.PythonUDF;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Python UDF call in a join condition reads both sides, so no operator below the join can
 * evaluate it: for an inner (or cross) join the conjuncts that call one become a filter above
 * the join, {@code Join(a, b, f(a.x, b.y) AND a.k = b.k) -> Filter(f(a.x, b.y), Join(a, b,
 * a.k = b.k))}, where {@link ExtractPythonUDFs} moves them; a join left with no condition is a
 * cross join. For other join types Spark refuses such a condition, and so does this rule
 * ({@code UNSUPPORTED_FEATURE.PYTHON_UDF_IN_ON_CLAUSE}).
 */
final class PullPythonUDFsOutOfJoinCondition implements Rule<LogicalPlan> {
    private final Predicates p;

    PullPythonUDFsOutOfJoinCondition(Predicates p) {
        this.p = p;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (!(node instanceof Join j) || j.condition().isEmpty() || !callsUdf(j.condition().get())) {
                return node;
            }
            if (j.joinType() != JoinType.INNER && j.joinType() != JoinType.CROSS) {
                String type = "`" + j.joinType().name().replace('_', ' ') + "`";
                throw new AnalysisException("UNSUPPORTED_FEATURE.PYTHON_UDF_IN_ON_CLAUSE",
                        "[UNSUPPORTED_FEATURE.PYTHON_UDF_IN_ON_CLAUSE] The feature is not supported: Python UDF in "
                                + "the ON clause of a " + type + " JOIN. In case of an INNER JOIN consider rewriting "
                                + "to a CROSS JOIN with a WHERE clause.", Map.of("joinType", type));
            }
            List<Expression> calling = new ArrayList<>();
            List<Expression> rest = new ArrayList<>();
            for (Expression c : p.splitConjuncts(j.condition().get())) {
                (callsUdf(c) ? calling : rest).add(c);
            }
            Optional<Expression> kept = p.conjunction(rest);
            Join join = new Join(j.left(), j.right(), kept.isEmpty() ? JoinType.CROSS : j.joinType(), kept);
            return new Filter(p.conjunction(calling).orElseThrow(), join);
        });
    }

    private static boolean callsUdf(Expression e) {
        return e.exists(x -> x instanceof PythonUDF);
    }
}
