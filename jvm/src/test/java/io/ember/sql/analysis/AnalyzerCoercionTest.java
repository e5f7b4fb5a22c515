package io.ember.sql.analysis;

import static org.junit.jupiter.api.Assertions.*;

import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analyzer with the coercion rules: names come from the uncoerced expressions, types from the coerced ones. */
class AnalyzerCoercionTest {
    private final AttributeReference a = new AttributeReference("a", DataTypes.IntegerType, true);
    private final AttributeReference s = new AttributeReference("s", new StructType(List.of(new StructField("f", DataTypes.LongType))), true);
    private final LocalRelation rel = new LocalRelation(List.of(a, s), List.of());
    private final Analyzer analyzer = new Analyzer(new SqlConf(), FunctionRegistry.builtin());

    private LogicalPlan select(Expression e) {
        return analyzer.execute(new Project(List.of(e), rel));
    }

    private static Expression call(String name, Expression... args) {
        return new UnresolvedFunction(name, List.of(args), false);
    }

    @Test
    void arithmeticWithAStringIsCoercedAndNamedAsWritten() {
        LogicalPlan p = select(call("+", new UnresolvedAttribute("a"), new Literal("1", DataTypes.StringType)));
        assertEquals("(a + 1)", p.output().get(0).name());
        assertEquals(DataTypes.DoubleType, p.output().get(0).dataType());
        LogicalPlan div = select(call("/", new UnresolvedAttribute("a"), new Literal(2, DataTypes.IntegerType)));
        assertEquals(DataTypes.DoubleType, div.output().get(0).dataType());
    }

    @Test
    void mismatchesRaiseSparksMessage() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> select(call("+", new UnresolvedAttribute("a"), new Literal(true, DataTypes.BooleanType))));
        assertEquals("DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", e.getErrorClass());
        assertTrue(e.getMessage().contains("Cannot resolve \"(a + true)\" due to data type mismatch"), e.getMessage());
    }

    @Test
    void structFieldsResolveThroughTheExtractor() {
        LogicalPlan p = select(new UnresolvedAttribute(List.of("s", "f"), -1));
        assertEquals(DataTypes.LongType, p.output().get(0).dataType());
    }

    @Test
    void aCastColumnKeepsTheColumnsNameAndNestedCastsShow() {
        LogicalPlan p = select(new io.ember.sql.expressions.Cast(new UnresolvedAttribute("a"), DataTypes.LongType));
        assertEquals("a", p.output().get(0).name());
        assertEquals(DataTypes.LongType, p.output().get(0).dataType());
        LogicalPlan q = select(call("+", new io.ember.sql.expressions.Cast(new UnresolvedAttribute("a"), DataTypes.LongType),
                new Literal(1, DataTypes.IntegerType)));
        assertEquals("(CAST(a AS BIGINT) + 1)", q.output().get(0).name());
    }
}
