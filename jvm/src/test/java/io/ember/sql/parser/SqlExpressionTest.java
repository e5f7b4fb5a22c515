package io.ember.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.ParseException;
import io.ember.sql.api.Dataset;
import io.ember.sql.api.Row;
import io.ember.sql.api.SparkSession;
import io.ember.sql.api.functions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Expressions in SQL text: literals and their types, operators, predicates, CASE, CAST, intervals, EXTRACT. */
class SqlExpressionTest {
    private static EmberContext ec;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[1]").setAppName("sql-expr-test")
                .set("ember.ui.showConsoleProgress", "false"));
        spark = new SparkSession(ec);
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static String row(String sql) {
        return spark.sql(sql).collectAsList().get(0).toString();
    }

    private static List<String> types(String sql) {
        Dataset<Row> df = spark.sql(sql);
        return df.schema().fields().stream().map(f -> f.dataType().simpleString()).toList();
    }

    @Test
    void literalsAreTypedAsSparkTypesThem() {
        assertEquals(List.of("decimal(2,1)", "double", "bigint", "smallint", "tinyint", "decimal(2,1)", "double", "float",
                "binary", "int", "bigint", "string", "boolean", "void"),
                types("SELECT 1.5, 1e3, 1L, 1S, 1Y, 1.5BD, 1D, 1F, X'0A', -5, 3000000000, 'a', true, NULL"));
        assertEquals("[it's,dq,a\tb,ab]", row("SELECT 'it''s', \"dq\", 'a\\tb', 'a' 'b'"));
        assertEquals(List.of("DATE '2020-01-01'"), List.of(spark.sql("SELECT DATE '2020-01-01'").columns()));
        assertThrows(ParseException.class, () -> spark.sql("SELECT DATE '2020-13-45'"));
        assertThrows(ParseException.class, () -> spark.sql("SELECT 300Y"));
    }

    @Test
    void arithmeticAndLogic() {
        assertEquals("[false,true,2,1,-1,5]", row("SELECT NOT true, !false, 5 DIV 2, 7 % 3, -id, 2 + 3 FROM range(1, 2)"));
        assertEquals("[7,true,false]", row("SELECT 1 + 2 * 3, 1 < 2 AND 2 <= 2 OR false, 1 <> 1"));
    }

    @Test
    void predicates() {
        assertEquals("[true,true,false,true,true,true,false]", row("SELECT 1 IN (1, 2), 2 BETWEEN 1 AND 3, "
                + "2 NOT BETWEEN 1 AND 3, 'ab' LIKE 'a%', 'AB' ILIKE 'a%', 'ab' RLIKE '^a', 'ab' NOT LIKE 'a_'"));
        assertEquals("[true,false,true,true,false]", row("SELECT NULL IS NOT DISTINCT FROM NULL, "
                + "1 IS DISTINCT FROM 1, NULL IS NULL, 1 IS TRUE, NULL IS FALSE"));
    }

    @Test
    void caseAndCast() {
        assertEquals("[a,x,null]", row("SELECT CASE WHEN 1 = 1 THEN 'a' ELSE 'b' END, CASE 1 WHEN 1 THEN 'x' END, "
                + "CASE 2 WHEN 1 THEN 'x' END"));
        assertEquals("[1,2,1.5]", row("SELECT CAST('1' AS INT), '2'::int, CAST('1.5' AS DECIMAL(3, 1))"));
        assertEquals(List.of("array<int>", "map<string,bigint>"),
                types("SELECT CAST(array('1') AS ARRAY<INT>), CAST(map('a', 1) AS MAP<STRING, BIGINT>)"));
    }

    @Test
    void dateArithmeticWithIntervalsAndExtract() {
        assertEquals("[1998-09-02,2020-02-29,2021-01-01,2020-01-02]", row("SELECT DATE '1998-12-01' - INTERVAL '90' DAY, "
                + "DATE '2020-01-31' + INTERVAL 1 MONTH, DATE '2020-01-01' + INTERVAL '1' YEAR, DATE '2020-01-01' + 1"));
        assertEquals("[2021-03-01]", row("SELECT DATE '2020-01-01' + INTERVAL '1-2' YEAR TO MONTH"));
        assertEquals("[2020,3,1]", row("SELECT EXTRACT(YEAR FROM DATE '2020-03-01'), EXTRACT(MONTH FROM DATE '2020-03-01'), "
                + "EXTRACT(DAY FROM DATE '2020-03-01')"));
        // Spark 4 refuses a literal mixing year-month and day-time units
        assertThrows(ParseException.class, () -> spark.sql("SELECT INTERVAL 1 YEAR 1 DAY"));
    }

    @Test
    void structFieldsSubscriptsAndStars() {
        assertEquals("[1,2,2]", row("SELECT named_struct('a', 1).a, array(1, 2)[1], map('k', 2)['k']"));
        assertEquals("[0,0]", row("SELECT r.*, r.id FROM range(1) r"));
    }

    @Test
    void aggregatesWithFilterDistinctAndIgnoreNulls() {
        assertEquals("[2,2,5]", row("SELECT count(*) FILTER (WHERE id > 2), count(DISTINCT id % 2), count(1) FROM range(5)"));
        assertEquals("[1]", row("SELECT first(v) IGNORE NULLS FROM VALUES (NULL), (1), (2) AS t(v)"));
    }

    @Test
    void exprSelectExprAndStringFilters() {
        Dataset<Row> df = spark.range(5);
        assertEquals("[[3,6], [4,8]]", df.selectExpr("id", "id * 2 AS d").filter("id > 2").collectAsList().toString());
        assertEquals("[[1]]", df.select(functions.expr("id + 1 AS n")).where("n < 2").collectAsList().toString());
        assertTrue(assertThrows(ParseException.class, () -> functions.expr("id +")).getMessage()
                .contains("Syntax error at or near end of input"));
    }

    @Test
    void lambdas() {
        assertEquals("[[2, 3],6]", row("SELECT transform(array(1, 2), x -> x + 1), "
                + "aggregate(array(1, 2, 3), 0, (acc, x) -> acc + x)"));
    }
}
