package io.ember.sql.api;

import static io.ember.sql.api.functions.col;
import static io.ember.sql.api.functions.count;
import static io.ember.sql.api.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.SqlConf;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** rollup, cube and pivot, run end to end; expected rows worked out by hand. */
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
}
