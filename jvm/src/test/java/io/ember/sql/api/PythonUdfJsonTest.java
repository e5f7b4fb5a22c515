package io.ember.sql.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.AnalysisException;
import io.ember.sql.plans.BatchEvalPython;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.PythonUDF;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonUdfJsonTest {
    private final ObjectMapper json = new ObjectMapper();
    private final List<Expression> args = List.of(new Literal(1L, DataTypes.LongType));

    @Test
    void readsNameCommandReturnTypeAndDeterminism() throws Exception {
        PythonUDF udf = PythonUdfJson.read(json.readTree("{\"kind\":\"udf\",\"name\":\"f\",\"args\":[],"
                + "\"returnType\":\"array<int>\",\"func\":\"AQID\",\"deterministic\":false}"), args);
        assertEquals("f", udf.name());
        assertArrayEquals(new byte[] {1, 2, 3}, udf.command());
        assertEquals(new ArrayType(DataTypes.IntegerType, true), udf.dataType());
        assertEquals(args, udf.children());
        assertFalse(udf.deterministic());
        assertEquals("f(1)", udf.sql());
        assertTrue(PythonUdfJson.read(json.readTree("{\"name\":\"g\",\"returnType\":\"int\",\"func\":\"AQID\"}"), args)
                .deterministic());
    }

    @Test
    void aSelectOfAUdfAnalyzesAndOptimizesIntoBatchEvalPython() {
        EmberContext ec = new EmberContext(new EmberConf(false).setMaster("local[1]").setAppName("udf-json-test")
                .set("ember.ui.showConsoleProgress", "false"));
        try {
            SparkSession spark = new SparkSession(ec);
            Dataset<Row> range = PlanJson.read("{\"op\":\"range\",\"start\":0,\"end\":3,\"step\":1}", List.of(), spark);
            Dataset<Row> df = PlanJson.read("{\"op\":\"select\",\"input\":0,\"exprs\":[{\"kind\":\"udf\","
                    + "\"name\":\"<lambda>\",\"args\":[{\"kind\":\"col\",\"name\":\"id\"}],\"returnType\":\"int\","
                    + "\"func\":\"AQID\",\"deterministic\":true}]}", List.of(range), spark);
            assertEquals(List.of("<lambda>(id)"), List.of(df.columns()));
            assertEquals(DataTypes.IntegerType, df.schema().field(0).dataType());
            assertTrue(df.queryExecution().optimizedPlan().exists(p -> p instanceof BatchEvalPython),
                    df.queryExecution().optimizedPlan().treeString());
        } finally {
            ec.stop();
        }
    }

    @Test
    void aCallWithoutItsCommandIsAnAnalysisError() throws Exception {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> PythonUdfJson.read(json.readTree("{\"name\":\"f\",\"returnType\":\"int\"}"), args));
        assertTrue(e.getMessage().contains("`f`"), e.getMessage());
    }
}
