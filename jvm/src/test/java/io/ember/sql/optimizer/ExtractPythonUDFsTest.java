package io.ember.sql.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.TestingFunctions;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.PythonUDF;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.BatchEvalPython;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.types.DataTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtractPythonUDFsTest extends RuleTestBase {
    private final ExtractPythonUDFs extract = new ExtractPythonUDFs();

    static PythonUDF udf(String name, boolean deterministic, Expression... args) {
        return new PythonUDF(name, name.getBytes(StandardCharsets.UTF_8), DataTypes.LongType, List.of(args),
                deterministic);
    }

    static PythonUDF f(Expression... args) {
        return udf("f", true, args);
    }

    /** The BatchEvalPython nodes of {@code plan}, top first. */
    static List<BatchEvalPython> evals(LogicalPlan plan) {
        return plan.collect(n -> n instanceof BatchEvalPython).stream().map(n -> (BatchEvalPython) n).toList();
    }

    @Test
    void callInAProjectMovesBelowItAndIsReadAsAResultColumn() {
        Alias s = new Alias(op("+", f(a), lit(1)), "s");
        LogicalPlan out = extract.apply(new Project(List.of(s, b), rel));
        AttributeReference r = evals(out).get(0).resultAttributes().get(0);
        LogicalPlan expected = new Project(List.of(new Alias(op("+", r, lit(1)), "s", s.exprId()), b),
                new BatchEvalPython(List.of(f(a)), List.of(r), rel));
        assertEquals(expected, out);
        assertEquals(s.toAttribute(), out.output().get(0));
        assertEquals("pythonUDF0", r.name());
        assertEquals(DataTypes.LongType, r.dataType());
    }

    @Test
    void callInAFilterMovesBelowItAndAProjectKeepsTheFiltersOutput() {
        LogicalPlan out = extract.apply(new Filter(gt(f(a), lit(1)), rel));
        AttributeReference r = evals(out).get(0).resultAttributes().get(0);
        LogicalPlan expected = new Project(rel.output(),
                new Filter(gt(r, lit(1)), new BatchEvalPython(List.of(f(a)), List.of(r), rel)));
        assertEquals(expected, out);
        assertEquals(rel.output(), out.output());
    }

    @Test
    void equalDeterministicCallsAreEvaluatedOnce() {
        Alias x1 = new Alias(f(a), "x1");
        Alias x2 = new Alias(op("+", f(a), lit(2)), "x2");
        LogicalPlan out = extract.apply(new Project(List.of(x1, x2), rel));
        assertEquals(1, evals(out).size());
        AttributeReference r = evals(out).get(0).resultAttributes().get(0);
        assertEquals(List.of(f(a)), evals(out).get(0).udfs());
        assertEquals(new Project(List.of(new Alias(r, "x1", x1.exprId()), new Alias(op("+", r, lit(2)), "x2", x2.exprId())),
                new BatchEvalPython(List.of(f(a)), List.of(r), rel)), out);
    }

    @Test
    void everyNondeterministicCallIsItsOwn() {
        PythonUDF n1 = udf("n", false, a);
        PythonUDF n2 = udf("n", false, a);
        LogicalPlan out = extract.apply(new Project(List.of(new Alias(n1, "x1"), new Alias(n2, "x2")), rel));
        BatchEvalPython e = evals(out).get(0);
        assertEquals(2, e.udfs().size());
        Project p = (Project) out;
        assertEquals(e.resultAttributes().get(0), ((Alias) p.projectList().get(0)).child());
        assertEquals(e.resultAttributes().get(1), ((Alias) p.projectList().get(1)).child());
    }

    @Test
    void nestedCallsMoveOnePassAtATimeInnermostFirst() {
        PythonUDF g = udf("g", true, f(a));
        Alias s = new Alias(g, "s");
        LogicalPlan once = extract.apply(new Project(List.of(s), rel));
        assertEquals(1, evals(once).size());
        LogicalPlan twice = extract.apply(once);
        List<BatchEvalPython> e = evals(twice);
        AttributeReference inner = e.get(1).resultAttributes().get(0);
        AttributeReference outer = e.get(0).resultAttributes().get(0);
        LogicalPlan expected = new Project(List.of(new Alias(outer, "s", s.exprId())),
                new BatchEvalPython(List.of(udf("g", true, inner)), List.of(outer),
                        new BatchEvalPython(List.of(f(a)), List.of(inner), rel)));
        assertEquals(expected, twice);
        assertSame(twice, extract.apply(twice));
    }

    @Test
    void callInAGroupingKeyIsComputedBelowTheAggregateAndGroupedOn() {
        Alias k = new Alias(f(a), "k");
        Alias t = new Alias(op("sum", b), "t");
        LogicalPlan in = new Aggregate(List.of(f(a)), List.of(k, t), rel);
        LogicalPlan out = new PullPythonUDFsAboveAggregate().apply(in);
        assertSame(in, out);
        out = extract.apply(out);
        AttributeReference r = evals(out).get(0).resultAttributes().get(0);
        assertEquals(new Aggregate(List.of(r), List.of(new Alias(r, "k", k.exprId()), t),
                new BatchEvalPython(List.of(f(a)), List.of(r), rel)), out);
    }

    @Test
    void callInsideAnAggregateFunctionIsComputedBelowTheAggregate() {
        Alias t = new Alias(op("sum", f(b)), "t");
        LogicalPlan in = new Aggregate(List.of(a), List.of(a, t), rel);
        assertSame(in, new PullPythonUDFsAboveAggregate().apply(in));
        LogicalPlan out = extract.apply(in);
        AttributeReference r = evals(out).get(0).resultAttributes().get(0);
        assertEquals(new Aggregate(List.of(a), List.of(a, new Alias(op("sum", r), "t", t.exprId())),
                new BatchEvalPython(List.of(f(b)), List.of(r), rel)), out);
    }

    @Test
    void callOverAggregateResultsIsLiftedAboveTheAggregateThenExtracted() {
        Alias s = new Alias(op("+", f(op("sum", b)), f(a)), "s");
        LogicalPlan in = new Aggregate(List.of(a), List.of(a, s), rel);
        assertSame(in, extract.apply(in), "a call over aggregate results cannot move below the aggregate");
        LogicalPlan pulled = new PullPythonUDFsAboveAggregate().apply(in);
        Aggregate agg = (Aggregate) pulled.children().get(0);
        AttributeReference total = ((Alias) agg.aggregateExpressions().get(1)).toAttribute();
        AttributeReference key = ((Alias) agg.aggregateExpressions().get(2)).toAttribute();
        LogicalPlan expected = new Project(List.of(a, new Alias(op("+", f(total), f(key)), "s", s.exprId())),
                new Aggregate(List.of(a), List.of(a, new Alias(op("sum", b), total.name(), total.exprId()),
                        new Alias(a, key.name(), key.exprId())), rel));
        assertEquals(expected, pulled);
        assertEquals(in.output(), pulled.output());
        LogicalPlan out = extract.apply(pulled);
        BatchEvalPython e = evals(out).get(0);
        assertEquals(List.of(f(total), f(key)), e.udfs());
        assertInstanceOf(Aggregate.class, e.child());
    }

    @Test
    void callInAnInnerJoinConditionBecomesAFilterAboveTheJoin() {
        PullPythonUDFsOutOfJoinCondition pull = new PullPythonUDFsOutOfJoinCondition(p);
        Expression call = gt(f(a, x), lit(0));
        LogicalPlan in = new Join(rel, other, JoinType.INNER, Optional.of(and(op("==", b, y), call)));
        assertEquals(new Filter(call, new Join(rel, other, JoinType.INNER, Optional.of(op("==", b, y)))), pull.apply(in));
        LogicalPlan only = new Join(rel, other, JoinType.INNER, Optional.of(call));
        assertEquals(new Filter(call, new Join(rel, other, JoinType.CROSS, Optional.empty())), pull.apply(only));
        LogicalPlan plain = new Join(rel, other, JoinType.INNER, Optional.of(op("==", b, y)));
        assertSame(plain, pull.apply(plain));
    }

    @Test
    void callInAnOuterJoinConditionIsRefusedAsSparkDoes() {
        LogicalPlan in = new Join(rel, other, JoinType.LEFT_OUTER, Optional.of(gt(f(a, x), lit(0))));
        AnalysisException e = assertThrows(AnalysisException.class, () -> new PullPythonUDFsOutOfJoinCondition(p).apply(in));
        assertEquals("UNSUPPORTED_FEATURE.PYTHON_UDF_IN_ON_CLAUSE", e.getErrorClass());
        assertTrue(e.getMessage().contains("`LEFT OUTER` JOIN"), e.getMessage());
    }

    @Test
    void optimizerRunsTheExtractionLastAndToAFixedPoint() {
        Optimizer optimizer = new Optimizer(new SqlConf(), TestingFunctions.registry());
        LogicalPlan in = new Project(List.of(new Alias(udf("g", true, f(a)), "s")), rel);
        LogicalPlan out = optimizer.execute(in);
        assertEquals(2, evals(out).size());
        assertEquals(in.output(), out.output());
        out.foreach(n -> n.expressions().forEach(e -> {
            if (!(n instanceof BatchEvalPython)) {
                assertEquals(List.of(), e.collect(x -> x instanceof PythonUDF), "call left in " + n.nodeName());
            }
        }));
    }

    @Test
    void optimizerDoesNotMoveAFilterOnANondeterministicCallBelowAProject() {
        Optimizer optimizer = new Optimizer(new SqlConf(), TestingFunctions.registry());
        Alias s = new Alias(op("+", a, lit(1)), "s");
        LogicalPlan nondeterministic = optimizer.execute(
                new Filter(gt(udf("n", false, s.toAttribute()), lit(1)), new Project(List.of(s), rel)));
        LogicalPlan deterministic = optimizer.execute(
                new Filter(gt(f(s.toAttribute()), lit(1)), new Project(List.of(s), rel)));
        // Deterministic: the filter goes below the project, over a + 1 itself; nondeterministic: it stays above.
        assertEquals(List.of(op("+", a, lit(1))), evals(deterministic).get(0).udfs().get(0).children());
        assertEquals(List.of(s.toAttribute()), evals(nondeterministic).get(0).udfs().get(0).children());
    }
}
