package io.ember.sql.analysis;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.subquery.Exists;
import io.ember.sql.expressions.subquery.InSubquery;
import io.ember.sql.expressions.subquery.OuterReference;
import io.ember.sql.expressions.subquery.ScalarSubquery;
import io.ember.sql.expressions.subquery.SubqueryErrors;
import io.ember.sql.expressions.subquery.Subqueries;
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
        checkOuterColumns(node, s);
        checkPlan.accept(s.plan());
        if (node instanceof Aggregate a && a.groupingExpressions().isEmpty() && outsideAggregates(a, s)) {
            throw SubqueryErrors.unsupportedShape("a subquery outside the aggregate functions of a global aggregate",
                    a.simpleString());
        }
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
                if (node instanceof Aggregate a && !a.groupingExpressions().isEmpty() && outsideAggregates(a, s)
                        && a.groupingExpressions().stream().noneMatch(g -> Canonical.semanticEquals(g, s))) {
                    throw scalarSubqueryNotGrouped(s);
                }
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

    /**
     * An aggregate function of outer and local columns is refused, as Spark's; an outer column
     * that is not the node's input (a HAVING subquery's non-grouped column of the aggregate's
     * input outside an aggregate function) is a missing attribute, as Spark reports it.
     */
    private static void checkOuterColumns(LogicalPlan node, SubqueryExpression s) {
        s.plan().foreach(n -> n.expressions().forEach(e -> e.foreach(x -> {
            if (x instanceof AggregateFunction fn && x.exists(y -> y instanceof OuterReference)
                    && x.exists(y -> y instanceof AttributeReference)) {
                throw SubqueryErrors.mixedOuterLocalAggregate(fn.sql());
            }
        })));
        List<AttributeReference> input = node.inputSet();
        List<AttributeReference> missing = Subqueries.outerAttributes(s.plan()).stream()
                .filter(o -> input.stream().noneMatch(i -> i.sameColumn(o))).toList();
        if (!missing.isEmpty()) {
            String attrs = String.join(", ", missing.stream().map(a -> "\"" + a.name() + "\"").toList());
            String in = String.join(", ", input.stream().map(a -> "\"" + a.name() + "\"").toList());
            throw new AnalysisException("MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT",
                    "Resolved attribute(s) " + attrs + " missing from " + in + " in operator " + node.simpleString()
                            + ". ", Map.of("missingAttributes", attrs, "input", in, "operator", node.simpleString()));
        }
    }

    /** Spark 4.3 refuses a correlated scalar subquery a grouped aggregate would compute per row, even over grouping columns. */
    private static AnalysisException scalarSubqueryNotGrouped(SubqueryExpression s) {
        String expr = "\"" + s.sql() + "\"";
        return new AnalysisException("SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION", "The correlated scalar "
                + "subquery '" + expr + "' is neither present in GROUP BY, nor in an aggregate function.\nAdd it to GROUP BY "
                + "using ordinal position or wrap it in `first()` (or `first_value`) if you don't care which value you get.",
                Map.of("sqlExpr", expr));
    }

    private static boolean outsideAggregates(Aggregate a, SubqueryExpression s) {
        for (Expression e : a.aggregateExpressions()) {
            if (outside(e, s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean outside(Expression e, SubqueryExpression s) {
        if (e instanceof io.ember.sql.expressions.AggregateFunction) {
            return false;
        }
        if (e == s) {
            return true;
        }
        for (Expression c : e.children()) {
            if (outside(c, s)) {
                return true;
            }
        }
        return false;
    }

    /** The checks {@code RewriteScalarSubquery} relies on: a global aggregate over a decorrelatable input, else equality predicates whose inner columns can group the subquery. */
    private void checkCorrelatedScalar(LogicalPlan plan) {
        LogicalPlan sub = plan;
        while (sub instanceof SubqueryAlias a) {
            sub = a.child();
        }
        if (sub instanceof Aggregate a && a.groupingExpressions().isEmpty()) {
            pullUp.pullUp(a.child()); // any correlated predicate: the optimizer joins with the outer values' domain
        } else {
            pullUp.equalityKeys(pullUp.pullUp(sub).predicates());
        }
    }
}
