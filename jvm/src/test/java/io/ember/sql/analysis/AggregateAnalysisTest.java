package io.ember.sql.analysis;

import static io.ember.sql.analysis.AnalyzerTest.col;
import static io.ember.sql.analysis.AnalyzerTest.fn;
import static io.ember.sql.analysis.AnalyzerTest.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.ember.sql.SqlConf;
import io.ember.sql.TestingFunctions;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Sort;
import io.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aggregate functions named above an aggregate (Spark's HAVING / ORDER BY over aggregates). */
class AggregateAnalysisTest {
    private final AttributeReference k = new AttributeReference("k", DataTypes.IntegerType, true);
    private final AttributeReference v = new AttributeReference("v", DataTypes.LongType, true);
    private final LocalRelation rel = new LocalRelation(List.of(k, v), List.of());
    private final Analyzer analyzer = new Analyzer(new SqlConf(), TestingFunctions.registry());

    private LogicalPlan grouped() {
        return analyzer.execute(new Aggregate(List.of(col("k")), List.of(col("k"), fn("sum", col("v"))), rel));
    }

    @Test
    void filterOnAnAggregateAlreadyComputedReusesItsColumn() {
        Aggregate agg = (Aggregate) grouped();
        LogicalPlan p = analyzer.execute(new Filter(fn(">", fn("sum", col("v")), lit(1)), agg));
        Project top = assertInstanceOf(Project.class, p);
        assertEquals(agg.output(), top.output());
        Filter f = (Filter) top.child();
        assertEquals(agg, f.child());
        assertEquals(List.of(agg.output().get(1)), List.copyOf(f.condition().references()));
    }

    @Test
    void sortOnANewAggregateComputesItInTheAggregateAndProjectsItAway() {
        Aggregate agg = (Aggregate) grouped();
        LogicalPlan p = analyzer.execute(new Sort(List.of(SortOrder.desc(fn("count", col("v")))), true, agg));
        assertEquals(List.of("k", "sum(v)"), p.output().stream().map(AttributeReference::name).toList());
        Sort s = (Sort) p.children().get(0);
        Aggregate extended = (Aggregate) s.child();
        assertEquals(3, extended.aggregateExpressions().size());
        Alias extra = (Alias) extended.aggregateExpressions().get(2);
        assertEquals("count(v)", extra.name());
        assertEquals(extra.toAttribute(), s.order().get(0).child());
    }

    @Test
    void sortOnAColumnOutsideTheGroupingStillFailsWithSuggestions() {
        LocalRelation wide = new LocalRelation(List.of(k, v, new AttributeReference("abd", DataTypes.StringType, true)),
                List.of());
        LogicalPlan agg = analyzer.execute(new Aggregate(List.of(col("k")), List.of(col("k"), fn("sum", col("v"))), wide));
        io.ember.sql.AnalysisException e = org.junit.jupiter.api.Assertions.assertThrows(io.ember.sql.AnalysisException.class,
                () -> analyzer.execute(new Sort(List.of(SortOrder.asc(col("abd"))), true, agg)));
        assertEquals("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `abd`"
                + " cannot be resolved. Did you mean one of the following? [`k`, `sum(v)`].", e.getMessage());
    }
}
