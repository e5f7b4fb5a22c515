package io.ember.sql.analysis;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.subquery.Exists;
import io.ember.sql.expressions.subquery.InSubquery;
import io.ember.sql.expressions.subquery.ScalarSubquery;
import io.ember.sql.expressions.subquery.SubqueryErrors;
import io.ember.sql.expressions.subquery.SubqueryExpression;
import io.ember.sql.expressions.subquery.UnresolvedOuterReference;
import io.ember.sql.optimizer.Predicates;
import io.ember.sql.optimizer.PullUpCorrelatedPredicates;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.SubqueryAlias;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The part of {@link CheckAnalysis} about subqueries: checks each subquery's plan as a query of
 * its own, an outer name that resolved nowhere, the number of columns (one for a scalar
 * subquery, one per value for IN), where the subquery stands (scalar: a select, filter or
 * aggregate; EXISTS/IN: a conjunct of a filter, possibly negated), and that a correlated
 * subquery has a shape the optimizer can turn into a join (by running the same
 * {@link PullUpCorrelatedPredicates} the optimizer will). Stateless.
 */
final class CheckSubqueries {
    private final Predicates p;
    private final PullUpCorrelatedPredicates pullUp;

    CheckSubqueries(FunctionRegistry registry) {
        this.p = new Predicates(registry);
        this.pullUp = new PullUpCorrelatedPredicates(p);
    }

    void check(LogicalPlan node, Consumer<LogicalPlan> checkPlan) {
        List<Expression> conjunctSubqueries = new ArrayList<>();
        if (node instanceof Filter f) {
            for (Expression c : p.splitConjuncts(f.condition())) {
                conjunctSubqueries.add(p.isNot(c) ? c.children().get(0) : c);
            }
        }
        for (Expression e : node.expressions()) {
            e.foreach(x -> {
                if (x instanceof SubqueryExpression s) {
                    checkOne(node, s, conjunctSubqueries.stream().anyMatch(c -> c == s), checkPlan);
                }
            });
        }
    }

    private void checkOne(LogicalPlan node, SubqueryExpression s, boolean filterConjunct, Consumer<LogicalPlan> checkPlan) {
        s.plan().foreach(n -> n.expressions().forEach(e -> e.foreach(x -> {
            if (x instanceof UnresolvedOuterReference u) {
                List<List<String>> candidates = new ArrayList<>();
                for (AttributeReference a : node.inputSet()) {
                    candidates.add(NameResolver.qualifiedName(a));
                }
                throw AnalysisErrors.unresolvedColumn(u.nameParts(), candidates);
            }
        })));
        checkPlan.accept(s.plan());
        int width = s.plan().output().size();
        if (s instanceof ScalarSubquery) {
            if (!(node instanceof Project || node instanceof Filter || node instanceof Aggregate)) {
                throw SubqueryErrors.wrongPlace("scalar", node.simpleString());
            }
            if (width != 1) {
                throw new AnalysisException("INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN",
                        "Invalid subquery: Scalar subquery must return only one column, but got " + width + ".",
                        Map.of("number", String.valueOf(width)));
            }
            if (s.correlated()) {
                checkCorrelatedScalar(s.plan());
            }
            return;
        }
        if (!(node instanceof Project || node instanceof Filter || node instanceof Aggregate)) {
            throw SubqueryErrors.wrongPlace(s instanceof Exists ? "exists" : "in", node.simpleString());
        }
        if (s instanceof InSubquery in && in.values().size() != width) {
            throw new AnalysisException("DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH", "Cannot resolve \"" + in.sql()
                    + "\" due to data type mismatch: The number of columns in the left hand side of an IN subquery does not"
                    + " match the number of columns in the output of subquery. Left hand side columns(length: "
                    + in.values().size() + "), right hand side columns(length: " + width + ").",
                    Map.of("sqlExpr", "\"" + in.sql() + "\""));
        }
        if (s.correlated()) {
            PullUpCorrelatedPredicates.Result r = pullUp.pullUp(s.plan());
            if (!filterConjunct) {
                // outside a filter's conjuncts, the subquery runs grouped by its correlated columns
                pullUp.equalityKeys(r.predicates());
            }
        }
    }

    /** The checks {@code RewriteScalarSubquery} relies on: equality predicates whose inner columns can group the subquery. */
    private void checkCorrelatedScalar(LogicalPlan plan) {
        LogicalPlan sub = plan;
        while (sub instanceof SubqueryAlias a) {
            sub = a.child();
        }
        if (sub instanceof Aggregate a && a.groupingExpressions().isEmpty()) {
            pullUp.equalityKeys(pullUp.pullUp(a.child()).predicates());
        } else {
            pullUp.equalityKeys(pullUp.pullUp(sub).predicates());
        }
    }
}
