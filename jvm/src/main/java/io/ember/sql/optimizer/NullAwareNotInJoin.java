package io.ember.sql.optimizer;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.subquery.NotInSubquery;
import io.ember.sql.expressions.subquery.Subqueries;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Joins a {@link NotInSubquery} value to its operator's input. The null-aware condition
 * {@code (v = c) OR isnull(v = c)} can match several rows of the query, so it is evaluated over
 * the distinct probe values instead of the input: {@code M} = the distinct (values, outer
 * columns the correlated predicates read), inner-joined with the query on the null-aware
 * condition and the correlated predicates, grouped back to one row per probe with a marker;
 * the input is then left-outer-joined with {@code M} on null-safe equality of the probe, which
 * matches at most once. The value is {@code isnull(marker)}. Stateless.
 */
final class NullAwareNotInJoin {
    private final Predicates p;
    private final PullUpCorrelatedPredicates pullUp;

    NullAwareNotInJoin(Predicates p) {
        this.p = p;
        this.pullUp = new PullUpCorrelatedPredicates(p);
    }

    SubqueryRewrites.Joined join(LogicalPlan child, NotInSubquery s) {
        PullUpCorrelatedPredicates.Result r = pullUp.pullUp(s.plan());
        List<Expression> correlated = new ArrayList<>();
        r.predicates().forEach(pred -> correlated.add(Subqueries.stripOuter(pred)));

        Set<ExprId> childIds = new HashSet<>();
        child.output().forEach(a -> childIds.add(a.exprId()));
        List<AttributeReference> outerRead = new ArrayList<>();
        for (Expression pred : correlated) {
            for (AttributeReference a : pred.references()) {
                if (childIds.contains(a.exprId()) && outerRead.stream().noneMatch(o -> o.exprId().equals(a.exprId()))) {
                    outerRead.add(a);
                }
            }
        }
        List<Expression> probeList = new ArrayList<>();
        List<Expression> probeSource = new ArrayList<>();
        for (int i = 0; i < s.values().size(); i++) {
            probeList.add(new Alias(s.values().get(i), "v" + i));
            probeSource.add(s.values().get(i));
        }
        Map<ExprId, AttributeReference> renamed = new HashMap<>();
        for (AttributeReference o : outerRead) {
            Alias a = new Alias(o, o.name());
            probeList.add(a);
            probeSource.add(o);
            renamed.put(o.exprId(), a.toAttribute());
        }
        List<AttributeReference> probe = new ArrayList<>();
        probeList.forEach(e -> probe.add(((Alias) e).toAttribute()));
        LogicalPlan distinct = new Aggregate(probe, probe, new Project(probeList, child));

        List<AttributeReference> columns = s.plan().output();
        List<Expression> equal = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            equal.add(op("==", probe.get(i), columns.get(i)));
        }
        Expression match = p.conjunction(equal).orElseThrow();
        List<Expression> conds = new ArrayList<>();
        conds.add(op("or", match, op("isnull", match)));
        for (Expression pred : correlated) {
            conds.add(pred.transformUp(x -> x instanceof AttributeReference a && renamed.containsKey(a.exprId())
                    ? renamed.get(a.exprId()) : x));
        }
        LogicalPlan matched = new Join(distinct, r.plan(), JoinType.INNER, p.conjunction(conds));
        Alias marker = new Alias(Predicates.TRUE, "exists");
        List<Expression> outputs = new ArrayList<>(probe);
        outputs.add(marker);
        LogicalPlan m = new Aggregate(probe, outputs, matched);

        List<Expression> on = new ArrayList<>();
        for (int i = 0; i < probe.size(); i++) {
            on.add(op("<=>", probeSource.get(i), probe.get(i)));
        }
        Expression notFound = op("isnull", marker.toAttribute().withNullability(true));
        return new SubqueryRewrites.Joined(new Join(child, m, JoinType.LEFT_OUTER, p.conjunction(on)), notFound);
    }

    private Expression op(String name, Expression... args) {
        return p.build(name, List.of(args)).orElseThrow(() -> new IllegalStateException("no '" + name + "' function is registered"));
    }
}
