package io.ember.sql.api;

import static io.ember.sql.api.functions.col;
import static io.ember.sql.api.functions.count;
import static io.ember.sql.api.functions.max;
import static io.ember.sql.api.functions.sum;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subqueries through the Dataset API ({@code scalar()}, {@code exists()}, {@code isin(Dataset)},
 * {@code outer()}), run end to end; expected answers are PySpark 4.3's on the same data.
 */
class SubqueryDatasetTest {
    private static EmberContext ec;
    private static SparkSession spark;
    private static Dataset<Row> t;
    private static Dataset<Row> s;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("subquery-test")
                .set("ember.ui.showConsoleProgress", "false"));
        spark = new SparkSession(ec);
        spark.conf().set(SqlConf.SHUFFLE_PARTITIONS, "3");
        t = table("k", "v", new Integer[][] {{1, 10}, {2, null}, {null, 30}, {3, 40}});
        s = table("k", "w", new Integer[][] {{1, 100}, {1, 101}, {null, 102}, {4, 103}});
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static Dataset<Row> table(String a, String b, Integer[][] rows) {
        List<Row> list = new ArrayList<>();
        for (Integer[] r : rows) {
            list.add(Row.of((Object[]) r));
        }
        return spark.createDataFrame(list, new StructType(List.of(new StructField(a, DataTypes.IntegerType, true),
                new StructField(b, DataTypes.IntegerType, true))));
    }

    /** The rows as text, sorted: {@code [1,10, null,30]}. */
    private static List<String> rows(Dataset<Row> df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                cells.add(String.valueOf(r.get(i)));
            }
            out.add(String.join(",", cells));
        }
        out.sort(null);
        return out;
    }

    private static Column corr(String inner, String outer) {
        return col(inner).equalTo(col(outer).outer());
    }

    @Test
    void uncorrelatedScalarInSelectAndFilter() {
        Dataset<Row> df = t.select(col("k"), s.select(max("w")).scalar());
        assertArrayEquals(new String[] {"k", "scalarsubquery()"}, df.columns());
        assertEquals(List.of("1,103", "2,103", "3,103", "null,103"), rows(df));
        assertEquals(List.of("3,40", "null,30"), rows(t.where(col("v").gt(t.select(functions.avg("v")).scalar()))));
    }

    @Test
    void uncorrelatedScalarOfNoRowsIsNullAndOfTwoRowsFails() {
        assertEquals(List.of("1,null", "2,null", "3,null", "null,null"),
                rows(t.select(col("k"), s.where(col("k").gt(100)).select("w").scalar())));
        RuntimeException e = assertThrows(RuntimeException.class, () -> t.select(col("k"), s.select("w").scalar()).collectAsList());
        assertTrue(String.valueOf(e.getMessage()).contains("SCALAR_SUBQUERY_TOO_MANY_ROWS")
                || String.valueOf(e.getCause()).contains("SCALAR_SUBQUERY_TOO_MANY_ROWS"), e.toString());
    }

    @Test
    void inSubqueryIsASemiJoin() {
        assertEquals(List.of("1,10"), rows(t.where(col("k").isin(s.select("k")))));
    }

    @Test
    void notInFollowsSqlNullSemantics() {
        // a null among the subquery's values makes NOT IN unknown for every row
        assertEquals(List.of(), rows(t.where(functions.not(col("k").isin(s.select("k"))))));
        // a null value is unknown when the subquery has rows, kept when it has none
        assertEquals(List.of("2,null", "3,40"), rows(t.where(functions.not(col("k").isin(s.where(col("k").isNotNull()).select("k"))))));
        assertEquals(List.of("1,10", "2,null", "3,40", "null,30"),
                rows(t.where(functions.not(col("k").isin(s.where(col("k").gt(100)).select("k"))))));
    }

    @Test
    void correlatedExistsAndNotExists() {
        Dataset<Row> inner = s.as("b").where(corr("b.k", "a.k"));
        assertEquals(List.of("1,10"), rows(t.as("a").where(inner.exists())));
        assertEquals(List.of("2,null", "3,40", "null,30"), rows(t.as("a").where(functions.not(inner.exists()))));
        Dataset<Row> greater = s.as("b").where(col("b.k").gt(col("a.k").outer()));
        assertEquals(List.of("1,10", "2,null", "3,40"), rows(t.as("a").where(greater.exists())));
    }

    @Test
    void correlatedScalarCountOverNoRowsIsZero() {
        Dataset<Row> df = t.as("a").select(col("k"), s.as("b").where(corr("b.k", "a.k")).select(count("*")).scalar());
        assertArrayEquals(new String[] {"k", "scalarsubquery(k)"}, df.columns());
        assertEquals(List.of("1,2", "2,0", "3,0", "null,0"), rows(df));
        assertEquals(List.of("1,3", "2,1", "3,1", "null,1"),
                rows(t.as("a").select(col("k"), s.as("b").where(corr("b.k", "a.k")).select(count("*").plus(1)).scalar())));
        assertEquals(List.of("1,201", "2,null", "3,null", "null,null"),
                rows(t.as("a").select(col("k"), s.as("b").where(corr("b.k", "a.k")).select(sum("w")).scalar())));
    }

    @Test
    void correlatedScalarOnTheSameDataFrameInAFilter() {
        Dataset<Row> emp = table("dept", "salary", new Integer[][] {{101, 45000}, {101, 54000}, {102, 29000}, {102, 61000},
                {101, 48000}});
        Dataset<Row> df = emp.as("e1").where(col("salary").gt(
                emp.as("e2").where(corr("e2.dept", "e1.dept")).select(functions.avg("salary")).scalar()));
        assertEquals(List.of("101,54000", "102,61000"), rows(df));
    }

    @Test
    void correlatedScalarWithoutAggregateFailsOnTwoRows() {
        Dataset<Row> df = t.as("a").select(col("k"), s.as("b").where(corr("b.k", "a.k")).select("w").scalar());
        RuntimeException e = assertThrows(RuntimeException.class, df::collectAsList);
        assertTrue(String.valueOf(e.getMessage()).contains("SCALAR_SUBQUERY_TOO_MANY_ROWS")
                || String.valueOf(e.getCause()).contains("SCALAR_SUBQUERY_TOO_MANY_ROWS"), e.toString());
        assertEquals(List.of("1,10", "2,null", "3,40", "null,30"), rows(t.as("a").select(col("k"), col("v"))));
        Dataset<Row> one = t.as("a").select(col("k"), s.as("b").where(corr("b.k", "a.k").and(col("w").gt(100))).select("w").scalar());
        assertEquals(List.of("1,101", "2,null", "3,null", "null,null"), rows(one));
    }

    @Test
    void unsupportedCorrelationIsAnAnalysisError() {
        // not aggregated (Spark 4 answers it with a run-time row check; Ember refuses it); a global aggregate over it runs
        Dataset<Row> nonEquality = s.as("b").where(col("b.k").gt(col("a.k").outer())).select("w");
        AnalysisException e = assertThrows(AnalysisException.class, () -> t.as("a").select(col("k"), nonEquality.scalar()));
        assertTrue(e.getErrorClass().startsWith("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY"), e.getMessage());
        Dataset<Row> inSelect = s.as("b").select(col("w").plus(col("a.k").outer()));
        assertThrows(AnalysisException.class, () -> t.as("a").where(inSelect.exists()));
        AnalysisException unknown = assertThrows(AnalysisException.class,
                () -> t.as("a").where(s.as("b").where(corr("b.k", "a.nope")).exists()));
        assertEquals("UNRESOLVED_COLUMN.WITH_SUGGESTION", unknown.getErrorClass());
        AnalysisException twoColumns = assertThrows(AnalysisException.class, () -> t.select(s.scalar()));
        assertTrue(twoColumns.getErrorClass().startsWith("INVALID_SUBQUERY_EXPRESSION"), twoColumns.getMessage());
    }

    @Test
    void existsAndInOutsideFilterConjunctsAreTrueOrFalse() {
        Dataset<Row> any = t.select(col("k"), s.exists());
        assertArrayEquals(new String[] {"k", "exists()"}, any.columns());
        assertEquals(List.of("1,true", "2,true", "3,true", "null,true"), rows(any));
        assertEquals(List.of("1,false", "2,false", "3,false", "null,false"),
                rows(t.select(col("k"), s.where(col("k").gt(100)).exists())));
        Dataset<Row> matching = t.as("a").select(col("k"), s.as("b").where(corr("b.k", "a.k")).exists());
        assertArrayEquals(new String[] {"k", "exists(k)"}, matching.columns());
        assertEquals(List.of("1,true", "2,false", "3,false", "null,false"), rows(matching));
        Dataset<Row> in = t.select(col("k"), col("k").isin(s.select("k")));
        assertArrayEquals(new String[] {"k", "(k IN (listquery()))"}, in.columns());
        assertEquals(List.of("1,true", "2,false", "3,false", "null,false"), rows(in));
        Dataset<Row> either = t.as("a").where(s.as("b").where(corr("b.k", "a.k")).exists().or(col("v").gt(35)));
        assertEquals(List.of("1,10", "3,40"), rows(either));
    }

    @Test
    void inSubqueryWidensTypes() {
        Dataset<Row> longs = spark.range(0, 3).toDF("k");
        assertEquals(List.of("1,10", "2,null"), rows(t.where(col("k").isin(longs))));
        assertTrue(Arrays.asList(t.where(col("k").isin(longs)).columns()).contains("v"));
    }
}
