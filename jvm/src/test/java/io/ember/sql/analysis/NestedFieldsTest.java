package io.ember.sql.analysis;

import static io.ember.sql.analysis.AnalyzerTest.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Cast;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.Literal;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Struct fields by dotted names, {@code col[key]}, and names of casts (with the real expression classes). */
class NestedFieldsTest {
    private final StructType pq = StructType.of(new StructField("p", DataTypes.IntegerType),
            new StructField("q", DataTypes.StringType));
    private final AttributeReference s = new AttributeReference("s", pq, true);
    private final AttributeReference arr = new AttributeReference("arr", new ArrayType(DataTypes.LongType), true);
    private final AttributeReference x = new AttributeReference("x", DataTypes.IntegerType, true);
    private final LocalRelation rel = new LocalRelation(List.of(s, arr, x), List.of());
    private final Analyzer analyzer = new Analyzer(new SqlConf(), FunctionRegistry.builtin());

    private List<String> names(LogicalPlan p) {
        return p.output().stream().map(AttributeReference::name).toList();
    }

    @Test
    void dottedNameReachesAStructFieldNamedAsTyped() {
        LogicalPlan p = analyzer.execute(new Project(List.of(col("s", "P")), rel));
        assertEquals(List.of("P"), names(p));
        assertEquals(DataTypes.IntegerType, p.output().get(0).dataType());
    }

    @Test
    void missingStructFieldIsFieldNotFound() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> analyzer.execute(new Project(List.of(col("s", "zz")), rel)));
        assertEquals("[FIELD_NOT_FOUND] No such struct field `zz` in `p`, `q`.", e.getMessage());
        assertEquals(Map.of("fieldName", "`zz`", "fields", "`p`, `q`"), e.getMessageParameters());
    }

    @Test
    void extractValueChoosesFieldOrItemByType() {
        LogicalPlan p = analyzer.execute(new Project(List.of(
                new UnresolvedExtractValue(col("s"), new Literal("q", DataTypes.StringType)),
                new UnresolvedExtractValue(col("arr"), new Literal(0, DataTypes.IntegerType))), rel));
        assertEquals(List.of(DataTypes.StringType, DataTypes.LongType), p.output().stream().map(AttributeReference::dataType).toList());
        AnalysisException e = assertThrows(AnalysisException.class, () -> analyzer.execute(new Project(List.of(
                new UnresolvedExtractValue(col("x"), new Literal("q", DataTypes.StringType))), rel)));
        assertEquals("[INVALID_EXTRACT_BASE_FIELD_TYPE] Can't extract a value from \"x\". Need a complex type"
                + " [STRUCT, ARRAY, MAP] but got \"INT\".", e.getMessage());
    }

    @Test
    void castOfAColumnKeepsTheColumnsName() {
        LogicalPlan p = analyzer.execute(new Project(List.of(new Cast(col("x"), DataTypes.StringType),
                new Cast(new Literal(1, DataTypes.IntegerType), DataTypes.LongType)), rel));
        assertEquals(List.of("x", "CAST(1 AS BIGINT)"), names(p));
    }
}
