package io.ember.sql.optimizer;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.CaseWhen;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.subquery.OuterReference;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Distinct;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A correlated global aggregate whose correlated predicates are not all equalities
 * ({@code (SELECT max(x) FROM u WHERE u.k > t.k)}), turned into a join as Spark 4 decorrelates it:
 * the distinct values of the outer columns the predicates read (the domain) are inner joined with
 * the subquery's input on those predicates, the aggregate is grouped by the domain columns, and
 * the outer query is left outer joined with that on {@code outer <=> domain}. An outer row whose
 * values found no group gets the aggregate's value over no rows ({@code count} 0) through a marker
 * column, as for equality correlation. Stateless.
 */
final class DomainJoin {
    private final Predicates p;

    DomainJoin(Predicates p) {
        this.p = p;
    }

    /** {@code child} joined with aggregate {@code a} over {@code below} (its input, decorrelated); the value replacing the subquery. */
    SubqueryRewrites.Joined join(LogicalPlan child, Aggregate a, PullUpCorrelatedPredicates.Result below) {
        List<AttributeReference> outer = new ArrayList<>();
        for (Expression pred : below.predicates()) {
            pred.foreach(x -> {
                if (x instanceof OuterReference o && outer.stream().noneMatch(c -> c.sameColumn(o.attribute()))) {
                    outer.add(o.attribute());
                }
            });
        }
        List<Expression> domainList = new ArrayList<>();
        List<AttributeReference> domain = new ArrayList<>();
        for (AttributeReference o : outer) {
            Alias d = new Alias(o, o.name());
            domainList.add(d);
            domain.add(d.toAttribute());
        }
        LogicalPlan values = new Distinct(new Project(domainList, child));
        List<Expression> conds = new ArrayList<>();
        for (Expression pred : below.predicates()) {
            conds.add(pred.transformUp(x -> x instanceof OuterReference o ? domain.get(indexOf(outer, o.attribute())) : x));
        }
        LogicalPlan inner = new Join(values, below.plan(), JoinType.INNER, p.conjunction(conds));
        Alias marker = new Alias(Predicates.TRUE, "alwaysTrue");
        List<Expression> outputs = new ArrayList<>(a.aggregateExpressions());
        outputs.addAll(domain);
        outputs.add(marker);
        Aggregate grouped = new Aggregate(new ArrayList<>(domain), outputs, inner);
        List<Expression> back = new ArrayList<>();
        for (int i = 0; i < outer.size(); i++) {
            back.add(p.build("<=>", List.of(outer.get(i), domain.get(i).withNullability(true))).orElseThrow());
        }
        AttributeReference column = a.output().get(0).withNullability(true);
        Expression value = column;
        Optional<Expression> empty = RewriteScalarSubquery.valueOverNoRows(a.aggregateExpressions().get(0));
        if (empty.isPresent()) {
            Expression noGroup = p.build("isnull", List.of(marker.toAttribute().withNullability(true))).orElseThrow();
            value = new CaseWhen(List.<Expression[]>of(new Expression[] {noGroup, empty.get()}), column);
        }
        return new SubqueryRewrites.Joined(new Join(child, grouped, JoinType.LEFT_OUTER, p.conjunction(back)), value);
    }

    private static int indexOf(List<AttributeReference> cols, AttributeReference a) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).sameColumn(a)) {
                return i;
            }
        }
        throw new IllegalStateException("outer column not in the domain: " + a);
    }
}
