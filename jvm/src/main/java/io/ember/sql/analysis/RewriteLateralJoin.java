package io.ember.sql.analysis;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.expressions.subquery.Subqueries;
import io.ember.sql.optimizer.Predicates;
import io.ember.sql.optimizer.PullUpCorrelatedPredicates;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LateralJoin;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link LateralJoin} whose right side has resolved becomes a {@link Join}: the correlated
 * predicates are pulled out of the right side ({@link PullUpCorrelatedPredicates}, which refuses
 * shapes it cannot decorrelate with an error naming them) and, with the outer references now plain
 * columns of the left side, joined by {@code and} with the user's condition (left to the next
 * round to resolve against both sides). A select keeps the output to the left's columns and the
 * right side's own. A correlated global aggregate on the right is {@link LateralAggregate}'s, a
 * select list reading outer columns {@link LateralOuterSelect}'s. Stateless.
 */
final class RewriteLateralJoin implements Rule<LogicalPlan> {
    private final PullUpCorrelatedPredicates pullUp;
    private final LateralAggregate aggregate;
    private final LateralOuterSelect outerSelect;

    RewriteLateralJoin(FunctionRegistry registry) {
        this.pullUp = new PullUpCorrelatedPredicates(new Predicates(registry));
        this.aggregate = new LateralAggregate(pullUp);
        this.outerSelect = new LateralOuterSelect(pullUp);
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof LateralJoin j && j.child().resolved()
                && j.right().plan().resolved() ? rewrite(j) : node);
    }

    private LogicalPlan rewrite(LateralJoin j) {
        Optional<LogicalPlan> global = aggregate.rewrite(j);
        if (global.isPresent()) {
            return global.get();
        }
        Optional<LogicalPlan> lifted = outerSelect.rewrite(j);
        if (lifted.isPresent()) {
            return lifted.get();
        }
        LogicalPlan right = j.right().plan();
        PullUpCorrelatedPredicates.Result r = pullUp.pullUp(right);
        List<Expression> conjuncts = new ArrayList<>();
        r.predicates().forEach(e -> conjuncts.add(Subqueries.stripOuter(e)));
        j.condition().ifPresent(conjuncts::add);
        Optional<Expression> condition = conjuncts.stream()
                .reduce((a, b) -> new UnresolvedFunction("and", List.of(a, b), false));
        JoinType type = j.joinType() == JoinType.CROSS && condition.isPresent() ? JoinType.INNER : j.joinType();
        LogicalPlan joined = new Join(j.child(), r.plan(), type, condition);
        if (r.plan().output().equals(right.output())) {
            return joined;
        }
        List<AttributeReference> out = new ArrayList<>(j.child().output());
        out.addAll(right.output());
        return new Project(out, joined);
    }
}
