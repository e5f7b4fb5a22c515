package io.ember.sql.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ember.sql.TestingFunctions;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.EqualTo;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Distinct;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.Limit;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Range;
import io.ember.sql.types.DataTypes;
import io.ember.sql.plans.Sort;
import io.ember.sql.plans.SubqueryAlias;
import io.ember.sql.plans.Union;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanRulesTest extends RuleTestBase {
    @Test
    void filterMovesBelowProjectOverTheAliasedExpression() {
        Alias s = new Alias(op("+", a, lit(1)), "s");
        LogicalPlan in = new Filter(gt(s.toAttribute(), lit(5)), new Project(List.of(s, b), rel));
        LogicalPlan expected = new Project(List.of(s, b), new Filter(gt(op("+", a, lit(1)), lit(5)), rel));
        assertEquals(expected, new PushFilterThroughProject().apply(in));
    }

    @Test
    void adjacentFiltersCombine() {
        LogicalPlan in = new Filter(gt(b, lit(2)), new Filter(gt(a, lit(1)), rel));
        assertEquals(new Filter(and(gt(a, lit(1)), gt(b, lit(2))), rel), new CombineFilters(p).apply(in));
    }

    @Test
    void filterOverInnerJoinSplitsBySide() {
        Join j = new Join(rel, other, JoinType.INNER, Optional.of(op("==", a, x)));
        LogicalPlan in = new Filter(and(and(gt(a, lit(1)), gt(y, lit(2))), gt(b, x)), j);
        LogicalPlan expected = new Join(new Filter(gt(a, lit(1)), rel), new Filter(gt(y, lit(2)), other), JoinType.INNER,
                Optional.of(and(op("==", a, x), gt(b, x))));
        assertEquals(expected, new PushFilterThroughJoin(p).apply(in));
    }

    @Test
    void filterOverBothSidesOfACrossJoinBecomesItsCondition() {
        Expression key = op("==", a, x);
        Expression random = gt(ExtractPythonUDFsTest.udf("r", false, a, x), lit(0));
        LogicalPlan in = new Filter(and(key, random), new Join(rel, other, JoinType.CROSS, Optional.empty()));
        LogicalPlan expected = new Filter(random, new Join(rel, other, JoinType.INNER, Optional.of(key)));
        assertEquals(expected, new PushFilterThroughJoin(p).apply(in));
    }

    @Test
    void filterOverLeftJoinOnlyMovesToThePreservedSide() {
        Join j = new Join(rel, other, JoinType.LEFT_OUTER, Optional.of(op("==", a, x)));
        LogicalPlan in = new Filter(and(gt(a, lit(1)), gt(y, lit(2))), j);
        LogicalPlan expected = new Filter(gt(y, lit(2)),
                new Join(new Filter(gt(a, lit(1)), rel), other, JoinType.LEFT_OUTER, Optional.of(op("==", a, x))));
        assertEquals(expected, new PushFilterThroughJoin(p).apply(in));
        LogicalPlan full = new Filter(gt(a, lit(1)), new Join(rel, other, JoinType.FULL_OUTER, Optional.of(op("==", a, x))));
        assertSame(full, new PushFilterThroughJoin(p).apply(full));
    }

    @Test
    void leftJoinConditionOnTheRightSideFiltersTheRightInput() {
        LogicalPlan in = new Join(rel, other, JoinType.LEFT_OUTER, Optional.of(and(op("==", a, x), gt(y, lit(2)))));
        LogicalPlan expected = new Join(rel, new Filter(gt(y, lit(2)), other), JoinType.LEFT_OUTER, Optional.of(op("==", a, x)));
        assertEquals(expected, new PushFilterThroughJoin(p).apply(in));
    }

    @Test
    void filterOnGroupingColumnMovesBelowAggregate() {
        Alias total = new Alias(op("sum", b), "total");
        Aggregate agg = new Aggregate(List.of(a), List.of(a, total), rel);
        LogicalPlan in = new Filter(and(gt(a, lit(1)), gt(total.toAttribute(), lit(10))), agg);
        LogicalPlan expected = new Filter(gt(total.toAttribute(), lit(10)),
                new Aggregate(List.of(a), List.of(a, total), new Filter(gt(a, lit(1)), rel)));
        assertEquals(expected, new PushFilterThroughAggregate(p).apply(in));
    }

    @Test
    void filterOverUnionFiltersEachInputByPosition() {
        LogicalPlan in = new Filter(gt(a, lit(1)), new Union(List.of(new Project(List.of(a, b), rel), other)));
        LogicalPlan expected = new Union(List.of(new Filter(gt(a, lit(1)), new Project(List.of(a, b), rel)),
                new Filter(gt(x, lit(1)), other)));
        assertEquals(expected, new PushFilterThroughUnion().apply(in));
    }

    @Test
    void columnPruningSelectsOnlyNeededColumnsAboveLeavesAndDropsUnusedEntries() {
        Alias s = new Alias(op("+", a, lit(1)), "s");
        Alias unused = new Alias(op("+", b, lit(1)), "u");
        LogicalPlan in = new Project(List.of(s.toAttribute()), new Project(List.of(s, unused), rel));
        LogicalPlan expected = new Project(List.of(s.toAttribute()), new Project(List.of(s), rel));
        assertEquals(expected, new ColumnPruning().apply(in));
        Aggregate agg = new Aggregate(List.of(a), List.of(a, new Alias(op("sum", b), "t")), rel);
        LogicalPlan pruned = new ColumnPruning().apply(agg);
        assertEquals(new Aggregate(List.of(a), agg.aggregateExpressions(), new Project(List.of(a, b), rel)), pruned);
        assertSame(pruned, new ColumnPruning().apply(pruned));
    }

    @Test
    void columnPruningKeepsFiltersNextToTheLeafAndSelectsAboveThem() {
        Aggregate agg = new Aggregate(List.of(a), List.of(a), new Filter(gt(b, lit(1)), rel));
        LogicalPlan expected = new Aggregate(List.of(a), List.of(a), new Project(List.of(a), new Filter(gt(b, lit(1)), rel)));
        assertEquals(expected, new ColumnPruning().apply(agg));
    }

    @Test
    void adjacentProjectsCollapseAndRedundantOnesGo() {
        Alias s = new Alias(op("+", a, lit(1)), "s");
        Alias t = new Alias(op("+", s.toAttribute(), lit(2)), "t");
        LogicalPlan in = new Project(List.of(t), new Project(List.of(s), rel));
        LogicalPlan expected = new Project(List.of(new Alias(op("+", op("+", a, lit(1)), lit(2)), "t", t.exprId())), rel);
        assertEquals(expected, new CollapseProject().apply(in));
        assertEquals(rel, new RemoveRedundantProject().apply(new Project(List.of(a, b, c), rel)));
    }

    @Test
    void limitsCombineAndCopyIntoUnionInputsAndBelowProjects() {
        assertEquals(new Limit(3, rel), new LimitPushDown().apply(new Limit(5, new Limit(3, rel))));
        LogicalPlan u = new Limit(2, new Union(List.of(new Project(List.of(a, b), rel), other)));
        LogicalPlan expected = new Limit(2, new Union(List.of(new Project(List.of(a, b), new Limit(2, rel)), new Limit(2, other))));
        assertEquals(expected, new LimitPushDown().apply(u));
        LogicalPlan left = new Limit(4, new Join(rel, other, JoinType.LEFT_OUTER, Optional.empty()));
        assertEquals(new Limit(4, new Join(new Limit(4, rel), other, JoinType.LEFT_OUTER, Optional.empty())),
                new LimitPushDown().apply(left));
    }

    @Test
    void sortsThatCannotShowAreRemoved() {
        Sort inner = new Sort(List.of(SortOrder.asc(a)), true, rel);
        assertEquals(new Sort(List.of(SortOrder.desc(b)), true, rel),
                new EliminateSorts().apply(new Sort(List.of(SortOrder.desc(b)), true, inner)));
        assertEquals(rel, new EliminateSorts().apply(new Sort(List.of(SortOrder.asc(lit(1))), true, rel)));
        Aggregate agg = new Aggregate(List.of(a), List.of(a), inner);
        assertEquals(new Aggregate(List.of(a), List.of(a), rel), new EliminateSorts().apply(agg));
    }

    @Test
    void distinctBecomesAggregateAndAliasesGo() {
        assertEquals(new Aggregate(rel.output(), rel.output(), rel), new ReplaceDistinctWithAggregate().apply(new Distinct(rel)));
        assertEquals(rel, new EliminateSubqueryAliases().apply(new SubqueryAlias("t", rel)));
    }

    @Test
    void nullRejectingFilterNarrowsOuterJoins() {
        Join left = new Join(rel, other, JoinType.LEFT_OUTER, Optional.of(op("==", a, x)));
        assertEquals(new Filter(gt(y, lit(1)), new Join(rel, other, JoinType.INNER, Optional.of(op("==", a, x)))),
                new EliminateOuterJoin(p).apply(new Filter(gt(y, lit(1)), left)));
        LogicalPlan keepsNulls = new Filter(op("isnull", y), left);
        assertSame(keepsNulls, new EliminateOuterJoin(p).apply(keepsNulls));
        Join full = new Join(rel, other, JoinType.FULL_OUTER, Optional.of(op("==", a, x)));
        assertEquals(JoinType.LEFT_OUTER,
                ((Join) new EliminateOuterJoin(p).apply(new Filter(gt(a, lit(1)), full)).children().get(0)).joinType());
    }

    @Test
    void innerJoinChainsJoinTheSmallestResultFirst() {
        Range big = range("p", 1000);
        Range mid = range("q", 500);
        Range small = range("z", 10);
        Expression pq = new EqualTo(big.output().get(0), mid.output().get(0));
        Expression qz = new EqualTo(mid.output().get(0), small.output().get(0));
        Join j = new Join(new Join(big, mid, JoinType.INNER, Optional.of(pq)), small, JoinType.INNER, Optional.of(qz));
        // mid x small keeps at most 10 rows, big x mid 500: the first is joined first, each larger side on the left
        Join ordered = new Join(big, new Join(mid, small, JoinType.INNER, Optional.of(qz)), JoinType.INNER, Optional.of(pq));
        assertEquals(ordered, new ReorderJoins(p).apply(j));
        assertSame(ordered, new ReorderJoins(p).apply(ordered));
    }

    @Test
    void semiJoinsMoveIntoTheSideTheirConditionReads() {
        Range orders = range("o", 100);
        Range lineitem = range("l", 400);
        Range big = range("k", 10);
        Join inner = new Join(orders, lineitem, JoinType.INNER,
                Optional.of(new EqualTo(orders.output().get(0), lineitem.output().get(0))));
        Expression in = new EqualTo(orders.output().get(0), big.output().get(0));
        Join semi = new Join(inner, big, JoinType.LEFT_SEMI, Optional.of(in));
        assertEquals(new Join(new Join(orders, big, JoinType.LEFT_SEMI, Optional.of(in)), lineitem, JoinType.INNER, inner.condition()),
                new PushSemiJoinThroughJoin(p).apply(semi));
        Expression both = and(in, gt(lineitem.output().get(0), big.output().get(0)));
        Join readsBoth = new Join(inner, big, JoinType.LEFT_ANTI, Optional.of(both));
        assertSame(readsBoth, new PushSemiJoinThroughJoin(p).apply(readsBoth));
    }

    private static Range range(String column, long rows) {
        return new Range(0, rows, 1, 1, new AttributeReference(column, DataTypes.LongType, false));
    }

    @Test
    void optimizerRunsTheBatchesToAFixedPoint() {
        Optimizer o = new Optimizer(new io.ember.sql.SqlConf(), TestingFunctions.registry());
        Alias s = new Alias(op("+", a, op("+", lit(1), lit(1))), "s");
        LogicalPlan in = new Filter(gt(s.toAttribute(), lit(3)), new Project(List.of(s, c), new SubqueryAlias("t", rel)));
        Expression cond = gt(op("+", a, lit(2)), lit(3));
        LogicalPlan expected = new Project(List.of(new Alias(op("+", a, lit(2)), "s", s.exprId()), c), new Filter(cond, rel));
        assertEquals(expected, o.execute(in));
    }
}
