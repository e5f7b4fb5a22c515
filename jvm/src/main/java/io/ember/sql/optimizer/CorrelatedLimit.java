package io.ember.sql.optimizer;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.And;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.GreaterThan;
import io.ember.sql.expressions.LessThanOrEqual;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.RankingFunction;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.expressions.WindowExpression;
import io.ember.sql.expressions.WindowFrame;
import io.ember.sql.expressions.subquery.SubqueryErrors;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Limit;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Offset;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Sort;
import io.ember.sql.plans.SubqueryAlias;
import io.ember.sql.plans.Window;
import io.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code LIMIT} (and {@code OFFSET}) over correlated predicates, decorrelated as Spark's
 * {@code DecorrelateInnerQuery} does: when every predicate below is an equality of an inner
 * column and outer values ({@code u.k = outer(t.k)}), the limit applies per value of those
 * columns, so it becomes a {@code row_number()} partitioned by them (ordered by the sort below
 * the limit, if any) kept within {@code (offset, offset + limit]}, and the predicates go on up.
 * Other correlation under a limit stays refused. Stateless.
 */
final class CorrelatedLimit {
    private static final String ROW_NUMBER = "__limit_row";

    private CorrelatedLimit() {}

    /** {@code node} (a limit, an offset, or a limit over an offset) with its correlated predicates taken out. */
    static PullUpCorrelatedPredicates.Result pullUp(PullUpCorrelatedPredicates pulling, LogicalPlan node) {
        long limit = Long.MAX_VALUE;
        long offset = 0;
        LogicalPlan below = node;
        if (below instanceof Limit l) {
            limit = l.limit();
            below = l.child();
        }
        if (below instanceof Offset o) {
            offset = o.offset();
            below = o.child();
        }
        PullUpCorrelatedPredicates.Result c = pulling.pullUp(below);
        if (!pulling.allEqualities(c.predicates())) {
            throw SubqueryErrors.unsupportedShape("an outer column in or below " + node.nodeName(), node.simpleString());
        }
        List<Expression> keys = new ArrayList<>(pulling.equalityKeys(c.predicates()));
        LogicalPlan input = c.plan();
        List<SortOrder> order = order(input, node);
        Alias rowNumber = new Alias(new WindowExpression(new RankingFunction(RankingFunction.Kind.ROW_NUMBER), keys, order,
                new WindowFrame(true, WindowFrame.UNBOUNDED_PRECEDING, WindowFrame.CURRENT_ROW)), ROW_NUMBER);
        AttributeReference rn = rowNumber.toAttribute();
        Expression keep = new GreaterThan(rn, new Literal((int) offset, DataTypes.IntegerType));   // row_number is an int
        if (limit != Long.MAX_VALUE) {
            int last = (int) Math.min(Integer.MAX_VALUE, offset + limit);
            keep = new And(keep, new LessThanOrEqual(rn, new Literal(last, DataTypes.IntegerType)));
        }
        LogicalPlan numbered = new Filter(keep, new Window(List.of(rowNumber), input));
        return new PullUpCorrelatedPredicates.Result(new Project(new ArrayList<>(input.output()), numbered), c.predicates());
    }

    /**
     * The order the limit follows: the first sort under selects and aliases, when the columns it
     * sorts by are still in {@code input}'s output; none without a sort. A sort by a column the
     * select dropped stays refused.
     */
    private static List<SortOrder> order(LogicalPlan input, LogicalPlan node) {
        LogicalPlan p = input;
        while (p instanceof Project || p instanceof SubqueryAlias) {
            p = p.children().get(0);
        }
        if (!(p instanceof Sort s)) {
            return List.of();
        }
        for (SortOrder o : s.order()) {
            for (AttributeReference a : o.references()) {
                if (input.output().stream().noneMatch(x -> x.sameColumn(a))) {
                    throw SubqueryErrors.unsupportedShape("an outer column below a " + node.nodeName()
                            + " whose order reads a column its select drops", node.simpleString());
                }
            }
        }
        return s.order();
    }
}
