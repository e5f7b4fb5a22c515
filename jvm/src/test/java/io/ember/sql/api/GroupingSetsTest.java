package io.ember.sql.api;

import static io.ember.sql.api.functions.col;
import static io.ember.sql.api.functions.lit;
import static io.ember.sql.api.functions.count;
import static io.ember.sql.api.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.SqlConf;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * rollup, cube, groupingSets and pivot, run end to end; expected rows worked out by hand, and
 * grouping sets checked against a union of one plain group-by per set (what Ember did before
 * the expand operator).
 */
class GroupingSetsTest {
    private static EmberContext ec;
    private static SparkSession spark;
    private static Dataset<Row> sales;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("grouping-sets")
                .set("ember.ui.showConsoleProgress", "false"));
        spark = new SparkSession(ec);
        spark.conf().set(SqlConf.SHUFFLE_PARTITIONS, "2");
        StructType schema = StructType.of(new StructField("city", DataTypes.StringType),
                new StructField("year", DataTypes.IntegerType), new StructField("amount", DataTypes.LongType));
        sales = spark.createDataFrame(List.of(Row.of("a", 2020, 1L), Row.of("a", 2021, 2L), Row.of("b", 2020, 4L)), schema);
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static Set<Row> rows(Dataset<Row> df) {
        return new HashSet<>(df.collectAsList());
    }

    @Test
    void rollupAddsSubtotalsAndAGrandTotal() {
        Dataset<Row> r = sales.rollup("city", "year").agg(sum("amount"));
        assertEquals(List.of("city", "year", "sum(amount)"), List.of(r.columns()));
        assertEquals(Set.of(Row.of("a", 2020, 1L), Row.of("a", 2021, 2L), Row.of("b", 2020, 4L),
                Row.of("a", null, 3L), Row.of("b", null, 4L), Row.of(null, null, 7L)), rows(r));
    }

    @Test
    void cubeGroupsByEverySubset() {
        Dataset<Row> c = sales.cube("city", "year").agg(count("*"));
        Set<Row> expected = new HashSet<>(Arrays.asList(Row.of("a", 2020, 1L), Row.of("a", 2021, 1L), Row.of("b", 2020, 1L),
                Row.of("a", null, 2L), Row.of("b", null, 1L), Row.of(null, 2020, 2L), Row.of(null, 2021, 1L),
                Row.of(null, null, 3L)));
        assertEquals(expected, rows(c));
    }

    @Test
    void pivotMakesAColumnPerValue() {
        Dataset<Row> p = sales.groupBy("city").pivot("year").agg(sum("amount"));
        assertEquals(List.of("city", "2020", "2021"), List.of(p.columns()));
        assertEquals(List.of(Row.of("a", 1L, 2L), Row.of("b", 4L, null)), p.orderBy("city").collectAsList());
        Dataset<Row> two = sales.groupBy("city").pivot("year", List.of(2020)).agg(sum("amount"), count(col("amount")));
        assertEquals(List.of("city", "2020_sum(amount)", "2020_count(amount)"), List.of(two.columns()));
    }

    private static Column fn(String name, Column... args) {
        return new Column(new io.ember.sql.expressions.UnresolvedFunction(name,
                java.util.Arrays.stream(args).map(Column::expr).toList(), false));
    }

    private static Dataset<Row> keyed() {
        StructType schema = StructType.of(new StructField("k", DataTypes.StringType),
                new StructField("v", DataTypes.IntegerType), new StructField("x", DataTypes.IntegerType));
        return spark.createDataFrame(List.of(Row.of("a", 1, 10), Row.of("a", 2, 20), Row.of("b", 1, null),
                Row.of(null, 3, 5)), schema);
    }

    @Test
    void groupingAndGroupingIdMarkTheLeftOutColumns() {
        Dataset<Row> r = keyed().rollup("k", "v").agg(sum("x"), fn("grouping", col("k")), fn("grouping_id"),
                fn("grouping_id", col("k"), col("v")));
        assertEquals(List.of("k", "v", "sum(x)", "grouping(k)", "grouping_id()", "grouping_id(k, v)"), List.of(r.columns()));
        assertEquals("ByteType", r.schema().fields().get(3).dataType().getClass().getSimpleName());
        // PySpark 4.3's answer for the same data.
        Set<Row> expected = new HashSet<>(Arrays.asList(Row.of(null, null, 5L, (byte) 0, 1L, 1L),
                Row.of(null, null, 35L, (byte) 1, 3L, 3L), Row.of(null, 3, 5L, (byte) 0, 0L, 0L),
                Row.of("a", null, 30L, (byte) 0, 1L, 1L), Row.of("a", 1, 10L, (byte) 0, 0L, 0L),
                Row.of("a", 2, 20L, (byte) 0, 0L, 0L), Row.of("b", null, null, (byte) 0, 1L, 1L),
                Row.of("b", 1, null, (byte) 0, 0L, 0L)));
        assertEquals(expected, rows(r));
    }

    @Test
    void groupingSetsGroupByEachSet() {
        Dataset<Row> g = keyed().groupingSets(List.of(List.of(col("k")), List.of(col("v")), List.of()), col("k"), col("v"))
                .agg(count("*"), fn("grouping_id"));
        assertEquals(List.of("k", "v", "count(1)", "grouping_id()"), List.of(g.columns()));
        Set<Row> expected = new HashSet<>(Arrays.asList(Row.of(null, null, 1L, 1L), Row.of(null, null, 4L, 3L),
                Row.of(null, 1, 2L, 2L), Row.of(null, 2, 1L, 2L), Row.of(null, 3, 1L, 2L), Row.of("a", null, 2L, 1L),
                Row.of("b", null, 1L, 1L)));
        assertEquals(expected, rows(g));
    }

    @Test
    void anAliasedGroupingColumnNamesTheResult() {
        Dataset<Row> r = keyed().rollup(col("k").alias("kk")).agg(sum("v"));
        assertEquals(List.of("kk", "sum(v)"), List.of(r.columns()));
        assertEquals(Set.of(Row.of("a", 3L), Row.of("b", 1L), Row.of(null, 3L), Row.of(null, 7L)), rows(r));
    }

    @Test
    void theInputIsReadOnceThroughAnExpand() {
        Dataset<Row> c = keyed().cube("k", "v").agg(sum("x"));
        io.ember.sql.plans.LogicalPlan optimized = c.queryExecution().optimizedPlan();
        assertEquals(1, optimized.collect(p -> p instanceof io.ember.sql.plans.Expand).size());
        assertEquals(1, optimized.collect(p -> p.children().isEmpty()).size());
        assertEquals(0, optimized.collect(p -> p instanceof io.ember.sql.plans.Union).size());
        io.ember.sql.plans.Expand e = (io.ember.sql.plans.Expand) optimized.collect(p -> p instanceof io.ember.sql.plans.Expand).get(0);
        assertEquals(4, e.projections().size());
    }

    @Test
    void groupingOutsideGroupingSetsAndMismatchesFail() {
        io.ember.sql.AnalysisException e = org.junit.jupiter.api.Assertions.assertThrows(io.ember.sql.AnalysisException.class,
                () -> keyed().groupBy("k").agg(fn("grouping", col("k"))));
        assertEquals("UNSUPPORTED_GROUPING_EXPRESSION", e.getErrorClass());
        e = org.junit.jupiter.api.Assertions.assertThrows(io.ember.sql.AnalysisException.class,
                () -> keyed().rollup("k").agg(fn("grouping", col("v"))));
        assertEquals("GROUPING_COLUMN_MISMATCH", e.getErrorClass());
        e = org.junit.jupiter.api.Assertions.assertThrows(io.ember.sql.AnalysisException.class,
                () -> keyed().rollup("k", "v").agg(fn("grouping_id", col("v"))));
        assertEquals("GROUPING_ID_COLUMN_MISMATCH", e.getErrorClass());
    }

    /** The union of one group-by per set, the left-out columns as typed nulls: the reference answer. */
    private static Set<Row> unionOfGroupBys(Dataset<Row> df, List<List<String>> sets, List<String> keys) {
        Set<Row> out = new HashSet<>();
        for (List<String> set : sets) {
            List<Column> select = new ArrayList<>();
            for (String k : keys) {
                select.add(set.contains(k) ? col(k) : lit(null).cast(df.schema().find(k).get().dataType()).alias(k));
            }
            select.add(col("s"));
            select.add(col("c"));
            Dataset<Row> g = df.groupBy(set.stream().map(functions::col).toArray(Column[]::new))
                    .agg(sum("x").alias("s"), count("*").alias("c"));
            out.addAll(g.select(select.toArray(new Column[0])).collectAsList());
        }
        return out;
    }

    @Test
    void cubeAndRollupMatchAUnionOfGroupBysOnRandomData() {
        java.util.Random rnd = new java.util.Random(11);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            data.add(Row.of(rnd.nextInt(7) == 0 ? null : "k" + rnd.nextInt(4), rnd.nextInt(5) == 0 ? null : rnd.nextInt(3),
                    rnd.nextInt(3) == 0 ? null : (long) rnd.nextInt(1000)));
        }
        Dataset<Row> df = spark.createDataFrame(data, StructType.of(new StructField("a", DataTypes.StringType),
                new StructField("b", DataTypes.IntegerType), new StructField("x", DataTypes.LongType)));
        List<String> keys = List.of("a", "b");
        Set<Row> cube = rows(df.cube("a", "b").agg(sum("x").alias("s"), count("*").alias("c")));
        assertEquals(unionOfGroupBys(df, List.of(keys, List.of("a"), List.of("b"), List.of()), keys), cube);
        Set<Row> rollup = rows(df.rollup("a", "b").agg(sum("x").alias("s"), count("*").alias("c")));
        assertEquals(unionOfGroupBys(df, List.of(keys, List.of("a"), List.of()), keys), rollup);
    }
}
