package io.ember.sql.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.CaseWhen;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.aggregate.Count;
import io.ember.sql.expressions.aggregate.Sum;
import io.ember.sql.expressions.subquery.Exists;
import io.ember.sql.expressions.subquery.InSubquery;
import io.ember.sql.expressions.subquery.OuterReference;
import io.ember.sql.expressions.subquery.ScalarSubquery;
import io.ember.sql.expressions.subquery.SingleValue;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.types.DataTypes;
import io.ember.sql.expressions.And;
import io.ember.sql.expressions.GreaterThan;
import io.ember.sql.expressions.LessThanOrEqual;
import io.ember.sql.expressions.RankingFunction;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.expressions.WindowExpression;
import io.ember.sql.plans.Limit;
import io.ember.sql.plans.Offset;
import io.ember.sql.plans.Sort;
import io.ember.sql.plans.Window;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plan in, plan out for the subquery rewrites and the pull-up of correlated predicates. */
class SubqueryRulesTest extends RuleTestBase {
    private final OuterReference outerA = new OuterReference(a);
    private final RewritePredicateSubquery predicates = new RewritePredicateSubquery(p);
    private final RewriteScalarSubquery scalars = new RewriteScalarSubquery(p);
    private final PullUpCorrelatedPredicates pullUp = new PullUpCorrelatedPredicates(p);

    private LogicalPlan correlated() {
        return new Filter(and(op("==", x, outerA), gt(y, lit(1))), other);
    }

    @Test
    void existsBecomesASemiJoinOnThePulledUpPredicate() {
        LogicalPlan in = new Filter(new Exists(correlated()), rel);
        LogicalPlan expected = new Join(rel, new Filter(gt(y, lit(1)), other), JoinType.LEFT_SEMI, Optional.of(op("==", x, a)));
        assertEquals(expected, predicates.apply(in));
    }

    @Test
    void notExistsBecomesAnAntiJoinAndOtherConjunctsStayBelow() {
        LogicalPlan in = new Filter(and(gt(b, lit(2)), op("not", new Exists(correlated()))), rel);
        LogicalPlan expected = new Join(new Filter(gt(b, lit(2)), rel), new Filter(gt(y, lit(1)), other), JoinType.LEFT_ANTI,
                Optional.of(op("==", x, a)));
        assertEquals(expected, predicates.apply(in));
    }

    @Test
    void inBecomesASemiJoinOnEachValueEqualItsColumn() {
        Project sub = new Project(List.of(x), other);
        LogicalPlan in = new Filter(new InSubquery(List.of(a), sub), rel);
        assertEquals(new Join(rel, sub, JoinType.LEFT_SEMI, Optional.of(op("==", a, x))), predicates.apply(in));
    }

    @Test
    void correlatedNotInIsANullAwareAntiJoin() {
        Project sub = new Project(List.of(x), new Filter(op("==", y, outerA), other));
        LogicalPlan in = new Filter(op("not", new InSubquery(List.of(b), sub)), rel);
        Expression eq = op("==", b, x);
        LogicalPlan expected = new Join(rel, new Project(List.of(x, y), other), JoinType.LEFT_ANTI,
                Optional.of(and(op("or", eq, op("isnull", eq)), op("==", y, a))));
        assertEquals(expected, predicates.apply(in));
    }

    @Test
    void uncorrelatedNotInIsAHashAntiJoinPlusACountOfRowsAndNulls() {
        Project sub = new Project(List.of(x), other);
        Project out = (Project) predicates.apply(new Filter(op("not", new InSubquery(List.of(a), sub)), rel));
        assertEquals(rel.output(), out.output());
        Filter keep = (Filter) out.child();
        Join withCounts = (Join) keep.child();
        assertEquals(new Join(rel, sub, JoinType.LEFT_ANTI, Optional.of(op("==", a, x))), withCounts.left());
        Aggregate counts = (Aggregate) withCounts.right();
        AttributeReference rows = counts.output().get(0);
        AttributeReference nonNull = counts.output().get(1);
        assertEquals(List.of(new Alias(new Count(List.of(new Literal(1, DataTypes.IntegerType))), "rows", rows.exprId()),
                new Alias(new Count(List.of(x)), "nonNull", nonNull.exprId())), counts.aggregateExpressions());
        assertEquals(op("or", op("==", rows, new Literal(0L, DataTypes.LongType)),
                and(op("isnotnull", a), op("==", rows, nonNull))), keep.condition());
    }

    @Test
    void notInOfNonNullableSidesIsAPlainAntiJoin() {
        AttributeReference k = new AttributeReference("k", DataTypes.LongType, false);
        AttributeReference j = new AttributeReference("j", DataTypes.LongType, false);
        LocalRelation left = new LocalRelation(List.of(k), List.of());
        LocalRelation right = new LocalRelation(List.of(j), List.of());
        LogicalPlan strict = new Filter(op("not", new InSubquery(List.of(k), right)), left);
        assertEquals(new Join(left, right, JoinType.LEFT_ANTI, Optional.of(op("==", k, j))), predicates.apply(strict));
    }

    @Test
    void filterWithoutSubqueryIsUntouched() {
        LogicalPlan in = new Filter(gt(a, lit(1)), rel);
        assertSame(in, predicates.apply(in));
        assertSame(in, scalars.apply(in));
    }

    @Test
    void uncorrelatedGlobalAggregateJoinsAsItIs() {
        Aggregate max = new Aggregate(List.of(), List.of(new Alias(op("sum", y), "s")), other);
        Alias v = new Alias(op("+", a, new ScalarSubquery(max)), "v");
        LogicalPlan out = scalars.apply(new Project(List.of(v), rel));
        AttributeReference s = max.output().get(0).withNullability(true);
        LogicalPlan expected = new Project(List.of(new Alias(op("+", a, s), "v", v.exprId())),
                new Join(rel, max, JoinType.LEFT_OUTER, Optional.empty()));
        assertEquals(expected, out);
    }

    @Test
    void uncorrelatedNonAggregateIsCheckedForOneRowAndAFilterKeepsItsOutput() {
        Project sub = new Project(List.of(x), other);
        LogicalPlan out = scalars.apply(new Filter(gt(a, new ScalarSubquery(sub)), rel));
        Project top = (Project) out;
        assertEquals(rel.output(), top.output());
        Filter f = (Filter) top.child();
        Join j = (Join) f.child();
        assertEquals(JoinType.LEFT_OUTER, j.joinType());
        Aggregate single = (Aggregate) j.right();
        assertTrue(((Alias) single.aggregateExpressions().get(0)).child() instanceof SingleValue);
        assertEquals(gt(a, single.output().get(0)), f.condition());
    }

    @Test
    void correlatedCountGroupsByTheInnerColumnAndAnswersZeroForNoGroup() {
        Alias cnt = new Alias(new Count(List.of(lit(1))), "c");
        Aggregate agg = new Aggregate(List.of(), List.of(cnt), new Filter(op("==", x, outerA), other));
        Alias v = new Alias(new ScalarSubquery(agg), "v");
        Project out = (Project) scalars.apply(new Project(List.of(a, v), rel));
        Join j = (Join) out.child();
        assertEquals(JoinType.LEFT_OUTER, j.joinType());
        assertEquals(Optional.of(op("==", x, a)), j.condition());
        Aggregate grouped = (Aggregate) j.right();
        assertEquals(List.of(x), grouped.groupingExpressions());
        assertEquals(other, grouped.child());
        Alias marker = (Alias) grouped.aggregateExpressions().get(2);
        assertEquals(List.of(cnt, x, marker), grouped.aggregateExpressions());
        CaseWhen value = (CaseWhen) ((Alias) out.projectList().get(1)).child();
        assertEquals(op("isnull", marker.toAttribute().withNullability(true)), value.branches().get(0)[0]);
        assertEquals(new Literal(0L, DataTypes.LongType), value.branches().get(0)[1]);
        assertEquals(cnt.toAttribute().withNullability(true), value.elseValue());
    }

    @Test
    void correlatedSumNeedsNoMarker() {
        Alias total = new Alias(new Sum(y), "t");
        Aggregate agg = new Aggregate(List.of(), List.of(total), new Filter(op("==", x, outerA), other));
        Project out = (Project) scalars.apply(new Project(List.of(new Alias(new ScalarSubquery(agg), "v")), rel));
        Aggregate grouped = (Aggregate) ((Join) out.child()).right();
        assertEquals(List.of(total, x), grouped.aggregateExpressions());
        assertEquals(total.toAttribute().withNullability(true), ((Alias) out.projectList().get(0)).child());
    }

    @Test
    void inInASelectListBecomesALeftOuterJoinOnTheGroupedColumn() {
        Project sub = new Project(List.of(x), other);
        Alias v = new Alias(new InSubquery(List.of(a), sub), "found");
        Project out = (Project) new RewriteExistenceSubquery(p).apply(new Project(List.of(v), rel));
        Join j = (Join) out.child();
        assertEquals(JoinType.LEFT_OUTER, j.joinType());
        assertEquals(Optional.of(op("==", a, x)), j.condition());
        Aggregate grouped = (Aggregate) j.right();
        assertEquals(List.of(x), grouped.groupingExpressions());
        Alias marker = (Alias) grouped.aggregateExpressions().get(1);
        assertEquals(op("isnotnull", marker.toAttribute().withNullability(true)), ((Alias) out.projectList().get(0)).child());
    }

    @Test
    void pullUpThroughAProjectKeepsTheColumnThePredicateReads() {
        LogicalPlan sub = new Project(List.of(y), new Filter(op("==", x, outerA), other));
        PullUpCorrelatedPredicates.Result r = pullUp.pullUp(sub);
        assertEquals(new Project(List.of(y, x), other), r.plan());
        assertEquals(List.of(op("==", x, outerA)), r.predicates());
    }

    @Test
    void pullUpThroughAGroupedAggregateAddsTheKeyButRejectsANonEquality() {
        Alias s = new Alias(op("sum", y), "s");
        LogicalPlan eq = new Aggregate(List.of(y), List.of(s), new Filter(op("==", x, outerA), other));
        assertEquals(new Aggregate(List.of(y, x), List.of(s, x), other), pullUp.pullUp(eq).plan());
        LogicalPlan nonEq = new Aggregate(List.of(y), List.of(s), new Filter(gt(x, outerA), other));
        AnalysisException e = assertThrows(AnalysisException.class, () -> pullUp.pullUp(nonEq));
        assertEquals("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_COLUMN_IS_NOT_ALLOWED_IN_PREDICATE", e.getErrorClass());
    }

    @Test
    void outerColumnInASelectListIsRejected() {
        LogicalPlan sub = new Project(List.of(new Alias(op("+", x, outerA), "z")), other);
        AnalysisException e = assertThrows(AnalysisException.class, () -> pullUp.pullUp(sub));
        assertEquals("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED", e.getErrorClass());
    }

    @Test
    void pullUpThroughALimitNumbersTheRowsOfEachCorrelationValue() {
        SortOrder byY = new SortOrder(y, true, true);
        LogicalPlan sub = new Limit(2, new Offset(1, new Sort(List.of(byY), true, new Filter(op("==", x, outerA), other))));
        PullUpCorrelatedPredicates.Result r = pullUp.pullUp(sub);
        assertEquals(List.of(op("==", x, outerA)), r.predicates());
        Project top = (Project) r.plan();
        assertEquals(other.output(), top.output());
        Filter keep = (Filter) top.child();
        Window w = (Window) keep.child();
        WindowExpression rn = (WindowExpression) ((Alias) w.windowExpressions().get(0)).child();
        assertEquals(new RankingFunction(RankingFunction.Kind.ROW_NUMBER), rn.function());
        assertEquals(List.of(x), rn.partitionSpec());
        assertEquals(List.of(byY), rn.orderSpec());
        assertEquals(new Sort(List.of(byY), true, other), w.child());
        AttributeReference row = w.output().get(w.output().size() - 1);
        assertEquals(new And(new GreaterThan(row, new Literal(1, DataTypes.IntegerType)),
                new LessThanOrEqual(row, new Literal(3, DataTypes.IntegerType))), keep.condition());
    }

    @Test
    void aLimitOverANonEqualityStaysRefused() {
        LogicalPlan sub = new Limit(1, new Filter(gt(x, outerA), other));
        AnalysisException e = assertThrows(AnalysisException.class, () -> pullUp.pullUp(sub));
        assertEquals("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATION_SHAPE", e.getErrorClass());
    }
}
