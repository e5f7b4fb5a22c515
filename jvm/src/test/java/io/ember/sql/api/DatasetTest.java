package io.ember.sql.api;

import static io.ember.sql.api.functions.avg;
import static io.ember.sql.api.functions.col;
import static io.ember.sql.api.functions.count;
import static io.ember.sql.api.functions.lit;
import static io.ember.sql.api.functions.max;
import static io.ember.sql.api.functions.min;
import static io.ember.sql.api.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java API end to end on a local context: plans built, analyzed, optimized, planned and run. */
class DatasetTest {
    private static EmberContext ec;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("dataset-test")
                .set("ember.ui.showConsoleProgress", "false"));
        spark = new SparkSession(ec);
        spark.conf().set(SqlConf.SHUFFLE_PARTITIONS, "4");
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    @Test
    void rangeFilterGroupByOrderByShow() {
        Dataset<Row> df = spark.range(0, 10).filter(col("id").gt(3))
                .groupBy(col("id").mod(2).alias("k"))
                .agg(sum("id"), count("*"), avg("id"), min("id"), max("id"))
                .orderBy("k");
        assertEquals("+---+-------+--------+-------+-------+-------+\n"
                + "|  k|sum(id)|count(1)|avg(id)|min(id)|max(id)|\n"
                + "+---+-------+--------+-------+-------+-------+\n"
                + "|  0|     18|       3|    6.0|      4|      8|\n"
                + "|  1|     21|       3|    7.0|      5|      9|\n"
                + "+---+-------+--------+-------+-------+-------+\n", df.showString(20, 20, false));
    }

    @Test
    void selectWithColumnCollectCountAndSchema() {
        Dataset<Row> df = spark.range(5).withColumn("twice", col("id").multiply(2)).select(col("twice"), col("ID").plus(1));
        assertEquals(List.of("twice", "(id + 1)"), List.of(df.columns()));
        assertEquals(List.of(Row.of(0L, 1L), Row.of(2L, 2L), Row.of(4L, 3L), Row.of(6L, 4L), Row.of(8L, 5L)),
                df.collectAsList());
        assertEquals(5, df.count());
        assertEquals(3, df.filter(col("twice").geq(4)).count());
        assertEquals(List.of(DataTypes.LongType, DataTypes.LongType),
                df.schema().fields().stream().map(StructField::dataType).toList());
        assertTrue(df.schemaTreeString().startsWith("root\n |-- twice: long (nullable = "), df.schemaTreeString());
    }

    @Test
    void showFooterAndLimit() {
        String s = spark.range(30).showString(2, 20, false);
        assertEquals("+---+\n| id|\n+---+\n|  0|\n|  1|\n+---+\nonly showing top 2 rows", s);
        assertEquals(3, spark.range(100).limit(3).collectAsList().size());
    }

    @Test
    void createDataFrameUnionDistinctAndJoinColumns() {
        StructType schema = StructType.of(new StructField("k", DataTypes.StringType), new StructField("v", DataTypes.IntegerType));
        Dataset<Row> left = spark.createDataFrame(List.of(Row.of("a", 1), Row.of("b", 2), Row.of("a", 3)), schema);
        StructType other = StructType.of(new StructField("k", DataTypes.StringType), new StructField("w", DataTypes.DoubleType));
        Dataset<Row> right = spark.createDataFrame(List.of(Row.of("a", 0.5), Row.of("c", 9.0)), other);
        Dataset<Row> joined = left.join(right, "k");
        assertEquals(List.of("k", "v", "w"), List.of(joined.columns()));
        AnalysisException ambiguous = assertThrows(AnalysisException.class,
                () -> left.join(right, left.col("k").equalTo(right.col("k"))).select("k"));
        assertEquals("AMBIGUOUS_REFERENCE", ambiguous.getErrorClass());
        assertEquals(6, left.union(left).count());
        assertEquals(List.of(Row.of("a"), Row.of("b")), left.select("k").distinct().orderBy("k").collectAsList());
    }

    @Test
    void badColumnFailsWhenTheDatasetIsBuilt() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> spark.range(3).select("nope"));
        assertEquals("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `nope`"
                + " cannot be resolved. Did you mean one of the following? [`id`].", e.getMessage());
    }

    @Test
    void explainExtendedHasEveryPhase() {
        String text = spark.range(10).filter(col("id").gt(lit(3))).queryExecution().explainString("extended");
        assertTrue(text.startsWith("== Parsed Logical Plan ==\n"), text);
        assertTrue(text.contains("\n== Analyzed Logical Plan ==\nid: bigint\n"), text);
        assertTrue(text.contains("\n== Optimized Logical Plan ==\n"), text);
        assertTrue(text.contains("\n== Physical Plan ==\n"), text);
        String cost = spark.range(10).filter(col("id").gt(lit(3))).queryExecution().explainString("cost");
        assertTrue(cost.contains("Range (0, 10, step=1, splits=2), Statistics(sizeInBytes=80.0 B, rowCount=10)")
                || cost.contains("Statistics(sizeInBytes=80.0 B, rowCount=10)"), cost);
        String formatted = spark.range(10).filter(col("id").gt(lit(3))).queryExecution().explainString("formatted");
        assertTrue(formatted.startsWith("== Physical Plan ==\n") && formatted.contains("(1) "), formatted);
        assertEquals("80.0 B", ExplainText.bytesToString(80));
        assertEquals("2.0 KiB", ExplainText.bytesToString(2048));
        assertEquals("1024.0 B", ExplainText.bytesToString(1024));
    }
}
