package io.ember.sql.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ReplicateRows;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Generate;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.SetOperation;
import io.ember.sql.plans.Union;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EXCEPT ALL / INTERSECT ALL to tagged union, group-by-everything aggregate and ReplicateRows (plan in, plan out). */
class RewriteSetOperationsAllTest extends RuleTestBase {
    private final LogicalPlan right = new Project(List.of(x, y, new io.ember.sql.expressions.Alias(lit(1), "z")), other);

    @Test
    void exceptAllSumsPlusOneAndMinusOneTags() {
        LogicalPlan out = new RewriteSetOperationsAll(p).apply(new SetOperation(SetOperation.Kind.EXCEPT, true, rel, right));
        Project top = (Project) out;
        assertEquals(rel.output(), top.output());
        Generate g = (Generate) top.child();
        assertEquals(List.of(), g.generatorOutput());
        Aggregate agg = (Aggregate) g.child();
        Union u = (Union) agg.child();
        assertEquals(List.<Expression>copyOf(rel.output()), agg.groupingExpressions());
        AttributeReference tag = u.output().get(3);
        assertEquals(p.build("sum", List.of(tag)).orElseThrow(),
                ((io.ember.sql.expressions.Alias) agg.aggregateExpressions().get(3)).child());
        assertEquals(new ReplicateRows(List.of(agg.output().get(3))), g.generator());
        assertEquals(List.of(lit(1), lit(-1)), u.children().stream()
                .map(c -> ((io.ember.sql.expressions.Alias) ((Project) c).projectList().get(3)).child()).toList());
    }

    @Test
    void intersectAllCountsEachSideAndKeepsTheSmaller() {
        LogicalPlan out = new RewriteSetOperationsAll(p).apply(new SetOperation(SetOperation.Kind.INTERSECT, true, rel, right));
        Generate g = (Generate) ((Project) out).child();
        Aggregate agg = (Aggregate) g.child();
        assertEquals(5, agg.aggregateExpressions().size());
        assertEquals(new ReplicateRows(agg.output().subList(3, 5)), g.generator());
    }

    @Test
    void distinctSetOperationsAreLeftAlone() {
        LogicalPlan distinct = new SetOperation(SetOperation.Kind.EXCEPT, false, rel, right);
        assertSame(distinct, new RewriteSetOperationsAll(p).apply(distinct));
    }
}
