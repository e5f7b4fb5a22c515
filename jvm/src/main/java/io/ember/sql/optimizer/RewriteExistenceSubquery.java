package io.ember.sql.optimizer;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.Not;
import io.ember.sql.expressions.aggregate.Count;
import io.ember.sql.expressions.subquery.Exists;
import io.ember.sql.expressions.subquery.InSubquery;
import io.ember.sql.expressions.subquery.NotInSubquery;
import io.ember.sql.expressions.subquery.Subqueries;
import io.ember.sql.expressions.subquery.SubqueryExpression;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The EXISTS and IN subqueries {@link RewritePredicateSubquery} left (in a select list, under
 * OR, in an aggregate) become a true/false value from a left outer join, as Spark's existence
 * join gives: the subquery grouped by the inner columns of its correlated equalities (and, for
 * IN, by its columns, matched to the values), with a marker that is null for an outer row that
 * found no group. Grouping makes each outer row match at most once. Like Spark's, the value is
 * never null (a null IN value is false here). A NOT over an IN is null-aware, as Spark's: it
 * becomes a {@link NotInSubquery} that {@link NullAwareNotInJoin} joins. An uncorrelated EXISTS
 * is {@code count(1) > 0} of the whole subquery, joined as one row. Stateless.
 */
public final class RewriteExistenceSubquery implements Rule<LogicalPlan> {
    private final Predicates p;
    private final PullUpCorrelatedPredicates pullUp;
    private final NullAwareNotInJoin notIn;

    public RewriteExistenceSubquery(Predicates p) {
        this.p = p;
        this.pullUp = new PullUpCorrelatedPredicates(p);
        this.notIn = new NullAwareNotInJoin(p);
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return SubqueryRewrites.nestedFirst(plan, this, node -> SubqueryRewrites.joinEach(
                node.mapExpressions(e -> e.transformUp(x -> x instanceof Not n && n.child() instanceof InSubquery in
                        ? new NotInSubquery(in.values(), in.plan()) : x)),
                x -> x instanceof Exists || x instanceof InSubquery || x instanceof NotInSubquery, this::join));
    }

    private SubqueryRewrites.Joined join(LogicalPlan child, SubqueryExpression s) {
        if (s instanceof NotInSubquery n) {
            return notIn.join(child, n);
        }
        if (s instanceof Exists && !s.correlated()) {
            Alias any = new Alias(op(">", new Count(List.of(new Literal(1, DataTypes.IntegerType))),
                    new Literal(0L, DataTypes.LongType)), "exists");
            Aggregate right = new Aggregate(List.of(), List.of(any), s.plan());
            return new SubqueryRewrites.Joined(new Join(child, right, JoinType.LEFT_OUTER, Optional.empty()), any.toAttribute());
        }
        PullUpCorrelatedPredicates.Result r = pullUp.pullUp(s.plan());
        List<AttributeReference> keys = new ArrayList<>(pullUp.equalityKeys(r.predicates()));
        List<Expression> conds = new ArrayList<>();
        for (Expression pred : r.predicates()) {
            conds.add(Subqueries.stripOuter(pred));
        }
        if (s instanceof InSubquery in) {
            List<AttributeReference> columns = s.plan().output();
            for (int i = 0; i < columns.size(); i++) {
                AttributeReference c = columns.get(i);
                conds.add(op("==", in.values().get(i), c));
                if (keys.stream().noneMatch(k -> k.sameColumn(c))) {
                    keys.add(c);
                }
            }
        }
        Alias marker = new Alias(Predicates.TRUE, "exists");
        List<Expression> outputs = new ArrayList<>(keys);
        outputs.add(marker);
        Aggregate right = new Aggregate(keys, outputs, r.plan());
        Expression found = op("isnotnull", marker.toAttribute().withNullability(true));
        return new SubqueryRewrites.Joined(new Join(child, right, JoinType.LEFT_OUTER, p.conjunction(conds)), found);
    }

    private Expression op(String name, Expression... args) {
        return p.build(name, List.of(args)).orElseThrow(() -> new IllegalStateException("no '" + name + "' function is registered"));
    }
}
