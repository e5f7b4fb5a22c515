package io.ember.sql.analysis;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.expressions.UnresolvedStar;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.SetOperation;
import io.ember.sql.plans.Union;
import io.ember.sql.types.BooleanType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The last pass of analysis: walks the plan from the leaves up and raises the first problem it
 * finds as Spark would report it (an unresolved column with suggestions, an unknown function, a
 * non-boolean filter, a column outside GROUP BY, ...). A plan that passes is fully resolved.
 */
final class CheckAnalysis {
    private final CheckSubqueries subqueries;
    private final io.ember.sql.expressions.FunctionRegistry registry;

    CheckAnalysis(io.ember.sql.expressions.FunctionRegistry registry) {
        this.subqueries = new CheckSubqueries(registry);
        this.registry = registry;
    }

    void check(LogicalPlan plan) {
        for (LogicalPlan c : plan.children()) {
            check(c);
        }
        checkNode(plan);
    }

    private void checkNode(LogicalPlan node) {
        subqueries.check(node, this::check);
        for (Expression e : node.expressions()) {
            checkUnresolved(node, e);
        }
        for (Expression e : node.expressions()) {
            checkTypes(e);
        }
        if (node instanceof Filter f) {
            checkFilter(f);
        }
        if (node instanceof Aggregate a) {
            checkAggregate(a);
        }
        if (node instanceof Union || node instanceof SetOperation) {
            checkSameWidth(node);
        }
        checkMissingInput(node);
    }

    /**
     * An unknown function is reported first (Spark looks functions up before anything else);
     * a known one left unresolved because of its arguments yields to what is wrong with them
     * (an unknown column), and is reported only when nothing else is.
     */
    private void checkUnresolved(LogicalPlan node, Expression e) {
        e.foreach(x -> checkUnresolvedNode(node, x, false));
        e.foreach(x -> checkUnresolvedNode(node, x, true));
    }

    private void checkUnresolvedNode(LogicalPlan node, Expression x, boolean knownFunctions) {
        if (x instanceof UnresolvedAttribute u) {
            List<List<String>> candidates = new ArrayList<>();
            for (AttributeReference a : node.inputSet()) {
                candidates.add(NameResolver.qualifiedName(a));
            }
            throw AnalysisErrors.unresolvedColumn(u.nameParts(), candidates);
        }
        if (x instanceof UnresolvedFunction f && (knownFunctions || registry.lookup(f.name()).isEmpty())) {
            throw AnalysisErrors.unresolvedRoutine(f.name());
        }
        if (x instanceof UnresolvedStar s) {
            throw new AnalysisException("INVALID_USAGE_OF_STAR_OR_REGEX", "Invalid usage of '*' in "
                    + node.nodeName() + ".", Map.of("elem", "'*'", "prettyName", node.nodeName()));
        }
        if (x instanceof io.ember.sql.expressions.UnresolvedRegex r) {
            String elem = "regular expression '" + r.pattern() + "'";
            throw new AnalysisException("INVALID_USAGE_OF_STAR_OR_REGEX", "Invalid usage of " + elem + " in "
                    + node.nodeName() + ".", Map.of("elem", elem, "prettyName", node.nodeName()));
        }
    }

    /** The first expression (innermost) whose children resolved but whose own input types do not check. */
    private void checkTypes(Expression e) {
        for (Expression c : e.children()) {
            checkTypes(c);
        }
        if (!e.resolved() && e.childrenResolved()) {
            TypeCheckResult r = e.checkInputDataTypes();
            if (!r.isSuccess()) {
                throw r.toException(e);
            }
            throw AnalysisErrors.dataTypeMismatch("UNEXPECTED_INPUT_TYPE", e,
                    "the input types of " + e.sql() + " do not match what it accepts.", Map.of());
        }
    }

    /** The inputs of a set operation must have as many columns as the first. */
    private void checkSameWidth(LogicalPlan node) {
        int first = node.children().get(0).output().size();
        String op = node instanceof Union ? "UNION" : node.nodeName().toUpperCase(java.util.Locale.ROOT)
                + (((SetOperation) node).all() ? " ALL" : "");
        for (int i = 1; i < node.children().size(); i++) {
            int n = node.children().get(i).output().size();
            if (n != first) {
                throw new AnalysisException("NUM_COLUMNS_MISMATCH", op + " can only be performed on inputs with the same"
                        + " number of columns, but the first input has " + first + " columns and the " + ordinal(i + 1)
                        + " input has " + n + " columns.", Map.of("operator", op, "firstNumColumns", String.valueOf(first),
                        "invalidOrdinalNum", ordinal(i + 1), "invalidNumColumns", String.valueOf(n)));
            }
        }
    }

    private static String ordinal(int i) {
        return switch (i) {
            case 2 -> "second";
            case 3 -> "third";
            default -> i + "th";
        };
    }

    private void checkFilter(Filter f) {
        List<Expression> aggs = f.condition().collect(x -> x instanceof AggregateFunction);
        if (!aggs.isEmpty()) {
            throw AnalysisErrors.invalidWhereCondition(f.condition(), aggs);
        }
        if (!(f.condition().dataType() instanceof BooleanType)) {
            throw AnalysisErrors.filterNotBoolean(f.condition());
        }
    }

    private void checkAggregate(Aggregate a) {
        List<Expression> grouping = new ArrayList<>();
        for (Expression g : a.groupingExpressions()) {
            grouping.add(Canonical.of(g));
        }
        for (Expression e : a.aggregateExpressions()) {
            Expression body = e instanceof Alias al ? al.child() : e;
            checkAggregated(body, grouping, a.groupingExpressions().isEmpty());
        }
    }

    private void checkAggregated(Expression e, List<Expression> grouping, boolean global) {
        if (e instanceof io.ember.sql.expressions.NthValue) {
            throw new AnalysisException("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE",
                    "Window function \"nth_value\" requires an OVER clause.", Map.of("funcName", "\"nth_value\""));
        }
        if (e instanceof AggregateFunction) {
            for (Expression c : e.children()) {
                if (c.exists(x -> x instanceof AggregateFunction)) {
                    throw AnalysisErrors.nestedAggregate();
                }
            }
            return;
        }
        if (grouping.contains(Canonical.of(e))) {
            return;
        }
        if (e instanceof AttributeReference) {
            throw global ? AnalysisErrors.missingGroupBy() : AnalysisErrors.missingAggregation(e);
        }
        for (Expression c : e.children()) {
            checkAggregated(c, grouping, global);
        }
    }

    /** A resolved column that is not among the node's inputs (taken from another DataFrame). */
    private void checkMissingInput(LogicalPlan node) {
        List<AttributeReference> input = node.inputSet();
        List<AttributeReference> missing = new ArrayList<>();
        for (Expression e : node.expressions()) {
            for (AttributeReference r : e.references()) {
                if (input.stream().noneMatch(i -> i.sameColumn(r)) && missing.stream().noneMatch(m -> m.sameColumn(r))) {
                    missing.add(r);
                }
            }
        }
        if (node.children().isEmpty() || missing.isEmpty()) {
            return;
        }
        String attrs = String.join(", ", missing.stream().map(AttributeReference::toString).toList());
        String in = String.join(", ", input.stream().map(AttributeReference::toString).toList());
        throw new AnalysisException("MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT",
                "Resolved attribute(s) " + attrs + " missing from " + in + " in operator " + node.simpleString() + ".",
                Map.of("missingAttributes", attrs, "input", in, "operator", node.simpleString()));
    }
}
