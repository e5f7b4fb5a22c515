package io.ember.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.AnalysisException;
import io.ember.sql.SqlConf;
import io.ember.sql.api.Dataset;
import io.ember.sql.api.Row;
import io.ember.sql.api.SparkSession;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SQL text in, answers out: one test per grammar construct, over VALUES, CTEs and range(). */
class SqlQueryTest {
    private static final String T = "WITH t AS (SELECT * FROM VALUES (1, 'a', 10), (2, 'b', 20), (3, 'a', 30), "
            + "(4, CAST(NULL AS STRING), 40) AS v(k, s, x)) ";
    private static EmberContext ec;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("sql-test")
                .set("ember.ui.showConsoleProgress", "false"));
        spark = new SparkSession(ec);
        spark.conf().set(SqlConf.SHUFFLE_PARTITIONS, "2");
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static String rows(String sql) {
        Dataset<Row> df = spark.sql(sql);
        return String.join(" ", df.collectAsList().stream().map(Row::toString).toList());
    }

    private static List<String> columns(String sql) {
        return List.of(spark.sql(sql).columns());
    }

    @Test
    void selectWithoutFrom() {
        assertEquals("[3,ab,6]", rows("SELECT 1 + 2, 'a' || 'b', 2 * 3 AS x"));
        assertEquals(List.of("(1 + 2)", "x"), columns("SELECT 1 + 2, 2 * 3 AS x"));
    }

    @Test
    void selectFromWhereGroupByHavingOrderByLimit() {
        assertEquals("[a,40,2] [b,20,1]", rows(T + "SELECT s, sum(x) AS total, count(*) AS n FROM t WHERE k < 4 "
                + "GROUP BY s HAVING count(*) >= 1 ORDER BY s LIMIT 5"));
        assertEquals("[null,40] [a,40]", rows(T + "SELECT s, sum(x) FROM t GROUP BY s HAVING sum(x) > 30 ORDER BY s"));
    }

    @Test
    void ordinalsInOrderByAndGroupBy() {
        assertEquals("[4,0] [3,1] [2,0]", rows("SELECT id, id % 2 AS p FROM range(5) WHERE id > 1 ORDER BY 1 DESC"));
        assertEquals("[0,2] [1,2]", rows("SELECT id % 2 AS p, count(*) FROM range(4) GROUP BY 1 ORDER BY 1"));
        assertEquals("[0,2] [1,2]", rows("SELECT id % 2 AS p, count(*) FROM range(4) GROUP BY p ORDER BY p"));
        assertThrows(AnalysisException.class, () -> spark.sql("SELECT id FROM range(3) ORDER BY 2"));
    }

    @Test
    void rangeTableFunction() {
        assertEquals("[0] [1] [2]", rows("SELECT * FROM range(3)"));
        assertEquals("[2] [4]", rows("SELECT id FROM range(2, 6, 2)"));
    }

    private static final String TU = "WITH t AS (SELECT * FROM VALUES (1, 'a', 10), (2, 'b', 20), (3, 'a', 30) AS v(k, s, x)), "
            + "u AS (SELECT * FROM VALUES (1, 'one'), (3, 'three'), (5, 'five') AS w(k, name)) ";

    @Test
    void joinsOfEveryKind() {
        assertEquals("[1,one] [3,three]", rows(TU + "SELECT t.k, u.name FROM t JOIN u ON t.k = u.k ORDER BY 1"));
        assertEquals("[1,one] [2,null] [3,three]", rows(TU + "SELECT t.k, u.name FROM t LEFT JOIN u ON t.k = u.k ORDER BY 1"));
        assertEquals("[null,five] [1,one] [3,three]",
                rows(TU + "SELECT t.k, u.name FROM t RIGHT OUTER JOIN u ON t.k = u.k ORDER BY 2"));
        assertEquals("[null,5] [1,1] [2,null] [3,3]",
                rows(TU + "SELECT t.k, u.k FROM t FULL OUTER JOIN u ON t.k = u.k ORDER BY 1, 2"));
        assertEquals("[1,a,10] [3,a,30]", rows(TU + "SELECT * FROM t LEFT SEMI JOIN u ON t.k = u.k ORDER BY k"));
        assertEquals("[2,b,20]", rows(TU + "SELECT * FROM t ANTI JOIN u ON t.k = u.k"));
        assertEquals("[9]", rows(TU + "SELECT count(*) FROM t CROSS JOIN u"));
        assertEquals("[1,one] [3,three]", rows(TU + "SELECT t.k, name FROM t, u WHERE t.k = u.k ORDER BY t.k"));
    }

    @Test
    void usingAndNaturalJoins() {
        assertEquals(List.of("k", "s", "x", "name"), columns(TU + "SELECT * FROM t JOIN u USING (k)"));
        assertEquals("[1,a,10,one] [3,a,30,three]", rows(TU + "SELECT * FROM t JOIN u USING (k) ORDER BY k"));
        assertEquals("[1,a,10,one] [3,a,30,three]", rows(TU + "SELECT * FROM t NATURAL JOIN u ORDER BY k"));
        assertEquals("[1,a,10,one] [2,b,20,null] [3,a,30,three] [5,null,null,five]",
                rows(TU + "SELECT * FROM t FULL JOIN u USING (k) ORDER BY k"));
        assertThrows(AnalysisException.class, () -> spark.sql(TU + "SELECT * FROM t JOIN u USING (x)"));
    }

    @Test
    void selfJoinOfOneCteGetsDistinctSides() {
        assertEquals("[2,1] [3,2]", rows(TU + "SELECT a.k, b.k FROM t a JOIN t b ON a.k = b.k + 1 ORDER BY 1"));
    }

    @Test
    void setOperations() {
        assertEquals("[1] [2] [3] [5]", rows(TU + "SELECT k FROM t UNION SELECT k FROM u ORDER BY k"));
        assertEquals("[1] [1] [2] [3] [3] [5]", rows(TU + "SELECT k FROM t UNION ALL SELECT k FROM u ORDER BY k"));
        assertEquals("[1] [3]", rows(TU + "SELECT k FROM t INTERSECT SELECT k FROM u ORDER BY k"));
        assertEquals("[2]", rows(TU + "SELECT k FROM t EXCEPT SELECT k FROM u"));
        assertEquals("[2]", rows(TU + "SELECT k FROM t MINUS SELECT k FROM u"));
        // INTERSECT binds tighter than UNION
        assertEquals("[1] [2] [3]", rows(TU + "SELECT k FROM t UNION SELECT k FROM t INTERSECT SELECT k FROM u ORDER BY k"));
    }

    @Test
    void distinctSubqueryInFromAndNestedCtes() {
        assertEquals("[a] [b]", rows(TU + "SELECT DISTINCT s FROM t ORDER BY s"));
        assertEquals("[2,20]", rows(TU + "SELECT * FROM (SELECT k, x FROM t WHERE x > 10) sub WHERE sub.k < 3"));
        assertEquals("[2]", rows("WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT * FROM b"));
        assertEquals("[2]", rows("WITH a AS (WITH i AS (SELECT 2 AS z) SELECT z FROM i) SELECT * FROM a"));
        assertEquals("[1,2]", rows("SELECT * FROM (SELECT 1, 2) AS p(a, b)"));
    }

    @Test
    void valuesAndTableFunctions() {
        assertEquals(List.of("col1"), columns("SELECT * FROM VALUES 1, 2, 3"));
        assertEquals("[1] [2] [3]", rows("SELECT * FROM VALUES 1, 2, 3"));
        assertEquals("[1,a] [2,b]", rows("VALUES (1, 'a'), (2, 'b')"));
        assertEquals("[1] [2]", rows("SELECT * FROM explode(array(1, 2))"));
        // rows of different types widen, and what is built above the VALUES sees the wider type
        assertEquals("[3.5]", rows("SELECT sum(v) FROM VALUES (1), (2.5) AS t(v)"));
    }

    @Test
    void lateralView() {
        assertEquals("[1,1] [1,2] [2,1] [2,2]",
                rows("SELECT id, c FROM range(1, 3) LATERAL VIEW explode(array(1, 2)) e AS c ORDER BY id, c"));
    }

    @Test
    void windowsInlineAndNamed() {
        assertEquals("[a,1,2] [a,3,1] [b,2,1]",
                rows(TU + "SELECT s, k, rank() OVER (PARTITION BY s ORDER BY x DESC) AS r FROM t ORDER BY s, k"));
        assertEquals("[1,10] [2,30] [3,60]", rows(TU + "SELECT k, sum(x) OVER w AS run FROM t "
                + "WINDOW w AS (ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) ORDER BY k"));
        assertEquals("[1,30] [2,60] [3,50]", rows(TU + "SELECT k, sum(x) OVER (ORDER BY k ROWS BETWEEN 1 PRECEDING "
                + "AND 1 FOLLOWING) FROM t ORDER BY k"));
    }

    @Test
    void limitOffsetAndSortBy() {
        assertEquals("[7] [6] [5]", rows("SELECT id FROM range(10) ORDER BY id DESC LIMIT 3 OFFSET 2"));
        assertEquals("[0] [1]", rows("SELECT id FROM range(10) ORDER BY id NULLS LAST LIMIT 2"));
        assertThrows(io.ember.sql.ParseException.class, () -> spark.sql("SELECT id FROM range(3) LIMIT -1"));
    }

    @Test
    void hintsAndCommentsAndBackquotes() {
        assertEquals("[0] [1]", rows("SELECT /*+ BROADCAST(r) */ * FROM range(2) r -- trailing comment\n"));
        assertEquals(List.of("my col"), columns("SELECT `id` AS `my col` FROM range(1) /* block */"));
    }
}
