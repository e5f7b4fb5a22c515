package io.ember.sql.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Limit;
import io.ember.sql.plans.Range;
import io.ember.sql.plans.Sort;
import io.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Literal protocol JSON (as ember/sql/plan_protocol.py sends it) in, analyzed plans out. */
class PlanJsonTest {
    private static EmberContext ec;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[1]").setAppName("planjson-test")
                .set("ember.ui.showConsoleProgress", "false"));
        spark = new SparkSession(ec);
        spark.conf().set(SqlConf.SHUFFLE_PARTITIONS, "2");
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static Dataset<Row> op(String json, Dataset<Row>... inputs) {
        return PlanJson.read(json, List.of(inputs), spark);
    }

    private static List<String> names(Dataset<Row> df) {
        return List.of(df.columns());
    }

    @Test
    void rangeThenSelectFilterWithColumnsSortLimit() {
        Dataset<Row> r = op("{\"op\":\"range\",\"start\":0,\"end\":10,\"step\":2,\"numPartitions\":3}");
        Range range = (Range) r.logicalPlan();
        assertEquals(List.of(0L, 10L, 2L, 3), List.of(range.start(), range.end(), range.step(), range.numSlices()));
        Dataset<Row> sel = op("{\"op\":\"select\",\"input\":0,\"exprs\":[{\"kind\":\"col\",\"name\":\"id\"},"
                + "{\"kind\":\"fn\",\"name\":\"+\",\"args\":[{\"kind\":\"col\",\"name\":\"id\"},"
                + "{\"kind\":\"lit\",\"value\":1,\"type\":\"int\"}],\"distinct\":false}]}", r);
        assertEquals(List.of("id", "(id + 1)"), names(sel));
        Dataset<Row> f = op("{\"op\":\"filter\",\"input\":0,\"condition\":{\"kind\":\"fn\",\"name\":\">\",\"args\":["
                + "{\"kind\":\"col\",\"name\":\"id\"},{\"kind\":\"lit\",\"value\":3,\"type\":\"bigint\"}]}}", r);
        assertEquals(Filter.class, f.logicalPlan().getClass());
        Dataset<Row> w = op("{\"op\":\"withColumns\",\"input\":0,\"names\":[\"x\",\"id\"],\"exprs\":["
                + "{\"kind\":\"lit\",\"value\":\"1.50\",\"type\":\"decimal(3,2)\"},{\"kind\":\"lit\",\"value\":null,\"type\":\"void\"}]}", r);
        assertEquals(List.of("id", "x"), names(w));
        assertEquals(DataTypes.createDecimalType(3, 2), w.schema().field(1).dataType());
        Dataset<Row> s = op("{\"op\":\"sort\",\"input\":0,\"order\":[{\"kind\":\"sort\",\"expr\":{\"kind\":\"col\","
                + "\"name\":\"id\"},\"asc\":false,\"nullsFirst\":false}],\"global\":true}", r);
        assertEquals("id DESC NULLS LAST", ((Sort) s.logicalPlan()).order().get(0).sql());
        assertEquals(4, ((Limit) op("{\"op\":\"limit\",\"input\":0,\"n\":4}", r).logicalPlan()).limit());
    }

    @Test
    void aggregateCountStarAndAliases() {
        Dataset<Row> r = spark.range(6);
        Dataset<Row> agg = op("{\"op\":\"aggregate\",\"input\":0,\"groupType\":\"groupby\",\"grouping\":[{\"kind\":\"alias\","
                + "\"expr\":{\"kind\":\"fn\",\"name\":\"%\",\"args\":[{\"kind\":\"col\",\"name\":\"id\"},{\"kind\":\"lit\","
                + "\"value\":2,\"type\":\"int\"}]},\"names\":[\"k\"]}],\"aggs\":[{\"kind\":\"fn\",\"name\":\"count\",\"args\":"
                + "[{\"kind\":\"star\"}]},{\"kind\":\"alias\",\"expr\":{\"kind\":\"fn\",\"name\":\"sum\",\"args\":[{\"kind\":"
                + "\"col\",\"name\":\"id\"}]},\"names\":[\"total\"]}]}", r);
        assertEquals(List.of("k", "count(1)", "total"), names(agg));
        assertEquals(Aggregate.class, agg.logicalPlan().getClass());
        assertEquals(List.of(Row.of(0L, 3L, 6L), Row.of(1L, 3L, 9L)), agg.orderBy("k").collectAsList());
    }

    @Test
    void columnTakenFromAnInputResolvesAgainstThatInput() {
        Dataset<Row> r = spark.range(3);
        Dataset<Row> renamed = op("{\"op\":\"withColumnsRenamed\",\"input\":0,\"renames\":[[\"id\",\"n\"]]}", r);
        Dataset<Row> sel = op("{\"op\":\"select\",\"input\":0,\"exprs\":[{\"kind\":\"col\",\"name\":\"n\",\"plan\":0}]}",
                renamed);
        assertEquals(renamed.logicalPlan().output(), sel.logicalPlan().output());
        AnalysisException e = assertThrows(AnalysisException.class, () -> op(
                "{\"op\":\"select\",\"input\":0,\"exprs\":[{\"kind\":\"col\",\"name\":\"id\",\"plan\":1}]}", renamed, r));
        assertEquals("MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT", e.getErrorClass());
    }

    @Test
    void dropToDfAliasDistinctAndUnknownOps() {
        Dataset<Row> two = spark.range(2).withColumn("x", functions.lit(1));
        assertEquals(List.of("x"), names(op("{\"op\":\"drop\",\"input\":0,\"columns\":[{\"kind\":\"col\",\"name\":\"ID\"}]}", two)));
        assertEquals(List.of("a", "b"), names(op("{\"op\":\"toDF\",\"input\":0,\"names\":[\"a\",\"b\"]}", two)));
        Dataset<Row> t = op("{\"op\":\"alias\",\"input\":0,\"alias\":\"t\"}", two);
        assertEquals(List.of("x"), names(t.select("t.x")));
        assertEquals(2, op("{\"op\":\"distinct\",\"input\":0}", two).count());
        AnalysisException e = assertThrows(AnalysisException.class, () -> op("{\"op\":\"bogus\",\"input\":0}", two));
        assertEquals("UNSUPPORTED_FEATURE.PLAN_OPERATION", e.getErrorClass());
    }
}
