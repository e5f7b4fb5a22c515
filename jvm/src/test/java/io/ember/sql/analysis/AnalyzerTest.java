package io.ember.sql.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.TestingFunctions;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.expressions.UnresolvedStar;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Sort;
import io.ember.sql.plans.SubqueryAlias;
import io.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnalyzerTest {
    private final AttributeReference abc = new AttributeReference("abc", DataTypes.IntegerType, true);
    private final AttributeReference abd = new AttributeReference("Abd", DataTypes.StringType, true);
    private final AttributeReference xyz = new AttributeReference("xyz", DataTypes.DoubleType, true);
    private final LocalRelation rel = new LocalRelation(List.of(abc, abd, xyz), List.of());
    private final Analyzer analyzer = new Analyzer(new SqlConf(), TestingFunctions.registry());

    static UnresolvedAttribute col(String... parts) {
        return new UnresolvedAttribute(List.of(parts), -1);
    }

    static UnresolvedFunction fn(String name, Expression... args) {
        return new UnresolvedFunction(name, List.of(args), false);
    }

    static Literal lit(int v) {
        return new Literal(v, DataTypes.IntegerType);
    }

    private String error(LogicalPlan plan) {
        return assertThrows(AnalysisException.class, () -> analyzer.execute(plan)).getMessage();
    }

    @Test
    void resolvesNamesCaseInsensitivelyByDefault() {
        LogicalPlan p = analyzer.execute(new Project(List.of(col("ABC"), col("abd")), rel));
        assertEquals(new Project(List.of(abc, abd), rel), p);
    }

    @Test
    void caseSensitiveSessionDoesNotMatchOtherCase() {
        SqlConf conf = new SqlConf(Map.of(SqlConf.CASE_SENSITIVE, "true"));
        Analyzer sensitive = new Analyzer(conf, TestingFunctions.registry());
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> sensitive.execute(new Project(List.of(col("ABC")), rel)));
        assertEquals("UNRESOLVED_COLUMN.WITH_SUGGESTION", e.getErrorClass());
    }

    @Test
    void expandsStarAndQualifiedStar() {
        assertEquals(List.of(abc, abd, xyz),
                analyzer.execute(new Project(List.of(new UnresolvedStar(List.of())), rel)).output());
        LogicalPlan t = new SubqueryAlias("t", rel);
        List<AttributeReference> out = analyzer.execute(new Project(List.of(new UnresolvedStar(List.of("T"))), t)).output();
        assertEquals(List.of("abc", "Abd", "xyz"), out.stream().map(AttributeReference::name).toList());
        assertEquals(List.of("t"), out.get(0).qualifier());
    }

    @Test
    void starOfUnknownQualifierFailsLikeSpark() {
        String m = error(new Project(List.of(new UnresolvedStar(List.of("u"))), new SubqueryAlias("t", rel)));
        assertEquals("[CANNOT_RESOLVE_STAR_EXPAND] Cannot resolve `u`.* given input columns `t`.`Abd`, `t`.`abc`,"
                + " `t`.`xyz`. Please check that the specified table or struct exists and is accessible in the input"
                + " columns.", m);
    }

    @Test
    void qualifiedNamesResolveThroughAliases() {
        LogicalPlan p = analyzer.execute(new Project(List.of(col("t", "xyz")), new SubqueryAlias("t", rel)));
        assertEquals(xyz.exprId(), p.output().get(0).exprId());
    }

    @Test
    void functionsResolveThroughTheRegistryAndAreNamedBySql() {
        LogicalPlan p = analyzer.execute(new Project(List.of(fn("+", col("abc"), lit(1))), rel));
        Alias a = assertInstanceOf(Alias.class, ((Project) p).projectList().get(0));
        assertEquals("(abc + 1)", a.name());
        assertInstanceOf(TestingFunctions.Op.class, a.child());
    }

    @Test
    void countStarBecomesCountOne() {
        LogicalPlan p = analyzer.execute(new Aggregate(List.of(),
                List.of(fn("count", new UnresolvedStar(List.of()))), rel));
        assertEquals(List.of("count(1)"), p.output().stream().map(AttributeReference::name).toList());
    }

    @Test
    void unresolvedColumnSuggestsNearNamesInSparksOrder() {
        assertEquals("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `abx`"
                + " cannot be resolved. Did you mean one of the following? [`abc`, `Abd`, `xyz`].",
                error(new Project(List.of(col("abx")), rel)));
        assertEquals("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name"
                + " `zzzzzzzzzzzz` cannot be resolved. Did you mean one of the following? [`xyz`, `Abd`, `abc`].",
                error(new Project(List.of(col("zzzzzzzzzzzz")), rel)));
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> analyzer.execute(new Project(List.of(col("q", "abc")), new SubqueryAlias("t", rel))));
        assertEquals(Map.of("objectName", "`q`.`abc`", "proposal", "`t`.`abc`, `t`.`Abd`, `t`.`xyz`"),
                e.getMessageParameters());
    }

    @Test
    void unknownFunctionIsUnresolvedRoutine() {
        assertEquals("[UNRESOLVED_ROUTINE] Cannot resolve routine `foo` on search path [`system`.`builtin`,"
                + " `system`.`session`, `spark_catalog`.`default`].", error(new Project(List.of(fn("foo", col("nope"))), rel)));
    }

    @Test
    void sharedNameAfterJoinIsAmbiguous() {
        AttributeReference other = new AttributeReference("abc", DataTypes.IntegerType, true);
        LogicalPlan right = new LocalRelation(List.of(other), List.of());
        Join j = new Join(new SubqueryAlias("l", rel), new SubqueryAlias("r", right), JoinType.INNER, Optional.empty());
        assertEquals("[AMBIGUOUS_REFERENCE] Reference `abc` is ambiguous, could be: [`l`.`abc`, `r`.`abc`].",
                error(new Project(List.of(col("abc")), j)));
        assertEquals(other.exprId(), analyzer.execute(new Project(List.of(col("r", "abc")), j)).output().get(0).exprId());
    }

    @Test
    void columnOutsideGroupByIsMissingAggregation() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> analyzer.execute(
                new Aggregate(List.of(col("abc")), List.of(col("abc"), fn("+", col("xyz"), lit(1))), rel)));
        assertEquals("MISSING_AGGREGATION", e.getErrorClass());
        assertEquals("[MISSING_AGGREGATION] The non-aggregating expression \"xyz\" is based on columns which are not"
                + " participating in the GROUP BY clause.\nAdd the columns or the expression to the GROUP BY, aggregate"
                + " the expression, or use \"any_value(xyz)\" if you do not care which of the values within a group is"
                + " returned.", e.getMessage());
        assertEquals(Map.of("expression", "\"xyz\"", "expressionAnyValue", "\"any_value(xyz)\""), e.getMessageParameters());
    }

    @Test
    void selectMixingAggregateAndColumnIsMissingGroupBy() {
        assertEquals("[MISSING_GROUP_BY] The query does not include a GROUP BY clause. Add GROUP BY or turn it into"
                + " the window functions using OVER clauses.", error(new Project(List.of(fn("sum", col("abc")), col("abd")), rel)));
    }

    @Test
    void nestedAggregatesAndAggregatesInWhereFail() {
        AnalysisException nested = assertThrows(AnalysisException.class, () -> analyzer.execute(
                new Aggregate(List.of(col("abc")), List.of(fn("sum", fn("sum", col("abc")))), rel)));
        assertEquals("NESTED_AGGREGATE_FUNCTION", nested.getErrorClass());
        assertEquals("[INVALID_WHERE_CONDITION] The WHERE condition \"(sum(abc) > 1)\" contains invalid expressions:"
                + " sum(abc).\nRewrite the query to avoid window functions, aggregate functions, and generator functions"
                + " in the WHERE clause.", error(new Filter(fn(">", fn("sum", col("abc")), lit(1)), rel)));
    }

    @Test
    void groupedAggregateResolvesAndNamesItsOutput() {
        LogicalPlan p = analyzer.execute(new Aggregate(List.of(col("abc")), List.of(col("abc"), fn("sum", col("xyz"))), rel));
        assertEquals(List.of("abc", "sum(xyz)"), p.output().stream().map(AttributeReference::name).toList());
    }

    @Test
    void nonBooleanFilterIsDatatypeMismatch() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> analyzer.execute(new Filter(col("abc"), rel)));
        assertEquals("[DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN] Cannot resolve \"abc\" due to data type mismatch: Filter"
                + " expression \"abc\" of type \"INT\" is not a boolean.", e.getMessage());
        assertEquals(Map.of("sqlExpr", "\"abc\"", "filter", "\"abc\"", "type", "\"INT\""), e.getMessageParameters());
    }

    @Test
    void sortByColumnDroppedBySelectAddsItBelowAndProjectsItAway() {
        LogicalPlan p = analyzer.execute(new Sort(List.of(SortOrder.asc(col("xyz"))), true, new Project(List.of(col("abc")), rel)));
        LogicalPlan expected = new Project(List.of(abc),
                new Sort(List.of(SortOrder.asc(xyz)), true, new Project(List.of(abc, xyz), rel)));
        assertEquals(expected, p);
    }

    @Test
    void sortByGroupingColumnDroppedByAggregateIsAddedToTheAggregate() {
        LogicalPlan agg = analyzer.execute(new Aggregate(List.of(col("abc")), List.of(fn("sum", col("xyz"))), rel));
        LogicalPlan p = analyzer.execute(new Sort(List.of(SortOrder.asc(col("abc"))), true, agg));
        assertEquals(List.of("sum(xyz)"), p.output().stream().map(AttributeReference::name).toList());
        assertEquals("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `abd`"
                + " cannot be resolved. Did you mean one of the following? [`sum(xyz)`].",
                error(new Sort(List.of(SortOrder.asc(col("abd"))), true, agg)));
    }

    @Test
    void columnOfAnotherPlanIsReportedMissing() {
        AttributeReference stranger = new AttributeReference("q", DataTypes.IntegerType, true);
        AnalysisException e = assertThrows(AnalysisException.class, () -> analyzer.execute(new Project(List.of(stranger), rel)));
        assertEquals("MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT", e.getErrorClass());
    }
}
