package io.ember.sql.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ember.sql.TestingFunctions;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Deduplicate;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Sample;
import io.ember.sql.plans.SetOperation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplaceOperatorsTest extends RuleTestBase {
    private final Predicates withFirst = new Predicates(registryWithFirst());

    private static FunctionRegistry registryWithFirst() {
        FunctionRegistry r = TestingFunctions.registry();
        r.register("first", r.lookup("sum").orElseThrow());
        r.register("<=>", r.lookup("==").orElseThrow());
        return r;
    }

    @Test
    void dropDuplicatesGroupsByKeysAndKeepsFirstOfTheRest() {
        LogicalPlan out = new ReplaceDeduplicateWithAggregate(withFirst).apply(new Deduplicate(List.of(a), rel));
        Aggregate agg = (Aggregate) out;
        assertEquals(List.of(a), agg.groupingExpressions());
        assertEquals(rel.output().stream().map(x -> x.exprId()).toList(), agg.output().stream().map(x -> x.exprId()).toList());
        Alias firstB = (Alias) agg.aggregateExpressions().get(1);
        assertEquals(withFirst.build("first", List.of(b)).orElseThrow(), firstB.child());
    }

    @Test
    void dropDuplicatesStaysWithoutAFirstFunction() {
        LogicalPlan d = new Deduplicate(List.of(a), rel);
        assertSame(d, new ReplaceDeduplicateWithAggregate(p).apply(d));
    }

    @Test
    void intersectAndExceptBecomeSemiAndAntiJoinsOverNullSafeEquality() {
        LogicalPlan right = new Project(List.of(x, y, new Alias(lit(1), "z")), other);
        LogicalPlan in = new SetOperation(SetOperation.Kind.INTERSECT, false, rel, right);
        Expression cond = and(and(withFirst.build("<=>", List.of(a, x)).orElseThrow(),
                withFirst.build("<=>", List.of(b, y)).orElseThrow()),
                withFirst.build("<=>", List.of(c, right.output().get(2))).orElseThrow());
        assertEquals(new Aggregate(rel.output(), rel.output(), new Join(rel, right, JoinType.LEFT_SEMI, Optional.of(cond))),
                new ReplaceSetOperations(withFirst).apply(in));
        LogicalPlan except = new SetOperation(SetOperation.Kind.EXCEPT, false, rel, right);
        assertEquals(JoinType.LEFT_ANTI,
                ((Join) new ReplaceSetOperations(withFirst).apply(except).children().get(0)).joinType());
        LogicalPlan all = new SetOperation(SetOperation.Kind.EXCEPT, true, rel, right);
        assertSame(all, new ReplaceSetOperations(withFirst).apply(all));
    }

    @Test
    void columnPruningReachesBelowSamples() {
        LogicalPlan in = new Project(List.of(a), new Sample(0, 0.5, false, 7, rel));
        assertEquals(new Project(List.of(a), new Sample(0, 0.5, false, 7, new Project(List.of(a), rel))),
                new ColumnPruning().apply(in));
    }
}
