package io.ember.sql.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Literal;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionRulesTest extends RuleTestBase {
    private final AttributeReference notNullA = new AttributeReference("n", DataTypes.LongType, false);

    @Test
    void constantFoldingEvaluatesConstantSubtrees() {
        LogicalPlan in = new Project(List.of(new Alias(op("+", a, op("+", lit(1), lit(2))), "s")), rel);
        LogicalPlan out = new ConstantFolding().apply(in);
        Alias s = (Alias) ((Project) out).projectList().get(0);
        assertEquals(op("+", a, lit(3)), s.child());
        assertEquals(((Alias) ((Project) in).projectList().get(0)).exprId(), s.exprId());
    }

    @Test
    void constantFoldingLeavesPlansWithoutConstantsUnchanged() {
        LogicalPlan in = new Filter(gt(a, lit(1)), rel);
        assertSame(in, new ConstantFolding().apply(in));
    }

    @Test
    void booleanSimplificationUsesKnownSides() {
        Expression cond = gt(a, lit(1));
        assertEquals(new Filter(cond, rel), new BooleanSimplification(p).apply(new Filter(and(Predicates.TRUE, cond), rel)));
        assertEquals(new Filter(Predicates.FALSE, rel),
                new BooleanSimplification(p).apply(new Filter(and(cond, Predicates.FALSE), rel)));
        assertEquals(new Filter(Predicates.TRUE, rel),
                new BooleanSimplification(p).apply(new Filter(op("or", cond, Predicates.TRUE), rel)));
        assertEquals(new Filter(cond, rel), new BooleanSimplification(p).apply(new Filter(op("or", Predicates.FALSE, cond), rel)));
        assertEquals(new Filter(cond, rel), new BooleanSimplification(p).apply(new Filter(op("not", op("not", cond)), rel)));
        assertEquals(new Filter(cond, rel), new BooleanSimplification(p).apply(new Filter(and(cond, cond), rel)));
    }

    @Test
    void booleanSimplificationFactorsCommonConjunctsOutOfDisjunctions() {
        Expression key = op("==", a, b);
        Expression x = gt(a, lit(1));
        Expression y = gt(b, lit(2));
        Expression z = gt(a, lit(3));
        BooleanSimplification rule = new BooleanSimplification(p);
        assertEquals(new Filter(and(key, op("or", x, y)), rel),
                rule.apply(new Filter(op("or", and(key, x), and(y, key)), rel)));
        // three branches (q19's shape): the key comes out of the whole disjunction
        LogicalPlan three = new Filter(op("or", op("or", and(key, x), and(key, y)), and(key, z)), rel);
        assertEquals(new Filter(and(key, op("or", op("or", x, y), z)), rel), rule.apply(three));
        // absorption: a OR (a AND b) -> a
        assertEquals(new Filter(key, rel), rule.apply(new Filter(op("or", key, and(key, x)), rel)));
        // nothing in common: unchanged
        LogicalPlan disjoint = new Filter(op("or", and(key, x), y), rel);
        assertSame(disjoint, rule.apply(disjoint));
    }

    @Test
    void nullPropagationAnswersNullTestsOnNonNullableColumns() {
        LocalRelation r = new LocalRelation(List.of(notNullA, a), List.of());
        assertEquals(new Filter(Predicates.FALSE, r), new NullPropagation(p).apply(new Filter(op("isnull", notNullA), r)));
        assertEquals(new Filter(Predicates.TRUE, r), new NullPropagation(p).apply(new Filter(op("isnotnull", notNullA), r)));
        LogicalPlan nullable = new Filter(op("isnull", a), r);
        assertSame(nullable, new NullPropagation(p).apply(nullable));
    }

    @Test
    void pruneFiltersDropsTrueAndEmptiesFalse() {
        assertEquals(rel, new PruneFilters().apply(new Filter(Predicates.TRUE, rel)));
        LogicalPlan none = new PruneFilters().apply(new Filter(new Literal(null, DataTypes.BooleanType), rel));
        assertEquals(0, ((LocalRelation) none).numRows());
        assertEquals(rel.output(), none.output());
    }

    @Test
    void optimizeInDedupesAndTurnsSingleValueIntoEquality() {
        LogicalPlan in = new Filter(op("in", a, lit(1), lit(2), lit(1)), rel);
        assertEquals(new Filter(op("in", a, lit(1), lit(2)), rel), new OptimizeIn(p).apply(in));
        assertEquals(new Filter(op("==", a, lit(1)), rel), new OptimizeIn(p).apply(new Filter(op("in", a, lit(1), lit(1)), rel)));
        LogicalPlan distinct = new Filter(op("in", a, lit(1), lit(2)), rel);
        assertSame(distinct, new OptimizeIn(p).apply(distinct));
    }

    @Test
    void predicatesRecognizeOnlyTheirOwnOperator() {
        assertEquals(true, p.isAnd(and(a, b)));
        assertEquals(false, p.isOr(and(a, b)));
        assertEquals(List.of(gt(a, lit(1)), gt(b, lit(2)), gt(a, b)),
                p.splitConjuncts(and(and(gt(a, lit(1)), gt(b, lit(2))), gt(a, b))));
    }


}
